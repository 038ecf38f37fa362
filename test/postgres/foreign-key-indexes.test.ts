import { expect } from 'chai';
import { useTestDatabase } from '../support/database.js';

/**
 * Every foreign key of the schema has an index the referencing side can be searched by
 * (docs/decisions.md, "An index behind every foreign key"): an index whose leading columns are
 * exactly the key's columns (in any order), or a unique index over some of them (at most one row
 * can match). A partial index counts only when its predicate is `<column> IS NOT NULL` of a
 * one-column key, which every lookup by a key value implies.
 */
const UNINDEXED_FOREIGN_KEYS = `
  SELECT c.conrelid::regclass::text AS "table", c.conname AS "constraint",
         (SELECT string_agg(a.attname, ', ' ORDER BY k.n)
            FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns
    FROM pg_constraint c
   WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
     AND NOT EXISTS (
       SELECT 1 FROM pg_index i
        WHERE i.indrelid = c.conrelid
          AND (i.indpred IS NULL
               OR (cardinality(c.conkey) = 1
                   AND pg_get_expr(i.indpred, i.indrelid) =
                       '(' || (SELECT quote_ident(attname) FROM pg_attribute
                                WHERE attrelid = c.conrelid AND attnum = c.conkey[1]) || ' IS NOT NULL)'))
          AND (((i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
               OR (i.indisunique AND (i.indkey::int2[])[0:i.indnkeyatts - 1] <@ c.conkey)))
   ORDER BY 1, 2`;

/** The tables that grow with every learner and attempt, with the composite keys the issue named. */
const LEARNER_SIZED_KEYS = [
  'diagnostika_attempt_answers: question_id, selected_option_id',
  'level_exam_attempt_answers: question_id, selected_option_id',
  'rank_final_attempt_answers: question_id, selected_option_id',
  'diagnostika_results: stage_id, stage_position',
  'rank_final_attempts: stage_id, stage_level',
];

describe('schema: foreign keys', () => {
  const db = useTestDatabase();

  it('every foreign key of the schema has an index led by its columns', async () => {
    const keys = await db.pool.query<{ table: string; columns: string }>(
      `SELECT c.conrelid::regclass::text AS "table",
              (SELECT string_agg(a.attname, ', ' ORDER BY k.n)
                 FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns
         FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    // The check below covers the whole schema, the learner-sized composite keys included.
    expect(keys.rows.length).to.be.greaterThan(50);
    expect(keys.rows.map((key) => `${key.table}: ${key.columns}`)).to.include.members(LEARNER_SIZED_KEYS);

    const unindexed = await db.pool.query(UNINDEXED_FOREIGN_KEYS);
    expect(unindexed.rows).to.deep.equal([]);
  });

  it('the check finds a foreign key without such an index', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      // An index on the second column alone, a partial one and a unique one over more columns do not count.
      await client.query(`CREATE TABLE fk_probe (question_id bigint, option_id bigint, extra int,
        CONSTRAINT fk_probe_option FOREIGN KEY (question_id, option_id) REFERENCES answer_options (question_id, id),
        CONSTRAINT fk_probe_question FOREIGN KEY (question_id) REFERENCES questions (id))`);
      await client.query('CREATE INDEX ix_fk_probe_option ON fk_probe (option_id, question_id) WHERE extra > 0');
      await client.query('CREATE UNIQUE INDEX uq_fk_probe_more ON fk_probe (question_id, extra)');
      const { rows } = await client.query(UNINDEXED_FOREIGN_KEYS);
      expect(rows).to.deep.equal([
        { table: 'fk_probe', constraint: 'fk_probe_option', columns: 'question_id, option_id' },
      ]);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
