import type { Server } from 'node:http';
import type pg from 'pg';
import { answerClientErrors } from '../adapters/http/client-errors.js';
import { createLogger, type Logger } from '../adapters/logging/logger.js';
import { createPool } from '../adapters/postgres/pool.js';
import type { AppConfig } from '../config/config.js';
import { composeServer } from './app.js';

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  readonly logger: Logger;
  /** Stops accepting, lets in-flight requests and their use cases finish, then closes the pool. */
  stop(): Promise<void>;
}

export function openPool(config: AppConfig, logger: Logger): pg.Pool {
  return createPool({
    connectionString: config.databaseUrl,
    max: config.db.poolMax,
    statementTimeoutMs: config.db.statementTimeoutMs,
    // pg attaches its whole client to the error; log only what an operator needs.
    onError: (error) =>
      logger.warn({ code: (error as { code?: string }).code, message: error.message }, 'idle database client failed'),
  });
}

/** Pool → wiring → listen. Schema changes and demo data are the embedded launcher's job (src/cli/start.ts). */
export async function startServer(
  config: AppConfig,
  logger: Logger = createLogger(config.logLevel),
): Promise<RunningServer> {
  const pool = openPool(config, logger);
  const { app, inFlight } = await composeServer(config, pool, logger);

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  answerClientErrors(server);
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
      // A handler whose client hung up, or that was answered 503 on timeout, keeps running after its
      // socket closed, possibly between two reads with no client checked out: let its use case end.
      const deadline = Date.now() + config.requestTimeoutMs + 5_000;
      await inFlight.settled(deadline - Date.now());
      await untilPoolIdle(pool, Math.max(0, deadline - Date.now()));
      await pool.end();
    })());

  return { server, url: `http://127.0.0.1:${port}`, logger, stop };
}

/** Resolves once no pooled client is checked out or awaited (or after `limitMs`). */
async function untilPoolIdle(pool: pg.Pool, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while ((pool.totalCount > pool.idleCount || pool.waitingCount > 0) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** SIGTERM / SIGINT: finish in-flight requests, close the pool, exit. */
export function stopOnSignals(
  running: Pick<RunningServer, 'stop' | 'logger'>,
  beforeExit: () => Promise<void> = async () => undefined,
): void {
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
