import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type pg from 'pg';
import { createLogger, type Logger } from '../../src/adapters/logging/logger.js';
import { loadConfig, type AppConfig, type EnvOverrides } from '../../src/config/config.js';
import type { Clock } from '../../src/application/ports/clock.port.js';
import type { RandomSource } from '../../src/domain/shared/random-source.js';
import { composeApp, openPool } from '../../src/main.js';
import { answerClientErrors } from '../../src/adapters/http/client-errors.js';
import { appDatabaseUrl, useTestDatabase, type TestDatabase } from './database.js';
import { THROUGH_PGBOUNCER } from './topology.js';
import { httpClient } from './http-client.js';

/**
 * The environment of a test server: a fixed secret, fast password hashing, silent logs, no rate limits unless asked;
 * the database through PgBouncer with prepared statements off under TEST_DB_TOPOLOGY=pgbouncer.
 */
export function testEnv(databaseUrl: string, overrides: EnvOverrides = {}): EnvOverrides {
  return {
    APP_ENV: 'test',
    DATABASE_URL: appDatabaseUrl(databaseUrl),
    ...(THROUGH_PGBOUNCER ? { DB_PREPARED_STATEMENTS: 'false' } : {}),
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256!!',
    LOG_LEVEL: 'silent',
    PASSWORD_HASH_MEMORY_KIB: '1024',
    PASSWORD_HASH_TIME_COST: '1',
    LOGIN_RATE_LIMIT_PER_IP: '0',
    LOGIN_RATE_LIMIT_PER_EMAIL: '0',
    ...overrides,
  };
}

/** Config for tests (see testEnv); server processes get the same values as environment variables. */
export function testConfig(databaseUrl: string, overrides: EnvOverrides = {}): AppConfig {
  return loadConfig(testEnv(databaseUrl, overrides));
}

export interface ApiResponse<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly text: string;
}

export interface RequestOptions {
  readonly token?: string;
  readonly body?: unknown;
  /** A raw body sent as is (malformed JSON, other content types). */
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
}

export interface TestApi {
  readonly db: TestDatabase;
  readonly baseUrl: string;
  readonly config: AppConfig;
  /** Sends a request to the app and asserts the response conforms to openapi.yaml. */
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** The same without the contract check (for /docs, /openapi.json). */
  raw<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
}

export interface UseApiOptions {
  readonly env?: EnvOverrides;
  /** Start from the demo seed (track `default`, its ladder, modules, bank and articles); default true. */
  readonly seeded?: boolean;
  /** Capture log lines (e.g. to prove secrets are never logged). */
  readonly logger?: Logger;
  /** Replaces the production RandomSource (e.g. `seededRandom(7)`) so question draws are reproducible. */
  readonly random?: RandomSource;
  /** Replaces the system clock of the session use cases (see test/support/test-clock.ts). */
  readonly clock?: Clock;
  /**
   * Routes the server's pool elsewhere (a TCP proxy, say): called once before the server starts with the URL it would
   * use, it answers the URL to use instead.
   */
  readonly databaseUrl?: (serverUrl: string) => Promise<string>;
}

/** An app built by the real composition root on a fresh database, listening on port 0. */
export function useApi(options: UseApiOptions = {}): TestApi {
  const db = useTestDatabase({ seeded: options.seeded ?? true });
  let server: Server | undefined;
  let pool: pg.Pool | undefined;
  let baseUrl = '';
  let config: AppConfig | undefined;

  before(async () => {
    config = testConfig(
      options.databaseUrl === undefined ? db.url : await options.databaseUrl(appDatabaseUrl(db.url)),
      options.env,
    );
    const logger = options.logger ?? createLogger('silent');
    pool = openPool(config, logger);
    const app = await composeApp(config, pool, logger, { random: options.random, clock: options.clock });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    answerClientErrors(server);
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => {
      if (server === undefined) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await pool?.end();
  });

  // No client-side timeout here: a test's own mocha timeout governs in-process requests.
  const client = httpClient(() => baseUrl, { timeoutMs: 0 });

  return {
    db,
    get baseUrl() {
      return baseUrl;
    },
    get config() {
      if (config === undefined) throw new Error('useApi(): config exists only inside tests');
      return config;
    },
    raw: client.raw,
    request: client.request,
  };
}
