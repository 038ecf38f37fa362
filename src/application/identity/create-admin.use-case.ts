import { normalizeEmail, PASSWORD_MIN_LENGTH } from '../../domain/identity/registration.rules.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { PasswordHasher } from '../ports/password-hasher.port.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { AdminAccounts, AdminProfile } from './identity.ports.js';

/** `npm run admin:create` and the embedded demo's admin: create, or reset the password of, an admin. */
export const createAdmin =
  (deps: { transactor: Transactor; admins: AdminAccounts; hasher: PasswordHasher }) =>
  async (input: {
    email: string;
    fullName: string;
    password: string;
  }): Promise<AdminProfile & { created: boolean }> => {
    const email = normalizeEmail(input.email);
    const fullName = input.fullName.trim();
    const errors = [
      ...(/^[^\s@]+@[^\s@]+$/.test(email)
        ? []
        : [{ code: 'format', message: 'a valid email is required', path: 'email' }]),
      ...(fullName.length > 0 ? [] : [{ code: 'blank', message: 'a name is required', path: 'name' }]),
      ...([...input.password].length >= PASSWORD_MIN_LENGTH
        ? []
        : [
            {
              code: 'length',
              message: `the password needs at least ${PASSWORD_MIN_LENGTH} characters`,
              path: 'password',
            },
          ]),
    ];
    if (errors.length > 0) throw new DomainError('validation_failed', 'The admin data is invalid', { errors });
    const passwordHash = await deps.hasher.hash(input.password);
    return deps.transactor.run((tx) => deps.admins.upsert(tx, { email, fullName, passwordHash }));
  };
