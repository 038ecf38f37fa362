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
      const stored = await deps.refreshTokens.lockByDigest(tx, digest);
      if (stored !== undefined && stored.owner.kind === kind)
        await deps.refreshTokens.revokeFamily(tx, stored.familyId, now);
    });
  };

/** POST /auth/logout-all: every family of the learner. */
export const logOutEverywhere =
  (deps: EndDeps) =>
  async (actor: LearnerActor): Promise<void> => {
    const now = deps.clock.now();
    await deps.transactor.run((tx) =>
      deps.refreshTokens.revokeOwnerFamilies(tx, { kind: 'learner', userId: actor.userId }, now),
    );
  };

/** DELETE /users/me/sessions/{id}: one live family of the learner; anything else is 404. */
export const revokeSession =
  (deps: EndDeps) =>
  async (actor: LearnerActor, sessionId: number): Promise<void> => {
    const now = deps.clock.now();
    const revoked = await deps.transactor.run((tx) =>
      deps.refreshTokens.revokeLearnerFamily(tx, actor.userId, sessionId, now),
    );
    if (!revoked) throw notFound(`Session ${sessionId}`);
  };
