import { DATA_DIR } from './project-paths.js';
import { bool, cleanEnv, makeValidator, port, str, type CleanedEnv } from 'envalid';

/**
 * The only reader of process.env. Everything tunable is declared here once, typed, with its
 * default; an invalid environment fails at start-up with one error listing every problem.
 * The reporter throws instead of calling process.exit, so tests can catch a bad config.
 */
export class ConfigError extends Error {
  constructor(readonly problems: Readonly<Record<string, string>>) {
    super(
      `Invalid configuration: ${Object.entries(problems)
        .map(([k, v]) => `${k} (${v})`)
        .join('; ')}`,
    );
    this.name = 'ConfigError';
  }
}

const positiveInt = makeValidator<number>((input) => {
  const value = Number(input);
  if (!Number.isInteger(value) || value < 1) throw new Error('must be a positive integer');
  return value;
});

const nonNegativeInt = makeValidator<number>((input) => {
  const value = Number(input);
  if (!Number.isInteger(value) || value < 0) throw new Error('must be an integer ≥ 0');
  return value;
});

const jwtSecret = makeValidator<string>((input) => {
  // HMAC keys shorter than the hash output weaken HS256; 32 bytes is the floor the platform sets.
  if (Buffer.byteLength(input, 'utf8') < 32) throw new Error('must be at least 32 bytes');
  return input;
});

const origins = makeValidator<string[]>((input) =>
  input
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0),
);

