import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedCluster } from '../../src/adapters/postgres/embedded-postgres.js';
import { readCliEnv } from '../../src/config/config.js';

/**
 * Finds a PostgreSQL server for the test run, in this order:
 * TEST_DATABASE_URL, then testcontainers when a Docker engine answers, then embedded-postgres.
 * The tests only ever create databases of their own on it; they never touch an existing one.
 */
export interface DatabaseServer {
  readonly kind: 'TEST_DATABASE_URL' | 'testcontainers' | 'embedded-postgres';
  /** A URL of the same server pointing at another database. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function fromEnvironment(): Promise<DatabaseServer | undefined> {
  const url = readCliEnv().testDatabaseUrl;
  if (url === undefined) return undefined;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.end();
  return { kind: 'TEST_DATABASE_URL', urlFor: (database) => withDatabase(url, database), stop: async () => undefined };
}

async function fromTestcontainers(): Promise<DatabaseServer | undefined> {
  try {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:16-alpine').withStartupTimeout(60_000).start();
    const url = container.getConnectionUri();
    return {
      kind: 'testcontainers',
      urlFor: (database) => withDatabase(url, database),
      stop: async () => void (await container.stop()),
    };
  } catch {
    // "Could not find a working container runtime strategy": no Docker engine, fall back.
    return undefined;
  }
}

async function fromEmbedded(): Promise<DatabaseServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'alp-test-pg-'));
  const cluster = await startEmbeddedCluster({ dataDir, persistent: false });
  return {
    kind: 'embedded-postgres',
    urlFor: (database) => cluster.urlFor(database),
    stop: async () => {
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function findDatabaseServer(): Promise<DatabaseServer> {
  return (await fromEnvironment()) ?? (await fromTestcontainers()) ?? (await fromEmbedded());
}
