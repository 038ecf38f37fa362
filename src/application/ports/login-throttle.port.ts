/**
 * Counts login attempts in a store shared by every instance. `check` fails with
 * DomainError('rate_limited', …, { retry_after }) when a key is over its limit.
 */
export interface LoginThrottle {
  /** Every attempt from this client address counts (flood protection). */
  countAttempt(ip: string): Promise<void>;
  /** Refuses an email that already failed too often in the window (credential stuffing). */
  assertEmailAllowed(email: string): Promise<void>;
  /** Only failures count against an email, so a learner's own logins never lock them out. */
  countFailure(email: string): Promise<void>;
}
