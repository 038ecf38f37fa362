import type { Express } from 'express';
import type pg from 'pg';
import { createApp } from '../adapters/http/app.js';
import { loadOpenApiContract } from '../adapters/http/contract/openapi-document.js';
import { createHttpMetrics, disabledMetrics } from '../adapters/http/metrics/http-metrics.js';
import type { Logger } from '../adapters/logging/logger.js';
import { PgDatabaseHealth } from '../adapters/postgres/database-health.js';
import { inFlightWork, type InFlightWork } from '../application/in-flight-work.js';
import type { AppConfig } from '../config/config.js';
import { WEB_DIST_DIR } from '../config/project-paths.js';
import { composeUseCases } from './use-cases.js';
import type { ComposeOverrides } from './wiring-context.js';

/** Wires adapters and use cases into the Express app; the tests go through this same wiring. */
export async function composeApp(
  config: AppConfig,
  pool: pg.Pool,
  logger: Logger,
  overrides: ComposeOverrides = {},
): Promise<Express> {
  return (await composeServer(config, pool, logger, overrides)).app;
}

/** The app, and the count of its use-case calls still running, which shutdown waits for. */
export async function composeServer(
  config: AppConfig,
  pool: pg.Pool,
  logger: Logger,
  overrides: ComposeOverrides = {},
): Promise<{ app: Express; inFlight: InFlightWork }> {
  const inFlight = inFlightWork();
  const { useCases, access } = await composeUseCases(config, pool, overrides);
  const app = createApp({
    settings: config,
    logger,
    contract: loadOpenApiContract(),
    webAppDir: WEB_DIST_DIR,
    databaseHealth: new PgDatabaseHealth(pool),
    metrics: config.metricsEnabled ? createHttpMetrics(pool, { token: config.metricsToken }) : disabledMetrics(),
    auth: { verification: config.jwt, ...inFlight.track(access) },
    useCases: inFlight.track(useCases),
  });
  return { app, inFlight };
}
