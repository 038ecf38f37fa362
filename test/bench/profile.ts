import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Argon2PasswordHasher } from '../../src/adapters/security/argon2-password-hasher.js';
import { JwtTokenIssuer } from '../../src/adapters/security/jwt-token-issuer.js';
import { loadConfig } from '../../src/config/config.js';
import { PROJECT_ROOT } from '../../src/config/project-paths.js';
import { BENCH_PASSWORD, openBenchData } from './bench-data.js';
import { createBenchDatabase } from './bench-database.js';
import { startBenchServer, startCeiling } from './bench-processes.js';
import { CONNECTIONS } from './bench-profile.js';
import { median, rotation, runLoad, type LoadResult } from './load.js';
import { summariseProfile } from './cpu-profile-summary.js';

/**
 * `npm run bench:profile [-- --seconds N --runs N --profile-seconds N --no-build --profile-only]`:
 * where the read's time goes, reproducibly.
 * On a small bench database (2,000 learners) it loads the ceiling and GET /progress/current-stage in
 * interleaved runs (the read ÷ ceiling ratio of docs/benchmarks.md, on small data), then loads the built
 * server once more under V8's sampling profiler (`--cpu-prof`) and prints where its CPU went: by
 * package (express, pino, the contract validator, pg …), and the hottest functions by self time.
 * Nothing is asserted; docs/benchmarks.md quotes its output.
 */
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const seconds = argument('seconds', 6);
const runs = argument('runs', 3);
/** Long enough that start-up (reading and compiling the contract) is a small share of the profile. */
const profileSeconds = argument('profile-seconds', 20);
/** `--profile-only`: skip the ratio runs. */
const profileOnly = process.argv.includes('--profile-only');
const LEARNERS = 2_000;
const started = Date.now();
const log = (message: string) =>
  console.log(`[profile ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}`);

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    log('npm run build');
    if (spawnSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' }).status !== 0)
      throw new Error('npm run build failed');
  }
  const cores = os.availableParallelism();
  const poolMax = Math.max(4, 2 * cores + 1);
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
    const readTokens = rotation(ids.map((id) => tokens.issue(id, 'user').accessToken));

    const read = (title: string, url: string, duration = seconds) =>
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
    const ceilingRun = (url: string, duration = seconds) =>
      runLoad({
        title: 'ceiling',
        url,
        connections: CONNECTIONS.ceiling,
        duration,
        requests: [{ method: 'GET', path: '/row' }],
      });

    if (!profileOnly) {
      const ceiling = await startCeiling({ databaseUrl: db.url, poolMax, minId: ids[0]!, maxId: ids.at(-1)! });
      const server = await startBenchServer({ databaseUrl: db.url, jwtSecret, poolMax });
      const ceilings: LoadResult[] = [];
      const reads: LoadResult[] = [];
      try {
        await ceilingRun(ceiling.url, 2);
        await read('warm-up', server.url, 2);
        for (let run = 0; run < runs; run += 1) {
          ceilings.push(await ceilingRun(ceiling.url));
          reads.push(await read('read', server.url));
          log(
            `run ${run + 1}: ceiling ${ceilings.at(-1)!.rps.toFixed(0)} req/s, read ${reads.at(-1)!.rps.toFixed(0)} req/s`,
          );
        }
      } finally {
        await server.stop();
        await ceiling.stop();
      }
      const ceilingRps = median(ceilings.map((r) => r.rps));
      const readRps = median(reads.map((r) => r.rps));
      log(
        `medians: ceiling ${ceilingRps.toFixed(0)} req/s, read ${readRps.toFixed(0)} req/s = ${(readRps / ceilingRps).toFixed(2)}× ceiling, read p50 ${median(reads.map((r) => r.p50)).toFixed(1)} ms`,
      );
    }

    log('read under the CPU profiler');
    const profiled = await startBenchServer({
      databaseUrl: db.url,
      jwtSecret,
      poolMax,
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
    });
    try {
      await read('warm-up', profiled.url, 2);
      await read('profiled read', profiled.url, profileSeconds);
    } finally {
      await profiled.stop();
    }
    const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
    if (file === undefined) throw new Error('the server wrote no CPU profile');
    console.log(`\n${summariseProfile(JSON.parse(readFileSync(join(profileDir, file), 'utf8')), PROJECT_ROOT)}`);
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
