import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { LoginThrottle } from '../../../application/ports/login-throttle.port.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import { toDomainError } from '../postgres.errors.js';

export interface LoginLimits {
  /** Attempts per window; 0 disables that limit. */
  readonly perIp: number;
  readonly perEmail: number;
  readonly windowSeconds: number;
}

/**
 * Login throttling in PostgreSQL (table login_rate_limits, created by migration 0002), so the
 * limits hold across every instance behind a load balancer.
 */
export class PgLoginThrottle implements LoginThrottle {
  private readonly byIp: RateLimiterPostgres | undefined;
  private readonly byEmail: RateLimiterPostgres | undefined;

  constructor(pool: pg.Pool, limits: LoginLimits, options: { readonly preparedStatements: boolean }) {
    // The store names its statements; behind a transaction-mode pooler they must go unnamed.
    const storeClient = options.preparedStatements
      ? pool
      : { query: (query: pg.QueryConfig) => pool.query({ text: query.text, values: query.values }) };
    const limiter = (keyPrefix: string, points: number) =>
      points === 0
        ? undefined
        : new RateLimiterPostgres({
            storeClient,
            storeType: 'pool',
            tableName: 'login_rate_limits',
            tableCreated: true,
            // No background timers: an expired row is simply reset by the next attempt.
            clearExpiredByTimeout: false,
            keyPrefix,
            points,
            duration: limits.windowSeconds,
          });
    this.byIp = limiter('login:ip', limits.perIp);
    this.byEmail = limiter('login:email', limits.perEmail);
  }

  async countAttempt(ip: string): Promise<void> {
    if (this.byIp !== undefined) await consume(this.byIp, ip);
  }

  async reserveEmailAttempt(email: string): Promise<void> {
    if (this.byEmail === undefined) return;
    try {
      await consume(this.byEmail, email);
    } catch (error) {
      // The store counts a refused attempt too; give it back, so only attempts whose password was
      // checked and failed keep the email locked (a burst of correct logins leaves it open).
      if (error instanceof DomainError && error.code === 'rate_limited')
        await guard(() => this.byEmail!.reward(email, 1));
      throw error;
    }
  }

  async releaseEmailAttempt(email: string): Promise<void> {
    if (this.byEmail !== undefined) await guard(() => this.byEmail!.reward(email, 1));
  }
}

function rateLimited(msBeforeNext: number): DomainError {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new DomainError('rate_limited', `Too many login attempts; retry in ${retryAfter} s`, {
    retry_after: retryAfter,
  });
}

async function consume(limiter: RateLimiterPostgres, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    // The library rejects with a RateLimiterRes when the key is over its limit, with an Error otherwise.
    if (rejection instanceof RateLimiterRes) throw rateLimited(rejection.msBeforeNext);
    throw toDomainError(rejection);
  }
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toDomainError(error);
  }
}
