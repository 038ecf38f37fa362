import type { ServerProcess } from '../support/reliability/server-process.js';
import { pgBouncerVersion, startPgBouncer } from '../support/pgbouncer.js';
import { startBenchServer } from './bench-processes.js';
import type { BenchProfile } from './bench-profile.js';
import type { LoadResult } from './load.js';

/**
 * The deployment variants beside the bench's own server (docs/benchmarks.md, "Topology"): the same
 * built server through a transaction-mode PgBouncer (prepared statements off, as it must run
 * there), direct with prepared statements off, and direct with metrics off. Each is its own
 * process on the same database; runs are interleaved with the baseline's so that a change in the
 * machine's load hits every series alike, and every ratio is taken within this one run.
 */
export interface TopologyResults {
  readonly read: {
    readonly direct: LoadResult[];
    readonly pgbouncer: LoadResult[];
    readonly unprepared: LoadResult[];
    readonly metricsOff: LoadResult[];
  };
  readonly cycle: {
    readonly direct: LoadResult[];
    readonly pgbouncer: LoadResult[];
    readonly unprepared: LoadResult[];
  };
  /** PgBouncer's version line, e.g. "PgBouncer 1.18.0". */
  readonly pgbouncer: string;
}

export interface TopologyBench {
  readonly profile: BenchProfile;
  readonly databaseUrl: string;
  readonly jwtSecret: string;
  readonly poolMax: number;
  /** The baseline: the bench's server (direct, prepared statements on, metrics on). */
  readonly baseUrl: string;
  readonly read: (title: string, url: string, seconds?: number) => Promise<LoadResult>;
  readonly cycle: (title: string, url: string, seconds?: number) => Promise<LoadResult>;
  readonly checked: (result: LoadResult) => LoadResult;
  readonly log: (message: string) => void;
}

export async function measureTopology(bench: TopologyBench): Promise<TopologyResults> {
  const { profile, databaseUrl, jwtSecret, poolMax } = bench;
  // As many server connections as the server's pool: PgBouncer adds a hop, not a queue.
  const bouncer = await startPgBouncer(databaseUrl, { poolSize: poolMax });
  const servers: ServerProcess[] = [];
  const start = async (url: string, env: Record<string, string>) => {
    const server = await startBenchServer({ databaseUrl: url, jwtSecret, poolMax, env });
    servers.push(server);
    return server.url;
  };
  try {
    const throughBouncer = await start(bouncer.urlThrough(databaseUrl), { DB_PREPARED_STATEMENTS: 'false' });
    const unprepared = await start(databaseUrl, { DB_PREPARED_STATEMENTS: 'false' });
    const metricsOff = await start(databaseUrl, { METRICS_ENABLED: 'false' });
    const version = pgBouncerVersion();

    bench.log(`topology: read and exam cycle direct / through ${version} / prepared statements off / metrics off`);
    for (const url of [bench.baseUrl, throughBouncer, unprepared, metricsOff])
      await bench.read('warm-up', url, profile.warmSeconds);
    for (const url of [throughBouncer, unprepared]) await bench.cycle('warm-up', url, profile.warmSeconds);

    const results: TopologyResults = {
      read: { direct: [], pgbouncer: [], unprepared: [], metricsOff: [] },
      cycle: { direct: [], pgbouncer: [], unprepared: [] },
      pgbouncer: version,
    };
    for (let run = 0; run < profile.runs; run += 1) {
      results.read.direct.push(bench.checked(await bench.read('read direct', bench.baseUrl)));
      results.read.pgbouncer.push(bench.checked(await bench.read('read through PgBouncer', throughBouncer)));
      results.read.unprepared.push(bench.checked(await bench.read('read, prepared statements off', unprepared)));
      results.read.metricsOff.push(bench.checked(await bench.read('read, metrics off', metricsOff)));
      results.cycle.direct.push(bench.checked(await bench.cycle('exam cycle direct', bench.baseUrl)));
      results.cycle.pgbouncer.push(bench.checked(await bench.cycle('exam cycle through PgBouncer', throughBouncer)));
      results.cycle.unprepared.push(
        bench.checked(await bench.cycle('exam cycle, prepared statements off', unprepared)),
      );
    }
    return results;
  } finally {
    for (const server of servers) await server.stop().catch(() => undefined);
    await bouncer.stop();
  }
}
