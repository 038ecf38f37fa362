import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './reliability/server-process.js';

/**
 * A real PgBouncer in transaction mode in front of the test PostgreSQL, started and stopped by
 * the harness on a free port with a config of its own: the production topology the README
 * describes, where a statement prepared on one server connection is unknown on the next.
 */
export interface PgBouncer {
  readonly port: number;
  /** The same database URL with host and port replaced by PgBouncer's. */
  urlThrough(databaseUrl: string): string;
  stop(): Promise<void>;
}

const BINARY_CANDIDATES = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'];

function binary(): string {
  const found = BINARY_CANDIDATES.find((path) => existsSync(path));
  if (found === undefined) throw new Error('pgbouncer is not installed (apt-get install -y pgbouncer)');
  return found;
}

function iniValue(value: string): string {
  if (/[\s'"]/.test(value)) throw new Error(`unsupported character in a PgBouncer setting: ${value}`);
  return value;
}

/** The installed PgBouncer's version line, e.g. "PgBouncer 1.18.0". */
export function pgBouncerVersion(): string {
  return execFileSync(binary(), ['--version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
}

/** `poolSize`: server connections per database (default 8; the bench gives it the server's pool size). */
export async function startPgBouncer(targetUrl: string, options: { poolSize?: number } = {}): Promise<PgBouncer> {
  const target = new URL(targetUrl);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'alp-pgbouncer-'));
  // Run as root, PgBouncer refuses to start unless told a user to switch to, who must read the config.
  const asRoot = process.getuid?.() === 0;
  chmodSync(dir, 0o755);
  const user = decodeURIComponent(target.username || 'postgres');
  const password = decodeURIComponent(target.password);
  writeFileSync(join(dir, 'userlist.txt'), `"${user}" ""\n`, { mode: 0o644 });
  const server = [
    `host=${iniValue(target.hostname)}`,
    `port=${iniValue(target.port || '5432')}`,
    `user=${iniValue(user)}`,
    ...(password ? [`password=${iniValue(password)}`] : []),
  ].join(' ');
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      // Every database the tests create, by its own name: the fallback entry.
      `* = ${server}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      "unix_socket_dir = ''",
      'auth_type = trust',
      `auth_file = ${join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 1000',
      // The machine's PostgreSQL is shared: a few server connections per test database suffice.
      `default_pool_size = ${options.poolSize ?? 8}`,
      // node-postgres sends these at startup; PgBouncer 1.18 would refuse the connection.
      'ignore_startup_parameters = extra_float_digits,statement_timeout,options',
      'admin_users = ',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );

  const args = [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')];
  const child: ChildProcess = spawn(binary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.once('exit', () => child.kill('SIGKILL'));

  await untilListening(port, child, logs);
  return {
    port,
    urlThrough: (databaseUrl) => {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function untilListening(port: number, child: ChildProcess, logs: string[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited at start:\n${logs.join('')}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`pgbouncer did not listen on ${port} within 10 s:\n${logs.join('')}`);
}
