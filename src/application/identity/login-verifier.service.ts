import { DomainError } from '../../domain/shared/domain-error.js';
import { normalizeEmail } from '../../domain/identity/registration.rules.js';
import type { LoginThrottle } from '../ports/login-throttle.port.js';
import type { PasswordHasher } from '../ports/password-hasher.port.js';
import type { StoredCredentials } from './identity.ports.js';

export interface LoginAttempt {
  readonly email: string;
  readonly password: string;
  readonly ip: string;
}

export interface LoginVerifier {
  /** Resolves to the account id, or throws invalid_credentials / rate_limited. */
  verify(attempt: LoginAttempt, lookUp: (email: string) => Promise<StoredCredentials | undefined>): Promise<number>;
}

const invalidCredentials = () => new DomainError('invalid_credentials', 'Wrong email or password');

/**
 * One login check for learners and admins. Unknown email, wrong password and an inactive
 * account fail the same way and take the same time: an unknown email is verified against a
 * dummy hash made with the same parameters, so timing does not reveal which accounts exist.
 */
export async function createLoginVerifier(hasher: PasswordHasher, throttle: LoginThrottle): Promise<LoginVerifier> {
  const dummyHash = await hasher.hash('dummy password that matches no account');
  return {
    async verify(attempt, lookUp) {
      const email = normalizeEmail(attempt.email);
      await throttle.countAttempt(attempt.ip);
      await throttle.reserveEmailAttempt(email);
      const account = await lookUp(email);
      const matches = await hasher.verify(account?.passwordHash ?? dummyHash, attempt.password);
      if (account === undefined || !matches || !account.isActive) throw invalidCredentials();
      await throttle.releaseEmailAttempt(email);
      return account.id;
    },
  };
}
