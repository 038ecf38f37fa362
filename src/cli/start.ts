import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../adapters/logging/logger.js';
import { loadConfig, readCliEnv } from '../config/config.js';
import { startServer, stopOnSignals } from '../main.js';
import { openEmbeddedDemoDatabase, prepareDemoData } from './demo-data.js';
import { ensureWebBuild } from './web-build.js';

/**
 * `npm start`. It first builds the web app when dist/web is missing or older than web/. With
 * DATABASE_URL set it then only starts the server (migrate first with `npm run migrate up`). Without
 * it, it is the one-command demo: an embedded PostgreSQL in .data/pg (durable, its generated password
 * in .data/pg-password), migrated and seeded, then the server — everything stopped by Ctrl-C.
 * EMBEDDED_DATA_DIR moves .data elsewhere.
 */
async function main(): Promise<void> {
  const cli = readCliEnv();
  ensureWebBuild();
  if (cli.databaseUrl !== undefined) {
    const running = await startServer(loadConfig());
    announce(running.url);
    stopOnSignals(running);
    return;
  }

  const logger = createLogger('info');
  const dataDir = cli.embeddedDataDir;
  const demo = await openEmbeddedDemoDatabase(logger, dataDir);
  try {
    await prepareDemoData(demo.databaseUrl, cli.adminPassword, logger);

    const config = loadConfig({ DATABASE_URL: demo.databaseUrl, JWT_SECRET: cli.jwtSecret ?? demoJwtSecret(dataDir) });
    const running = await startServer(config, logger);
    announce(running.url);
    stopOnSignals(running, demo.stop);
  } catch (error) {
    await demo.stop();
    throw error;
  }
}

/** The demo generates its JWT secret once and keeps it, so tokens survive a restart. */
function demoJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function announce(url: string): void {
  console.log(
    `\n  Learner app ${url}/\n  Admin       ${url}/admin/\n  API         ${url}/api/v1   (try ${url}/api/v1/health/db)\n  Swagger UI  ${url}/docs\n  Contract    ${url}/openapi.yaml\n\n  Ctrl-C stops everything.\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
