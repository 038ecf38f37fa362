import type { SessionDeps } from './session-policy.js';

/** `npm run sessions:prune`: deletes every ended family; running it twice deletes nothing the second time. */
export const pruneSessions =
  (deps: Pick<SessionDeps, 'transactor' | 'refreshTokens' | 'clock'>) => async (): Promise<number> => {
    const now = deps.clock.now();
    return deps.transactor.run((tx) => deps.refreshTokens.pruneEnded(tx, now));
  };
