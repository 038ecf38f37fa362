import { randomBytes } from 'node:crypto';
import type { Logger } from '../adapters/logging/logger.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDatabase, startPersistentCluster } from '../adapters/postgres/embedded-postgres.js';
import { runMigrations } from '../adapters/postgres/migrations.js';
import { PgAdminAccounts } from '../adapters/postgres/identity/admin-accounts.repository.js';
import { createPool } from '../adapters/postgres/pool.js';
import { seedDatabase } from '../adapters/postgres/seed/seed-database.js';
import { loadSqlCatalogue } from '../adapters/postgres/sql-catalogue.js';
import { PgTransactor } from '../adapters/postgres/transactor.js';
import { Argon2PasswordHasher } from '../adapters/security/argon2-password-hasher.js';
import { createAdmin } from '../application/identity/create-admin.use-case.js';
import { loadCliDatabaseConfig, loadPasswordHashConfig } from '../config/config.js';

export const DEMO_ADMIN_EMAIL = 'admin@example.com';

export interface EmbeddedDemoDatabase {
  readonly databaseUrl: string;
  /** Stops the embedded PostgreSQL. */
  stop(): Promise<void>;
}

/**
 * The embedded demo's database in `<dataDir>/pg`, kept between runs and durable, its generated password in
 * `<dataDir>/pg-password`: the cluster started, the database migrated.
 */
export async function openEmbeddedDemoDatabase(logger: Logger, dataDir: string): Promise<EmbeddedDemoDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const cluster = await startPersistentCluster({
    dataDir: join(dataDir, 'pg'),
    passwordFile: join(dataDir, 'pg-password'),
  });
  logger.info({ dataDir: join(dataDir, 'pg'), port: cluster.port }, 'embedded PostgreSQL started');
  try {
    await ensureDatabase(cluster.urlFor('postgres'), 'adaptive_learning');
    const databaseUrl = cluster.urlFor('adaptive_learning');
    const applied = await runMigrations({ databaseUrl, direction: 'up' });
    logger.info({ applied }, 'migrations applied');
    return { databaseUrl, stop: () => cluster.stop() };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/**
 * The embedded demo's data: the idempotent seed, and admin@example.com with ADMIN_PASSWORD (or a
 * generated password, printed once when the admin is first created).
 */
export async function prepareDemoData(
  databaseUrl: string,
  adminPassword: string | undefined,
  logger: Logger,
): Promise<void> {
  const pool = createPool({ connectionString: databaseUrl, max: 2, statementTimeoutMs: 60_000 });
  try {
    const summary = await seedDatabase(pool);
    logger.info({ inserted: summary }, 'seed applied');
    const admins = new PgAdminAccounts(loadSqlCatalogue());
    const transactor = new PgTransactor(pool, loadCliDatabaseConfig());
    const existing = await transactor.read((db) => admins.findCredentials(db, DEMO_ADMIN_EMAIL));
    // Keep an existing demo admin's password unless ADMIN_PASSWORD asks for a new one.
    if (existing !== undefined && adminPassword === undefined) return;
    const password = adminPassword ?? randomBytes(12).toString('base64url');
    const hasher = new Argon2PasswordHasher(loadPasswordHashConfig());
    await createAdmin({ transactor, admins, hasher })({ email: DEMO_ADMIN_EMAIL, fullName: 'Demo Admin', password });
    if (adminPassword === undefined)
      console.log(
        `\n  Demo admin: ${DEMO_ADMIN_EMAIL} / ${password}   (shown once; set ADMIN_PASSWORD to choose it)\n`,
      );
    else logger.info({ email: DEMO_ADMIN_EMAIL }, 'demo admin password set from ADMIN_PASSWORD');
  } finally {
    await pool.end();
  }
}
