import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { parseSqlFile } from '../../src/adapters/postgres/sql-catalogue.js';

/**
 * Writes the bench's learners and question bank with set-based SQL (sql/bench-data.sql): the
 * states are the ones the journey reaches (see the file's header), produced in seconds instead of
 * through 100,000 × a dozen HTTP calls.
 */
const QUERIES = parseSqlFile(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'sql', 'bench-data.sql'), 'utf8'),
  'bench',
);

function sql(name: string): string {
  const text = QUERIES.get(`bench.${name}`);
  if (text === undefined) throw new Error(`test/bench/sql/bench-data.sql has no query "${name}"`);
  return text;
}

const BATCH_STATEMENTS = [
  'insertUsers',
  'insertProgress',
  'insertApprovals',
  'insertDiagnostika',
  'insertDiagnostikaQuestions',
  'insertDiagnostikaAnswers',
  'insertDiagnostikaStats',
  'insertReadingLists',
  'insertAttempts',
  'insertAttemptQuestions',
  'insertAttemptAnswers',
  'insertAttemptStats',
] as const;

/** Tables the bench writes in bulk; analysed after every load so plans see the real sizes. */
const LEARNER_TABLES = [
  'users',
  'user_stage_progress',
  'approval_requests',
  'diagnostika_results',
  'diagnostika_attempt_questions',
  'diagnostika_attempt_answers',
  'diagnostika_module_stats',
  'user_stage_articles',
  'level_exam_attempts',
  'level_exam_attempt_questions',
  'level_exam_attempt_answers',
  'level_exam_attempt_module_stats',
];

export interface BenchData {
  /** The bench's admin (for the admin endpoints' tokens). */
  readonly adminId: number;
  /** Learner numbers `from..to` (1-based, never reused); returns their user ids in order. */
  addLearners(from: number, to: number, onBatch?: (done: number) => void): Promise<number[]>;
  /** Adds active questions (with options) until every module of the track holds `perModule`. */
  growBank(perModule: number): Promise<void>;
  activeQuestionsPerModule(): Promise<{ module_id: number; active: number }[]>;
  /** VACUUM (ANALYZE) what was loaded: the visibility map and statistics of a settled database. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The rows are consistent by construction, so the loading session skips the foreign-key triggers
 * (session_replication_role = replica: 3× faster, needs a superuser — which the tests' servers
 * give; elsewhere the load just runs with the checks) and does not wait for WAL flushes.
 */
async function tryFastLoad(client: pg.PoolClient): Promise<void> {
  await client.query('SET synchronous_commit = off');
  try {
    await client.query('SET session_replication_role = replica');
  } catch {
    // not a superuser: keep the checks
  }
}

export const BENCH_PASSWORD = 'bench-password-1';
const BATCH = 10_000;

export async function openBenchData(
  pool: pg.Pool,
  options: { trackName: string; passwordHash: string },
): Promise<BenchData> {
  // One session owns the TEMP helper tables for the whole bench.
  const client = await pool.connect();
  await tryFastLoad(client);
  await client.query(sql('createContext'), [options.trackName]);
  for (const name of ['createModules', 'createQuestionInfo', 'createSlots', 'createArticles'])
    await client.query(sql(name));
  const adminId = (await client.query<{ id: number }>(sql('insertAdmin'), [options.passwordHash])).rows[0]!.id;

  const activeQuestionsPerModule = async () =>
    (await client.query<{ module_id: number; active: number }>(sql('activeQuestionsPerModule'), [options.trackName]))
      .rows;

  const inTransaction = async <T>(work: () => Promise<T>): Promise<T> => {
    await client.query('BEGIN');
    try {
      const result = await work();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  };

  return {
    adminId,
    async addLearners(from, to, onBatch) {
      const ids: number[] = [];
      for (let first = from; first <= to; first += BATCH) {
        const last = Math.min(to, first + BATCH - 1);
        await inTransaction(async () => {
          // Offsets such that learner i of this batch gets base + (i - first + 1): ids stay dense
          // even if the server created rows between two batches.
          const bases = (
            await client.query<Record<'users' | 'diagnostika' | 'attempts' | 'approvals', number>>(sql('idBases'))
          ).rows[0]!;
          const userOffset = bases.users - (first - 1);
          const params = [
            first,
            last,
            userOffset,
            bases.diagnostika - (first - 1),
            bases.attempts - 2 * (first - 1),
            bases.approvals - (first - 1),
          ];
          for (const name of BATCH_STATEMENTS)
            await client.query(sql(name), [...params, options.passwordHash, adminId]);
          await client.query(sql('syncSequences'));
          for (let i = first; i <= last; i += 1) ids.push(userOffset + i);
        });
        onBatch?.(last - from + 1);
      }
      return ids;
    },

    async growBank(perModule) {
      const modules = await activeQuestionsPerModule();
      await inTransaction(async () => {
        for (const module of modules) {
          const missing = perModule - module.active;
          if (missing <= 0) continue;
          const bases = (await client.query<{ questions: number; options: number }>(sql('bankBases'))).rows[0]!;
          await client.query(sql('growBank'), [module.module_id, missing, bases.questions, bases.options]);
        }
        await client.query(sql('syncBankSequences'));
      });
    },

    activeQuestionsPerModule,

    async settle() {
      await client.query(`VACUUM (ANALYZE) ${[...LEARNER_TABLES, 'questions', 'answer_options'].join(', ')}`);
    },

    async close() {
      client.release();
    },
  };
}
