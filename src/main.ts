import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import type { Express } from 'express';
import type pg from 'pg';
import { createApp } from './adapters/http/app.js';
import { loadOpenApiContract } from './adapters/http/contract/openapi-document.js';
import { createLogger, type Logger } from './adapters/logging/logger.js';
import { PgDatabaseHealth } from './adapters/postgres/database-health.js';
import { createPool } from './adapters/postgres/pool.js';
import { loadConfig, type AppConfig } from './config/config.js';

/**
 * Composition root: config → pool → adapters → use cases → createApp → listen.
 * Schema changes and demo data are the embedded launcher's job (src/cli/start.ts), never this file's.
 */
export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  readonly logger: Logger;
  /** Stops accepting, lets in-flight requests finish, then closes the pool. */
  stop(): Promise<void>;
}

export function openPool(config: AppConfig, logger: Logger): pg.Pool {
  return createPool({
    connectionString: config.databaseUrl,
    max: config.db.poolMax,
    statementTimeoutMs: config.db.statementTimeoutMs,
    onError: (error) => logger.warn({ err: error }, 'idle database client failed'),
  });
}

/** Wires adapters and use cases into the Express app; the tests go through this same wiring. */
export function composeApp(config: AppConfig, pool: pg.Pool, logger: Logger): Express {
  return createApp({
    settings: config,
    logger,
    contract: loadOpenApiContract(),
    databaseHealth: new PgDatabaseHealth(pool),
  });
}

export async function startServer(config: AppConfig, logger: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const pool = openPool(config, logger);
  const app = composeApp(config, pool, logger);

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  // Keep-alive sockets must not outlive the load balancer's idle timeout, nor hold shutdown.
  server.keepAliveTimeout = 5_000;
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await pool.end();
    })());

  return { server, url: `http://127.0.0.1:${port}`, logger, stop };
}

/** SIGTERM / SIGINT: finish in-flight requests, close the pool, exit. */
export function stopOnSignals(running: Pick<RunningServer, 'stop' | 'logger'>, beforeExit: () => Promise<void> = async () => undefined): void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) return;
    received = true;
    running.logger.info({ signal }, 'shutting down');
    running
      .stop()
      .then(beforeExit)
      .then(
        () => process.exit(0),
        (error: unknown) => {
          running.logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startServer(config);
  running.logger.info({ url: running.url, env: config.appEnv }, 'server listening');
  stopOnSignals(running);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
