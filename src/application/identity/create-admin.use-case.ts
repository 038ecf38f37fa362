import { normalizeAdminAccount } from '../../domain/identity/registration.rules.js';
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
    const { email, fullName, password } = normalizeAdminAccount(input);
    const passwordHash = await deps.hasher.hash(password);
    return deps.transactor.run((tx) => deps.admins.upsert(tx, { email, fullName, passwordHash }));
  };
