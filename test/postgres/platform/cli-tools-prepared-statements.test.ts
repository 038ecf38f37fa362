import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import pg from 'pg';
import { loadSqlCatalogue } from '../../../src/adapters/postgres/sql-catalogue.js';
import { PROJECT_ROOT } from '../../../src/config/project-paths.js';
import { useTestDatabase } from '../../support/database.js';
import { uniqueEmail } from '../../support/fixtures/identity.js';
import { startPgBouncer, type PgBouncer } from '../../support/pgbouncer.js';

const run = promisify(execFile);

/**
 * The CLI tools (migrate, seed, admin:create, sessions:prune) run direct to PostgreSQL with named
 * prepared statements by default, and honour DB_PREPARED_STATEMENTS=false like the server, so they
 * also work pointed at a transaction-mode PgBouncer (docs/decisions.md, "CLI tools and prepared
 * statements"). To make the difference certain rather than likely, every server connection behind
 * the PgBouncer first gets a statement prepared under each name the tools' repositories use: a
 * named Parse then always collides, an unnamed one never does.
 */
describe('CLI tools with DB_PREPARED_STATEMENTS on and off', function () {
  this.timeout(180_000);
  const db = useTestDatabase({ seeded: false });
  let bouncer: PgBouncer;

  before(async () => {
    bouncer = await startPgBouncer(db.url);
    await occupyStatementNames(bouncer.urlThrough(db.url));
  });
  after(async () => {
    await bouncer?.stop();
  });

  /** PgBouncer's default_pool_size is 8: eight transactions at once hold every server connection. */
  async function occupyStatementNames(url: string): Promise<void> {
    const names = [...loadSqlCatalogue().keys()].filter((key) => key.startsWith('identity/'));
    const clients = Array.from({ length: 8 }, () => new pg.Client({ connectionString: url }));
    await Promise.all(clients.map((client) => client.connect()));
    try {
      await Promise.all(clients.map((client) => client.query('BEGIN')));
      await Promise.all(
        clients.map(async (client) => {
          for (const name of names) await client.query(`PREPARE ${pg.escapeIdentifier(name)} AS SELECT 1`);
        }),
      );
      await Promise.all(clients.map((client) => client.query('COMMIT')));
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  }

  const cli = (script: string, args: string[], env: Record<string, string>) =>
    run(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_TIME_COST: '1', ...env },
    });
  const failure = (outcome: Promise<unknown>) =>
    outcome.then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );

  it('migrate (direct: its lock is per session) and seed (also through PgBouncer) work whatever the setting', async () => {
    for (const prepared of ['true', 'false']) {
      const migrated = await cli('migrate', ['up'], { DATABASE_URL: db.url, DB_PREPARED_STATEMENTS: prepared });
      expect(migrated.stdout + migrated.stderr).to.match(/No migrations to run/);
      for (const url of [db.url, bouncer.urlThrough(db.url)]) {
        const seeded = await cli('seed', [], { DATABASE_URL: url, DB_PREPARED_STATEMENTS: prepared });
        expect(seeded.stdout).to.match(/^Seed applied/);
      }
    }
  });

  it('admin:create and sessions:prune work direct with prepared statements on (the default) and off', async () => {
    for (const prepared of [undefined, 'true', 'false']) {
      const env = {
        DATABASE_URL: db.url,
        ADMIN_PASSWORD: 'cli-admin-password',
        ...(prepared && { DB_PREPARED_STATEMENTS: prepared }),
      };
      const created = await cli('admin-create', ['--email', uniqueEmail('cli'), '--name', 'CLI Admin'], env);
      expect(created.stdout).to.match(/^Created admin #\d+ /);
      const pruned = await cli('sessions-prune', [], env);
      expect(pruned.stdout).to.match(/^Deleted \d+ refresh tokens? of ended sessions/);
    }
  });

  it('through a transaction-mode PgBouncer, admin:create and sessions:prune need DB_PREPARED_STATEMENTS=false', async () => {
    const through = { DATABASE_URL: bouncer.urlThrough(db.url), ADMIN_PASSWORD: 'cli-admin-password' };
    const email = uniqueEmail('cli-bouncer');

    const named = await failure(cli('admin-create', ['--email', email, '--name', 'CLI Admin'], through));
    expect(named?.code).to.equal(1);
    expect(named?.stderr).to.match(/prepared statement ".+" already exists/);

    const unnamed = { ...through, DB_PREPARED_STATEMENTS: 'false' };
    const created = await cli('admin-create', ['--email', email, '--name', 'CLI Admin'], unnamed);
    expect(created.stdout).to.match(/^Created admin #\d+ /);
    const again = await cli('admin-create', ['--email', email, '--name', 'CLI Admin Again'], unnamed);
    expect(again.stdout).to.match(/^Updated admin #\d+ /);
    const pruned = await cli('sessions-prune', [], unnamed);
    expect(pruned.stdout).to.match(/^Deleted \d+ refresh tokens? of ended sessions/);
    const stored = await db.pool.query('SELECT full_name FROM admin_users WHERE email = $1', [email]);
    expect(stored.rows).to.deep.equal([{ full_name: 'CLI Admin Again' }]);
  });

  it('refuses a DB_PREPARED_STATEMENTS that is not a boolean, naming it', async () => {
    const outcome = await failure(
      cli('sessions-prune', [], { DATABASE_URL: db.url, DB_PREPARED_STATEMENTS: 'sometimes' }),
    );
    expect(outcome?.code).to.equal(1);
    expect(outcome?.stderr).to.include('DB_PREPARED_STATEMENTS');
  });
});