const specs = {
  APP_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }),
  PORT: port({ default: 3000 }),
  DATABASE_URL: str({ desc: 'PostgreSQL URL; unset → npm start boots the embedded database' }),
  DB_POOL_MAX: positiveInt({ default: 10 }),
  DB_STATEMENT_TIMEOUT_MS: positiveInt({ default: 5000 }),
  DB_PREPARED_STATEMENTS: bool({
    default: true,
    desc: 'Named prepared statements; set false behind a transaction-mode PgBouncer older than 1.21',
  }),
  REQUEST_TIMEOUT_MS: positiveInt({ default: 15000 }),
  JWT_SECRET: jwtSecret(),
  JWT_ALG: str({ choices: ['HS256', 'HS384', 'HS512'], default: 'HS256' }),
  JWT_ACCESS_TTL_MINUTES: positiveInt({ default: 15 }),
  JWT_ISSUER: str({ default: 'adaptive-learning-platform' }),
  JWT_AUDIENCE: str({ default: 'adaptive-learning-api' }),
  PASSWORD_HASH_MEMORY_KIB: positiveInt({ default: 19456 }),
  PASSWORD_HASH_TIME_COST: positiveInt({ default: 2 }),
  PASSWORD_HASH_PARALLELISM: positiveInt({ default: 1 }),
  LOGIN_RATE_LIMIT_PER_IP: nonNegativeInt({ default: 100 }),
  LOGIN_RATE_LIMIT_PER_EMAIL: nonNegativeInt({ default: 10 }),
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: positiveInt({ default: 900 }),
  REFRESH_TTL_DAYS: positiveInt({ default: 14 }),
  ADMIN_REFRESH_TTL_HOURS: positiveInt({ default: 12 }),
  REFRESH_REUSE_GRACE_SECONDS: nonNegativeInt({ default: 10 }),
  // empty: Secure everywhere but development and test (plain-HTTP localhost)
  COOKIE_SECURE: str({ choices: ['', 'true', 'false'], default: '' }),
  CORS_ORIGINS: origins({ default: [] }),
  LOG_LEVEL: str({ choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' }),
  BODY_LIMIT_KB: positiveInt({ default: 100 }),
  TRUST_PROXY: bool({ default: false }),
  DEFAULT_TRACK: str({ default: 'default' }),
  METRICS_ENABLED: bool({
    default: true,
    desc: 'false: no request instrumentation, and GET /metrics answers 404 (measures what metrics cost)',
  }),
  METRICS_TOKEN: str({
    default: '',
    desc: 'Bearer token GET /metrics requires; empty → open (keep it off the internet)',
  }),
};

type Env = CleanedEnv<typeof specs>;

export interface AppConfig {
  readonly appEnv: Env['APP_ENV'];
  readonly port: number;
  readonly databaseUrl: string;
  readonly db: { readonly poolMax: number; readonly statementTimeoutMs: number; readonly preparedStatements: boolean };
  readonly requestTimeoutMs: number;
  readonly jwt: {
    readonly secret: string;
    readonly algorithm: 'HS256' | 'HS384' | 'HS512';
    readonly accessTtlMinutes: number;
    readonly issuer: string;
    readonly audience: string;
  };
  readonly passwordHash: { readonly memoryKib: number; readonly timeCost: number; readonly parallelism: number };
  readonly loginRateLimit: { readonly perIp: number; readonly perEmail: number; readonly windowSeconds: number };
  readonly sessions: {
    /** A learner token's sliding lifetime, and every family's absolute lifetime from its first login. */
    readonly refreshTtlDays: number;
    /** An admin token's sliding lifetime (its family still ends at refreshTtlDays). */
    readonly adminRefreshTtlHours: number;
    readonly reuseGraceSeconds: number;
    readonly cookieSecure: boolean;
  };
  readonly corsOrigins: readonly string[];
  readonly logLevel: string;
  readonly bodyLimitKb: number;
  readonly trustProxy: boolean;
  readonly defaultTrack: string;
  readonly metricsEnabled: boolean;
  readonly metricsToken: string | undefined;
}

export type EnvOverrides = Readonly<Record<string, string | undefined>>;

/** Reads the environment (plus overrides, which win) into a typed config, or throws ConfigError. */
export function loadConfig(overrides: EnvOverrides = {}): AppConfig {
  const source = { ...process.env, ...dropUndefined(overrides) };
  const env = cleanEnv(source, specs, {
    reporter: ({ errors }) => {
      const problems = Object.fromEntries(
        Object.entries(errors).map(([key, error]) => [key, String((error as Error).message)]),
      );
      if (Object.keys(problems).length > 0) throw new ConfigError(problems);
    },
  });
  return {
    appEnv: env.APP_ENV,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    db: {
      poolMax: env.DB_POOL_MAX,
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
      preparedStatements: env.DB_PREPARED_STATEMENTS,
    },
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    jwt: {
      secret: env.JWT_SECRET,
      algorithm: env.JWT_ALG as AppConfig['jwt']['algorithm'],
      accessTtlMinutes: env.JWT_ACCESS_TTL_MINUTES,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
    },
    passwordHash: {
      memoryKib: env.PASSWORD_HASH_MEMORY_KIB,
      timeCost: env.PASSWORD_HASH_TIME_COST,
      parallelism: env.PASSWORD_HASH_PARALLELISM,
    },
    loginRateLimit: {
      perIp: env.LOGIN_RATE_LIMIT_PER_IP,
      perEmail: env.LOGIN_RATE_LIMIT_PER_EMAIL,
      windowSeconds: env.LOGIN_RATE_LIMIT_WINDOW_SECONDS,
    },
    sessions: {
      refreshTtlDays: env.REFRESH_TTL_DAYS,
      adminRefreshTtlHours: env.ADMIN_REFRESH_TTL_HOURS,
      reuseGraceSeconds: env.REFRESH_REUSE_GRACE_SECONDS,
      cookieSecure: env.COOKIE_SECURE === '' ? env.APP_ENV === 'production' : env.COOKIE_SECURE === 'true',
    },
    corsOrigins: env.CORS_ORIGINS,
    logLevel: env.LOG_LEVEL,
    bodyLimitKb: env.BODY_LIMIT_KB,
    trustProxy: env.TRUST_PROXY,
    defaultTrack: env.DEFAULT_TRACK,
    metricsEnabled: env.METRICS_ENABLED,
    metricsToken: env.METRICS_TOKEN === '' ? undefined : env.METRICS_TOKEN,
  };
}

/** argon2id parameters alone, for CLI tools that hash passwords without running the server. */
export function loadPasswordHashConfig(): AppConfig['passwordHash'] {
  const { PASSWORD_HASH_MEMORY_KIB, PASSWORD_HASH_TIME_COST, PASSWORD_HASH_PARALLELISM } = specs;
  const env = cleanEnv(
    process.env,
    { PASSWORD_HASH_MEMORY_KIB, PASSWORD_HASH_TIME_COST, PASSWORD_HASH_PARALLELISM },
    {
      reporter: ({ errors }) => {
        if (Object.keys(errors).length > 0)
          throw new ConfigError(
            Object.fromEntries(Object.entries(errors).map(([k, e]) => [k, String((e as Error).message)])),
          );
      },
    },
  );
  return {
    memoryKib: env.PASSWORD_HASH_MEMORY_KIB,
    timeCost: env.PASSWORD_HASH_TIME_COST,
    parallelism: env.PASSWORD_HASH_PARALLELISM,
  };
}

/**
 * DB_PREPARED_STATEMENTS alone, for the CLI tools: they run the server's repositories, so pointed at
 * a transaction-mode PgBouncer they must send unnamed statements just as the server does.
 */
export function loadCliDatabaseConfig(): { readonly preparedStatements: boolean } {
  const { DB_PREPARED_STATEMENTS } = specs;
  const env = cleanEnv(
    process.env,
    { DB_PREPARED_STATEMENTS },
    {
      reporter: ({ errors }) => {
        if (Object.keys(errors).length > 0)
          throw new ConfigError(
            Object.fromEntries(Object.entries(errors).map(([k, e]) => [k, String((e as Error).message)])),
          );
      },
    },
  );
  return { preparedStatements: env.DB_PREPARED_STATEMENTS };
}

/** Variables the CLI tools read before a full config exists (the embedded launcher, admin:create). */
export function readCliEnv(): {
  databaseUrl?: string;
  jwtSecret?: string;
  adminPassword?: string;
  testDatabaseUrl?: string;
  /** Where `npm start` keeps its embedded cluster and generated secrets (default .data/). */
  embeddedDataDir: string;
  ci: boolean;
} {
  return {
    embeddedDataDir: nonEmpty(process.env.EMBEDDED_DATA_DIR) ?? DATA_DIR,
    databaseUrl: nonEmpty(process.env.DATABASE_URL),
    jwtSecret: nonEmpty(process.env.JWT_SECRET),
    adminPassword: nonEmpty(process.env.ADMIN_PASSWORD),
    testDatabaseUrl: nonEmpty(process.env.TEST_DATABASE_URL),
    ci: process.env.CI === 'true',
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function dropUndefined(record: EnvOverrides): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
