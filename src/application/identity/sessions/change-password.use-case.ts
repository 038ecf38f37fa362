import type { LearnerActor } from '../../../domain/identity/actor.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import type { PasswordHasher } from '../../ports/password-hasher.port.js';
import type { LearnerAccounts } from '../identity.ports.js';
import type { LoginVerifier } from '../login-verifier.service.js';
import type { SessionDeps } from './session-policy.js';

export interface PasswordChange {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly ip: string;
}

export interface ChangePasswordDeps extends Pick<SessionDeps, 'transactor' | 'refreshTokens' | 'clock'> {
  readonly learners: LearnerAccounts;
  readonly verifier: LoginVerifier;
  readonly hasher: PasswordHasher;
}

/**
 * POST /users/me/password. The current password is checked like a login (same throttle, same
 * 401); then the new hash is stored and every other session ends, in one transaction. The
 * caller's own session stays; access tokens already issued live out their short TTL.
 */
export const changePassword =
  (deps: ChangePasswordDeps) =>
  async (actor: LearnerActor, change: PasswordChange): Promise<void> => {
    const profile = await deps.transactor.read((db) => deps.learners.findProfile(db, actor.userId));
    if (profile === undefined) throw new DomainError('forbidden', 'This learner account is not active');
    await deps.verifier.verify({ email: profile.email, password: change.currentPassword, ip: change.ip }, (email) =>
      deps.transactor.read((db) => deps.learners.findCredentials(db, email)),
    );
    const passwordHash = await deps.hasher.hash(change.newPassword);
    const now = deps.clock.now();
    await deps.transactor.run(async (tx) => {
      await deps.learners.updatePassword(tx, actor.userId, passwordHash);
      await deps.refreshTokens.revokeOwnerFamilies(tx, { kind: 'learner', userId: actor.userId }, now, actor.sessionId);
    });
  };
