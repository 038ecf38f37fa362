import type { LearnerActor } from '../../../domain/identity/actor.js';
import { notFound } from '../../../domain/shared/domain-error.js';
import type { SessionDeps } from './session-policy.js';
import type { SessionOwner } from './sessions.ports.js';

type EndDeps = Pick<SessionDeps, 'transactor' | 'refreshTokens' | 'secrets' | 'clock'>;

/** POST /auth/logout, /admin/auth/logout: ends the cookie's family; no cookie, an unknown or ended one is fine. */
export const logOut =
  (deps: EndDeps) =>
  async (kind: SessionOwner['kind'], token: string | undefined): Promise<void> => {
    if (token === undefined || token.length === 0) return;
    const now = deps.clock.now();
    const digest = deps.secrets.digest(token);
    await deps.transactor.run(async (tx) => {
      const owner = await deps.refreshTokens.ownerOfDigest(tx, digest);
      if (owner === undefined || owner.kind !== kind) return;
      await deps.refreshTokens.lockOwner(tx, owner, 'exclusive');
      const stored = await deps.refreshTokens.lockByDigest(tx, digest);
      if (stored !== undefined) await deps.refreshTokens.revokeFamily(tx, stored.familyId, now);
    });
  };

/** POST /auth/logout-all: every family of the learner. */
export const logOutEverywhere =
  (deps: EndDeps) =>
  async (actor: LearnerActor): Promise<void> => {
    const now = deps.clock.now();
    const owner = { kind: 'learner', userId: actor.userId } as const;
    await deps.transactor.run(async (tx) => {
      await deps.refreshTokens.lockOwner(tx, owner, 'exclusive');
      await deps.refreshTokens.revokeOwnerFamilies(tx, owner, now);
    });
  };

/** DELETE /users/me/sessions/{id}: one live family of the learner; anything else is 404. */
export const revokeSession =
  (deps: EndDeps) =>
  async (actor: LearnerActor, sessionId: number): Promise<void> => {
    const now = deps.clock.now();
    const revoked = await deps.transactor.run(async (tx) => {
      await deps.refreshTokens.lockOwner(tx, { kind: 'learner', userId: actor.userId }, 'exclusive');
      return deps.refreshTokens.revokeLearnerFamily(tx, actor.userId, sessionId, now);
    });
    if (!revoked) throw notFound(`Session ${sessionId}`);
  };
