import type { LearnerActor } from '../../../domain/identity/actor.js';
import type { SessionDeps } from './session-policy.js';
import type { SessionSummary } from './sessions.ports.js';

export interface SessionView extends SessionSummary {
  /** The session the request's access token was issued for. */
  readonly current: boolean;
}

/** GET /users/me/sessions: the learner's live families, most recently used first. */
export const listSessions =
  (deps: Pick<SessionDeps, 'transactor' | 'refreshTokens' | 'clock'>) =>
  async (actor: LearnerActor): Promise<SessionView[]> => {
    const now = deps.clock.now();
    const sessions = await deps.transactor.read((db) => deps.refreshTokens.listLiveFamilies(db, actor.userId, now));
    return sessions.map((session) => ({ ...session, current: session.id === actor.sessionId }));
  };
