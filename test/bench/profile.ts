import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Argon2PasswordHasher } from '../../src/adapters/security/argon2-password-hasher.js';
import { JwtTokenIssuer } from '../../src/adapters/security/jwt-token-issuer.js';
import { loadConfig } from '../../src/config/config.js';
import { PROJECT_ROOT } from '../../src/config/project-paths.js';
import { BENCH_PASSWORD, openBenchData } from './bench-data.js';
import { createBenchDatabase } from './bench-database.js';
import { startBenchServer, startCeiling } from './bench-processes.js';
import { CONNECTIONS } from './bench-profile.js';
import { summariseProfile } from './cpu-profile-summary.js';
import { measureCpuSplit, renderCpuSplit } from './cpu-split.js';
import { answerKey, examCycle } from './exam-cycle.scenario.js';
import { median, rotation, runLoad, type LoadResult } from './load.js';

/**
 * `npm run bench:profile [-- --seconds N --runs N --profile-seconds N --no-build]`: where the time of
 * the read and of the exam cycle goes, reproducibly. On a small bench database (2,000 learners) it
 * loads the ceiling, GET /progress/current-stage and the exam cycle in interleaved runs (their
 * ratios to the ceiling as docs/benchmarks.md takes them, on small data), with the machine's CPU
 * split by process over each run; then it loads the built server under V8's sampling profiler
 * (`--cpu-prof`), once per scenario, and prints where the server's CPU went: by package (express,
 * the contract validator, pg …) and the hottest functions. Nothing is asserted;
 * docs/benchmarks.md quotes its output.
 */
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const seconds = argument('seconds', 6);
const runs = argument('runs', 3);
/** Long enough that start-up (reading and compiling the contract) is a small share of the profile. */
const profileSeconds = argument('profile-seconds', 20);
const LEARNERS = 2_000;
const started = Date.now();
const log = (message: string) =>
  console.log(`[profile ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}`);

type Scenario = (title: string, url: string, duration?: number) => Promise<LoadResult>;

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    log('npm run build');
    if (spawnSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' }).status !== 0)
      throw new Error('npm run build failed');
  }
  const poolMax = Math.max(4, 2 * os.availableParallelism() + 1);
  const jwtSecret = randomBytes(48).toString('base64url');
  const db = await createBenchDatabase();
  const profileDir = mkdtempSync(join(os.tmpdir(), 'alp-cpu-profile-'));
  try {
    const config = loadConfig({ DATABASE_URL: db.url, JWT_SECRET: jwtSecret, APP_ENV: 'production' });
    const tokens = new JwtTokenIssuer({ ...config.jwt, accessTtlMinutes: 60 });
    const passwordHash = await new Argon2PasswordHasher(config.passwordHash).hash(BENCH_PASSWORD);
    const data = await openBenchData(db.pool, { trackName: 'default', passwordHash });
    log(`${LEARNERS} learners`);
    const ids = await data.addLearners(1, LEARNERS);
    await data.settle();
    await data.close();
    // Disjoint halves: readers never hold an open attempt, cyclers always start afresh.
    const tokenOf = (id: number) => tokens.issue(id, 'user').accessToken;
    const readTokens = rotation(ids.slice(0, LEARNERS / 2).map(tokenOf));
    const cycleTokens = rotation(ids.slice(LEARNERS / 2).map(tokenOf));
    const key = await answerKey(db.pool);

    const read: Scenario = (title, url, duration = seconds) =>
      runLoad({
        title,
        url,
        connections: CONNECTIONS.read,
        duration,
        requests: [
          {
            method: 'GET',
            path: '/api/v1/progress/current-stage',
            setup: () => ({ headers: { authorization: `Bearer ${readTokens()}` } }),
          },
        ],
      });
    const cycle: Scenario = (title, url, duration = seconds) =>
      examCycle({ title, url, seconds: duration, nextToken: cycleTokens, key });
    const ceilingRun: Scenario = (title, url, duration = seconds) =>
      runLoad({ title, url, connections: CONNECTIONS.ceiling, duration, requests: [{ method: 'GET', path: '/row' }] });

    const ceiling = await startCeiling({ databaseUrl: db.url, poolMax, minId: ids[0]!, maxId: ids.at(-1)! });
    const server = await startBenchServer({ databaseUrl: db.url, jwtSecret, poolMax });
    const results: Record<'ceiling' | 'read' | 'cycle', LoadResult[]> = { ceiling: [], read: [], cycle: [] };
    const splits: Record<string, string> = {};
    try {
      const scenarios = [
        ['ceiling', ceilingRun, ceiling.url, ceiling.pid],
        ['read', read, server.url, server.pid],
        ['cycle', cycle, server.url, server.pid],
      ] as const;
      for (const [, scenario, url] of scenarios) await scenario('warm-up', url, 2);
      for (let run = 0; run < runs; run += 1) {
        for (const [name, scenario, url, pid] of scenarios) {
          const split = measureCpuSplit(pid);
          results[name].push(await scenario(name, url));
          if (run === runs - 1) splits[name] = renderCpuSplit(`the ${name} (last run)`, split.stop());
        }
        log(
          `run ${run + 1}: ceiling ${results.ceiling.at(-1)!.rps.toFixed(0)} req/s, read ${results.read.at(-1)!.rps.toFixed(0)} req/s, exam cycle ${results.cycle.at(-1)!.rps.toFixed(0)} req/s`,
        );
      }
    } finally {
      await server.stop();
      await ceiling.stop();
    }
    const rps = (name: keyof typeof results) => median(results[name].map((result) => result.rps));
    console.log(
      `\nmedians of ${runs} interleaved runs of ${seconds} s: ceiling ${rps('ceiling').toFixed(0)} req/s; ` +
        `read ${rps('read').toFixed(0)} req/s = ${(rps('read') / rps('ceiling')).toFixed(2)}× ceiling; ` +
        `exam cycle ${rps('cycle').toFixed(0)} req/s per call = ${(rps('cycle') / rps('ceiling')).toFixed(2)}× ceiling\n`,
    );
    for (const table of Object.values(splits)) console.log(`${table}\n`);

    for (const [name, scenario] of [
      ['read', read],
      ['exam cycle', cycle],
    ] as const) {
      log(`${name} under the CPU profiler`);
      const dir = join(profileDir, name.replace(' ', '-'));
      const profiled = await startBenchServer({
        databaseUrl: db.url,
        jwtSecret,
        poolMax,
        nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
      });
      try {
        await scenario('warm-up', profiled.url, 2);
        await scenario(`profiled ${name}`, profiled.url, profileSeconds);
      } finally {
        await profiled.stop();
      }
      const file = readdirSync(dir).find((entry) => entry.endsWith('.cpuprofile'));
      if (file === undefined) throw new Error('the server wrote no CPU profile');
      const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Parameters<typeof summariseProfile>[0];
      console.log(`\n### The server's CPU under the ${name}\n\n${summariseProfile(profile, PROJECT_ROOT)}\n`);
    }
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
