/**
 * Counts login attempts in a store shared by every instance. Over a limit, a call fails with
 * DomainError('rate_limited', …, { retry_after }).
 */
export interface LoginThrottle {
  /** Every attempt from this client address counts (flood protection). */
  countAttempt(ip: string): Promise<void>;
  /**
   * Takes one of the email's attempts atomically BEFORE the password is checked, so a burst of
   * concurrent guesses can never check more passwords than the limit allows.
   */
  reserveEmailAttempt(email: string): Promise<void>;
  /** Gives the attempt back after a successful login: only failures count against an email. */
  releaseEmailAttempt(email: string): Promise<void>;
}
