import { readdirSync } from 'node:fs';
import { expect } from 'chai';
import { MIGRATIONS_DIR } from '../../src/config/project-paths.js';
import { runMigrations } from '../../src/adapters/postgres/migrations.js';
import { createScratchDatabase, type TestDatabase } from '../support/database.js';

/** Everything the migrations own in the public schema, apart from node-pg-migrate's bookkeeping. */
async function schemaObjects(db: TestDatabase): Promise<string[]> {
  const { rows } = await db.pool.query<{ object: string }>(
    `SELECT c.relkind::text || ' ' || c.relname AS object
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE 'pgmigrations%'
     UNION ALL
     SELECT 'constraint ' || con.conrelid::regclass || '.' || con.conname || ' ' || pg_get_constraintdef(con.oid)
       FROM pg_constraint con
      WHERE con.connamespace = 'public'::regnamespace AND con.conrelid <> 'pgmigrations'::regclass
     UNION ALL
     SELECT 'function ' || p.proname FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
     UNION ALL
     SELECT 'trigger ' || t.tgname FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
     ORDER BY 1`,
  );
  return rows.map((row) => row.object);
}

async function tables(db: TestDatabase): Promise<string[]> {
  const { rows } = await db.pool.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  return rows.map((row) => row.name);
}

const MIGRATIONS = readdirSync(MIGRATIONS_DIR)
  .filter((name) => name.endsWith('.sql'))
  .sort()
  .map((name) => name.slice(0, -'.sql'.length));

/** The tables each migration creates, in order (its down must drop exactly these). */
const TABLES_BY_MIGRATION: Record<string, string[]> = {
  '0001_catalog': ['modules', 'stages', 'tracks'],
  '0002_identity': ['admin_users', 'login_rate_limits', 'users'],
  '0003_settings': ['settings_versions', 'track_settings'],
  '0004_progress_and_approvals': ['approval_requests', 'user_stage_progress'],
  '0005_content_and_questions': [
    'answer_options',
    'article_minitest_questions',
    'articles',
    'questions',
    'user_stage_articles',
  ],
  '0006_diagnostika': [
    'diagnostika_attempt_answers',
    'diagnostika_attempt_questions',
    'diagnostika_module_stats',
    'diagnostika_results',
  ],
  '0007_level_exam': [
    'level_exam_attempt_answers',
    'level_exam_attempt_module_stats',
    'level_exam_attempt_questions',
    'level_exam_attempts',
  ],
  '0008_rank_final': [
    'rank_final_attempt_answers',
    'rank_final_attempt_module_stats',
    'rank_final_attempt_questions',
    'rank_final_attempts',
  ],
  '0009_admin_workspace': ['admin_audit_log'],
  '0010_approval_request_details': [],
  '0011_sessions': ['refresh_tokens'],
  '0013_item_statistics': ['item_option_stripes', 'item_statistic_stripes'],
  '0014_exam_sittings': ['diagnostika_saved_answers', 'level_exam_saved_answers', 'rank_final_saved_answers'],
  '0015_foreign_key_indexes': [],
};

describe('migrations', () => {
  let scratch: TestDatabase | undefined;
  const db = () => {
    if (scratch === undefined) throw new Error('no scratch database');
    return scratch;
  };

  beforeEach(async function () {
    this.timeout(120_000);
    scratch = await createScratchDatabase();
  });

  afterEach(async () => {
    await scratch?.drop();
    scratch = undefined;
  });

  it('are the hand-written change-sets, in order', () => {
    expect(MIGRATIONS).to.deep.equal(Object.keys(TABLES_BY_MIGRATION));
  });

  it('go up on an empty database, down to nothing, and up again to the same schema', async () => {
    const url = db().url;
    expect(await runMigrations({ databaseUrl: url, direction: 'up' })).to.deep.equal(MIGRATIONS);
    expect(await tables(db())).to.deep.equal(['pgmigrations', ...Object.values(TABLES_BY_MIGRATION).flat()].sort());
    const schema = await schemaObjects(db());

    expect(await runMigrations({ databaseUrl: url, direction: 'down' })).to.deep.equal([...MIGRATIONS].reverse());
    expect(await tables(db())).to.deep.equal(['pgmigrations']);
    expect(await schemaObjects(db())).to.deep.equal([]);
    const { rows } = await db().pool.query('SELECT count(*)::int AS applied FROM pgmigrations');
    expect(rows[0].applied).to.equal(0);

    expect(await runMigrations({ databaseUrl: url, direction: 'up' })).to.deep.equal(MIGRATIONS);
    expect(await schemaObjects(db())).to.deep.equal(schema);
  });

  it('step down one at a time, each down dropping exactly what its up created', async () => {
    const url = db().url;
    await runMigrations({ databaseUrl: url, direction: 'up' });
    const remaining = { ...TABLES_BY_MIGRATION };
    for (const migration of [...MIGRATIONS].reverse()) {
      expect(await runMigrations({ databaseUrl: url, direction: 'down', count: 1 })).to.deep.equal([migration]);
      delete remaining[migration];
      expect(await tables(db()), `after reverting ${migration}`).to.deep.equal(
        ['pgmigrations', ...Object.values(remaining).flat()].sort(),
      );
      // and it goes back up on top of the previous ones
      expect(await runMigrations({ databaseUrl: url, direction: 'up', count: 1 })).to.deep.equal([migration]);
      expect(await runMigrations({ databaseUrl: url, direction: 'down', count: 1 })).to.deep.equal([migration]);
    }
    expect(await schemaObjects(db())).to.deep.equal([]);
  });

  it("name every constraint and index explicitly, within PostgreSQL's 63-character limit", async () => {
    await runMigrations({ databaseUrl: db().url, direction: 'up' });
    const { rows } = await db().pool.query<{ name: string }>(
      `SELECT conname AS name FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid <> 'pgmigrations'::regclass
       UNION ALL
       SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'pgmigrations'`,
    );
    expect(rows.length).to.be.greaterThan(100);
    const unnamed = rows.filter((row) => !/^(ck|uq|fk|ix|pk)_/.test(row.name) && !row.name.endsWith('_pkey'));
    expect(unnamed.map((row) => row.name)).to.deep.equal([]);
    expect(rows.filter((row) => row.name.length > 63)).to.deep.equal([]);
  });
});
