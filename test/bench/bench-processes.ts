import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/project-paths.js';
import { freePort, startServerProcess, type ServerProcess } from '../support/reliability/server-process.js';

/**
 * The processes under load: the BUILT server (dist/, production settings) and the ceiling app,
 * each in its own child process, plus a sampler of the server's memory.
 */
export interface BenchServerOptions {
  readonly databaseUrl: string;
  readonly jwtSecret: string;
  readonly poolMax: number;
  /** Another built tree to run (the item-statistics scenario's upkeep-free twin). */
  readonly projectRoot?: string;
  /** Settings of a variant (DB_PREPARED_STATEMENTS, METRICS_ENABLED), over the production ones below. */
  readonly env?: Readonly<Record<string, string>>;
  readonly nodeArgs?: readonly string[];
}

export async function startBenchServer(options: BenchServerOptions): Promise<ServerProcess> {
  return startServerProcess({
    databaseUrl: options.databaseUrl,
    entry: 'built',
    ...(options.projectRoot === undefined ? {} : { projectRoot: options.projectRoot }),
    // As the production image starts it (Dockerfile): the smaller young generation.
    nodeArgs: ['--max-semi-space-size=8', ...(options.nodeArgs ?? [])],
    env: {
      NODE_ENV: 'production',
      APP_ENV: 'production',
      // As the production image runs it (Dockerfile): freed argon2 blocks go back to the OS.
      MALLOC_MMAP_THRESHOLD_: '131072',
      LOG_LEVEL: 'warn',
      JWT_SECRET: options.jwtSecret,
      DB_POOL_MAX: String(options.poolMax),
      // Production argon2id parameters (the config defaults): login under load must pay the real price.
      PASSWORD_HASH_MEMORY_KIB: '19456',
      PASSWORD_HASH_TIME_COST: '2',
      PASSWORD_HASH_PARALLELISM: '1',
      // Rate limits off: the load comes from one address and a few emails.
      LOGIN_RATE_LIMIT_PER_IP: '0',
      LOGIN_RATE_LIMIT_PER_EMAIL: '0',
      ...options.env,
    },
  });
}

export interface CeilingProcess {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export async function startCeiling(options: {
  databaseUrl: string;
  poolMax: number;
  minId: number;
  maxId: number;
}): Promise<CeilingProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'test', 'bench', 'ceiling-app.ts')],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: options.databaseUrl,
        PORT: String(port),
        DB_POOL_MAX: String(options.poolMax),
        MIN_ID: String(options.minId),
        MAX_ID: String(options.maxId),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.once('exit', () => child.kill('SIGKILL'));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ceiling app did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`the ceiling app exited:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Reads VmRSS / VmHWM (peak resident set) of a process from /proc, in bytes; undefined off Linux. */
export function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
    return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
  } catch {
    return undefined;
  }
}

/**
 * Polls the server's RSS through the whole bench; the peak is the larger of the polled maximum and
 * the kernel's own high-water mark (VmHWM), read last, so a spike between two polls is not missed.
 */
export function sampleMemory(pid: number, everyMs = 250): { stop(): { peakBytes: number; source: string } } {
  let polled = 0;
  const timer = setInterval(() => {
    const memory = memoryOf(pid);
    if (memory !== undefined) polled = Math.max(polled, memory.rss);
  }, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const last = memoryOf(pid);
      if (last === undefined) return { peakBytes: polled, source: polled > 0 ? 'polled VmRSS' : 'unavailable' };
      return { peakBytes: Math.max(polled, last.hwm, last.rss), source: 'VmHWM (/proc/<pid>/status)' };
    },
  };
}
