import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../src/config/project-paths.js';
import type { EnvOverrides } from '../../../src/config/config.js';
import { testEnv } from '../api.js';

/**
 * A real server in a child process (src/main.ts through tsx, or the built dist/), configured like
 * the in-process test app. Used where the process boundary matters: two instances on one
 * database, a database outage (does the process survive?), SIGKILL and SIGTERM, benchmarks.
 */
export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** stdout and stderr lines, in arrival order (JSON log lines when LOG_LEVEL allows). */
  readonly logs: readonly string[];
  /** Resolves when the process has exited, however it ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
  /** SIGTERM (graceful shutdown), then waits for the exit; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal (default SIGKILL) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ServerProcessOptions {
  readonly databaseUrl: string;
  /** Extra environment, on top of the harness's test environment (testEnv). */
  readonly env?: EnvOverrides;
  /** `source` runs src/main.ts through tsx; `built` runs dist/src/main.js (npm run build first). */
  readonly entry?: 'source' | 'built';
  /** The project tree whose server runs (default: this one; the bench's upkeep-free twin runs a copy). */
  readonly projectRoot?: string;
  /** Flags for node itself (the bench's profiler: `--cpu-prof`, which NODE_OPTIONS may not carry). */
  readonly nodeArgs?: readonly string[];
  readonly port?: number;
  /** How long to wait for /api/v1/health to answer. */
  readonly readyTimeoutMs?: number;
}

const MAX_LOG_LINES = 20_000;
const running = new Set<ChildProcess>();

// A failing test must not leave servers behind holding database connections.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const entry = options.entry ?? 'source';
  const root = options.projectRoot ?? PROJECT_ROOT;
  const args = [
    ...(options.nodeArgs ?? []),
    ...(entry === 'source'
      ? ['--import', 'tsx', join(root, 'src', 'main.ts')]
      : [join(root, 'dist', 'src', 'main.js')]),
  ];
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({
    ...process.env,
    ...testEnv(options.databaseUrl, { LOG_LEVEL: 'warn', ...options.env }),
    PORT: String(port),
  })) {
    if (value !== undefined) env[key] = value;
  }
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);

  const logs: string[] = [];
  const collect = (stream: NodeJS.ReadableStream | null) => {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (logs.length < MAX_LOG_LINES) logs.push(line);
    });
    stream?.on('end', () => {
      if (pending.length > 0 && logs.length < MAX_LOG_LINES) logs.push(pending);
    });
  };
  collect(child.stdout);
  collect(child.stderr);

  let alive = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      alive = false;
      running.delete(child);
      resolve({ code, signal });
    });
  });

  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, exited, logs, options.readyTimeoutMs ?? 60_000).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });

  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (alive) child.kill(signal);
    return exited;
  };
  return {
    url,
    port,
    pid: child.pid!,
    logs,
    exited,
    isRunning: () => alive,
    kill,
    async stop(graceMs = 10_000) {
      if (!alive) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

async function waitUntilReady(
  url: string,
  exited: Promise<unknown>,
  logs: readonly string[],
  timeoutMs: number,
): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the server process exited during start-up:\n${logs.slice(-20).join('\n')}`);
    try {
      const response = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `the server process did not answer /api/v1/health within ${timeoutMs} ms:\n${logs.slice(-20).join('\n')}`,
  );
}
