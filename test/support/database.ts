import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runMigrations } from '../../src/adapters/postgres/migrations.js';
import { createPool } from '../../src/adapters/postgres/pool.js';
import { seedDatabase } from '../../src/adapters/postgres/seed/seed-database.js';
import { findDatabaseServer, type DatabaseServer } from './database-server.js';
import { startPgBouncer, type PgBouncer } from './pgbouncer.js';
import { THROUGH_PGBOUNCER } from './topology.js';

/**
 * Pay for the database once: a uniquely named template is migrated on first use; every test
 * file gets its own fresh clone (CREATE DATABASE … TEMPLATE), and everything is dropped at the
 * end of the run (see global-hooks.ts).
 */
const RUN_ID = `alp_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const TEMPLATE = `${RUN_ID}_tpl`;
/** The migrated template plus the demo seed (the catalog every journey test starts from). */
const SEEDED_TEMPLATE = `${RUN_ID}_seeded_tpl`;

let server: Promise<DatabaseServer> | undefined;
let bouncer: PgBouncer | undefined;
let databaseUrlOfServer: string | undefined;
let template: Promise<void> | undefined;
let seededTemplate: Promise<void> | undefined;
const created = new Set<string>();
let counter = 0;

async function databaseServer(): Promise<DatabaseServer> {
  server ??= (async () => {
    const found = await findDatabaseServer();
    databaseUrlOfServer = found.urlFor('postgres');
    if (THROUGH_PGBOUNCER) bouncer = await startPgBouncer(databaseUrlOfServer);
    return found;
  })();
  return server;
}

/**
 * The URL a server under test uses for a test database: the database itself, or under
 * TEST_DB_TOPOLOGY=pgbouncer the same database through the harness's PgBouncer. Any other URL
 * (a TCP proxy's, say) is left as it is.
 */
export function appDatabaseUrl(databaseUrl: string): string {
  if (bouncer === undefined) return databaseUrl;
  const direct = new URL(databaseUrl);
  const serverUrl = new URL(databaseUrlOfServer!);
  return direct.host === serverUrl.host ? bouncer.urlThrough(databaseUrl) : databaseUrl;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: (await databaseServer()).urlFor('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createDatabase(name: string, fromTemplate?: string): Promise<string> {
  await admin((client) =>
    client.query(
      `CREATE DATABASE ${pg.escapeIdentifier(name)}${fromTemplate ? ` TEMPLATE ${pg.escapeIdentifier(fromTemplate)}` : ''}`,
    ),
  );
  created.add(name);
  return (await databaseServer()).urlFor(name);
}

async function migratedTemplate(): Promise<void> {
  template ??= (async () => {
    const url = await createDatabase(TEMPLATE);
    await runMigrations({ databaseUrl: url, direction: 'up' });
  })();
  return template;
}

async function seededTemplateReady(): Promise<void> {
  seededTemplate ??= (async () => {
    await migratedTemplate();
    const url = await createDatabase(SEEDED_TEMPLATE, TEMPLATE);
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    try {
      await seedDatabase(pool);
    } finally {
      await pool.end();
    }
  })();
  return seededTemplate;
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
  created.delete(name);
}

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  readonly pool: pg.Pool;
  drop(): Promise<void>;
}

function nextName(kind: string): string {
  counter += 1;
  return `${RUN_ID}_${kind}${counter}`;
}

async function open(name: string, url: string): Promise<TestDatabase> {
  // The same pool factory as the server (int8 parsed to numbers), with room for slow fixtures.
  const pool = createPool({ connectionString: url, max: 5, statementTimeoutMs: 60_000, applicationName: 'alp-tests' });
  return {
    name,
    url,
    pool,
    drop: async () => {
      await pool.end();
      await dropDatabase(name);
    },
  };
}

/** A fresh, migrated database (a clone of the template); `seeded` adds the demo seed. */
export async function createMigratedDatabase(options: { seeded?: boolean } = {}): Promise<TestDatabase> {
  if (options.seeded) await seededTemplateReady();
  else await migratedTemplate();
  const name = nextName('db');
  return open(name, await createDatabase(name, options.seeded ? SEEDED_TEMPLATE : TEMPLATE));
}

/** An empty database with no migrations, e.g. for the migration round-trip test. */
export async function createScratchDatabase(): Promise<TestDatabase> {
  const name = nextName('scratch');
  return open(name, await createDatabase(name));
}

/**
 * Registers before/after hooks giving the surrounding describe block its own migrated
 * database; read `.pool` / `.url` inside tests.
 */
export function useTestDatabase(options: { seeded?: boolean } = {}): TestDatabase {
  let database: TestDatabase | undefined;
  before(async function () {
    this.timeout(180_000);
    database = await createMigratedDatabase(options);
  });
  after(async () => {
    await database?.drop();
  });
  const current = () => {
    if (database === undefined) throw new Error('useTestDatabase(): the database exists only inside tests and hooks');
    return database;
  };
  return {
    get name() {
      return current().name;
    },
    get url() {
      return current().url;
    },
    get pool() {
      return current().pool;
    },
    drop: () => current().drop(),
  };
}

/** The URL of the test server's maintenance database (for tests that create their own). */
export async function serverUrlFor(database: string): Promise<string> {
  return (await databaseServer()).urlFor(database);
}

/** Drops every database this run created and stops the server if the harness started one. */
export async function releaseTestDatabases(): Promise<void> {
  if (server === undefined) return;
  for (const name of [...created].reverse()) await dropDatabase(name);
  await bouncer?.stop();
  bouncer = undefined;
  await (await server).stop();
  server = undefined;
}
