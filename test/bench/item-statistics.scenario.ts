import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { parseSqlFile } from '../../src/adapters/postgres/sql-catalogue.js';
import { PROJECT_ROOT } from '../../src/config/project-paths.js';
import type { ServerProcess } from '../support/reliability/server-process.js';
import { startBenchServer, type BenchServerOptions } from './bench-processes.js';
import { rotation, runLoad, type LoadResult } from './load.js';

/**
 * The item-statistics scenario (docs/benchmarks.md, "Item statistics"):
 * - read scale: p50 of GET /admin/modules/{id}/item-statistics over the track's modules with the answers of the
 *   small and of the large learner set folded in (the bench writes answers set-based, so `foldBenchAnswers` folds
 *   them the way submits do, from scratch, with set-based SQL);
 * - upkeep: the exam cycle against the real server and against an upkeep-free twin — a copy of the same build
 *   whose fold statement does nothing — in interleaved runs on the same database.
 */
const QUERIES = parseSqlFile(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'sql', 'item-statistics.sql'), 'utf8'),
  'item-statistics',
);
const sql = (name: string): string => {
  const text = QUERIES.get(`item-statistics.${name}`);
  if (text === undefined) throw new Error(`test/bench/sql/item-statistics.sql has no query "${name}"`);
  return text;
};

/** An admin console's load, not a learner crowd's: a few admins at once. */
export const ITEM_STATISTICS_CONNECTIONS = 10;

export interface ItemStatisticsReport {
  /** Answers in the item statistics at the small and the large point. */
  readonly answersSmall: number;
  readonly answersLarge: number;
  /** Seconds the set-based fold of the large point took (data set-up, not measured load). */
  readonly foldSeconds: number;
  readonly readSmall: LoadResult[];
  readonly readLarge: LoadResult[];
  /** The exam cycle (per HTTP call) with the upkeep and on the upkeep-free twin, run pairwise. */
  readonly cycleWithUpkeep: LoadResult[];
  readonly cycleWithoutUpkeep: LoadResult[];
}

/** Folds every submitted answer into the stripes, replacing what they held; returns how many answers that is. */
export async function foldBenchAnswers(pool: pg.Pool): Promise<{ answers: number; seconds: number }> {
  const t0 = Date.now();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const name of ['scoreAnswers', 'clearStripes', 'foldQuestionStripes', 'foldOptionStripes'])
      await client.query(sql(name));
    await client.query('COMMIT');
    await client.query('VACUUM (ANALYZE) item_statistic_stripes, item_option_stripes');
    const answers = (await client.query<{ answers: number }>(sql('answersFolded'))).rows[0]!.answers;
    return { answers, seconds: (Date.now() - t0) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** GET /admin/modules/{id}/item-statistics as the bench's admin, rotating over the track's modules. */
export async function itemStatisticsReader(options: {
  readonly url: string;
  readonly pool: pg.Pool;
  readonly trackName: string;
  readonly adminToken: string;
}): Promise<(title: string, seconds: number) => Promise<LoadResult>> {
  const modules = (await options.pool.query<{ id: number }>(sql('modulesOfTrack'), [options.trackName])).rows;
  const nextModule = rotation(modules.map((row) => Number(row.id)));
  return (title, seconds) =>
    runLoad({
      title,
      url: options.url,
      connections: ITEM_STATISTICS_CONNECTIONS,
      duration: seconds,
      requests: [
        {
          method: 'GET',
          path: '/api/v1/admin/modules/0/item-statistics',
          setup: () => ({
            path: `/api/v1/admin/modules/${nextModule()}/item-statistics`,
            headers: { authorization: `Bearer ${options.adminToken}` },
          }),
        },
      ],
    });
}

/** The submit's fold statement, as sql/assessment/item-statistics.sql names it, with its parameter types. */
const FOLD_STATEMENTS: Record<string, string> = {
  fold: '$1::int, $2::bigint[], $3::bigint[], $4::int[], $5::float8[]',
};

/**
 * The same build with the item-statistics upkeep removed: a copy of dist/ and sql/ in a temporary tree whose
 * fold statement takes the same parameters and touches nothing. It still costs its round trip (one per
 * submit), so the comparison isolates the folds' database work and lock waits; the round trips are counted in
 * the report's round-trip table.
 */
export async function startUpkeepFreeTwin(
  options: Omit<BenchServerOptions, 'projectRoot'>,
): Promise<{ server: ServerProcess; stop(): Promise<void> }> {
  const root = mkdtempSync(join(os.tmpdir(), 'alp-bench-upkeep-free-'));
  try {
    cpSync(join(PROJECT_ROOT, 'dist'), join(root, 'dist'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'sql'), join(root, 'sql'), { recursive: true });
    copyFileSync(join(PROJECT_ROOT, 'package.json'), join(root, 'package.json'));
    for (const shared of ['node_modules', 'openapi.yaml', 'migrations'])
      symlinkSync(join(PROJECT_ROOT, shared), join(root, shared));
    const file = join(root, 'sql', 'assessment', 'item-statistics.sql');
    writeFileSync(file, withoutFolds(readFileSync(file, 'utf8')));
    const server = await startBenchServer({ ...options, projectRoot: root });
    return {
      server,
      stop: async () => {
        await server.stop();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/** The file with every fold statement's body replaced by a statement that reads its parameters and does nothing. */
function withoutFolds(text: string): string {
  const sections = text.split(/^(?=-- name: )/m);
  let replaced = 0;
  const result = sections.map((section) => {
    const name = /^-- name: (\w+)/.exec(section)?.[1];
    const parameters = name === undefined ? undefined : FOLD_STATEMENTS[name];
    if (parameters === undefined) return section;
    replaced += 1;
    return `-- name: ${name}\nSELECT ${parameters} WHERE false;\n\n`;
  });
  if (replaced !== Object.keys(FOLD_STATEMENTS).length)
    throw new Error(`expected ${Object.keys(FOLD_STATEMENTS).join(', ')} in sql/assessment/item-statistics.sql`);
  return result.join('');
}
