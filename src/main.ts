import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import type { Express } from 'express';
import type pg from 'pg';
import { createApp } from './adapters/http/app.js';
import { loadOpenApiContract } from './adapters/http/contract/openapi-document.js';
import { createLogger, type Logger } from './adapters/logging/logger.js';
import { PgDatabaseHealth } from './adapters/postgres/database-health.js';
import { PgAdminAccounts } from './adapters/postgres/identity/admin-accounts.repository.js';
import { PgLearnerAccounts } from './adapters/postgres/identity/learner-accounts.repository.js';
import { PgLoginThrottle } from './adapters/postgres/identity/login-throttle.js';
import { createPool } from './adapters/postgres/pool.js';
import { PgLearnerPlacement } from './adapters/postgres/progress/learner-placement.repository.js';
import { loadSqlCatalogue } from './adapters/postgres/sql-files.js';
import { PgTransactor } from './adapters/postgres/transactor.js';
import { Argon2PasswordHasher } from './adapters/security/argon2-password-hasher.js';
import { JwtTokenIssuer } from './adapters/security/jwt-token-issuer.js';
import { logInAdmin, logInLearner } from './application/identity/log-in.use-case.js';
import { checkAdminAccess, getAdminProfile, getLearnerProfile } from './application/identity/profiles.use-case.js';
import { signUpLearner } from './application/identity/sign-up-learner.use-case.js';
import { createLoginVerifier } from './application/identity/verify-login.js';
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
    // pg attaches its whole client to the error; log only what an operator needs.
    onError: (error) => logger.warn({ code: (error as { code?: string }).code, message: error.message }, 'idle database client failed'),
  });
}

/** Wires adapters and use cases into the Express app; the tests go through this same wiring. */
export async function composeApp(config: AppConfig, pool: pg.Pool, logger: Logger): Promise<Express> {
  const sql = loadSqlCatalogue();
  const transactor = new PgTransactor(pool);
  const hasher = new Argon2PasswordHasher(config.passwordHash);
  const tokens = new JwtTokenIssuer(config.jwt);
  const learners = new PgLearnerAccounts(sql);
  const admins = new PgAdminAccounts(sql);
  const verifier = await createLoginVerifier(hasher, new PgLoginThrottle(pool, config.loginRateLimit));

  return createApp({
    settings: config,
    logger,
    contract: loadOpenApiContract(),
    databaseHealth: new PgDatabaseHealth(pool),
    auth: { verification: config.jwt, checkAdminAccess: checkAdminAccess({ transactor, admins }) },
    useCases: {
      identity: {
        signUp: signUpLearner({ transactor, learners, placement: new PgLearnerPlacement(sql), hasher, defaultTrackName: config.defaultTrack }),
        logInLearner: logInLearner({ transactor, verifier, tokens, learners }),
        logInAdmin: logInAdmin({ transactor, verifier, tokens, admins }),
        getLearnerProfile: getLearnerProfile({ transactor, learners }),
        getAdminProfile: getAdminProfile({ transactor, admins }),
      },
    },
  });
}

export async function startServer(config: AppConfig, logger: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const pool = openPool(config, logger);
  const app = await composeApp(config, pool, logger);

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
