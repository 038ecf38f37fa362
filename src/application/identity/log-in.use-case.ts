import type { Transactor } from '../ports/transactor.port.js';
import type { AdminAccounts, LearnerAccounts } from './identity.ports.js';
import type { ClientInfo } from './sessions/sessions.ports.js';
import type { SignedIn, startSession } from './sessions/start-session.use-case.js';
import type { LoginAttempt, LoginVerifier } from './login-verifier.service.js';

export interface LogInDeps {
  readonly transactor: Transactor;
  readonly verifier: LoginVerifier;
  readonly startSession: ReturnType<typeof startSession>;
}

/** POST /auth/login: a learner token (`scope: user`) and a new session; an inactive learner fails like a wrong
 * password. */
export const logInLearner =
  (deps: LogInDeps & { readonly learners: LearnerAccounts }) =>
  async (attempt: LoginAttempt, client: ClientInfo): Promise<SignedIn> => {
    const userId = await deps.verifier.verify(attempt, (email) =>
      deps.transactor.read((db) => deps.learners.findCredentials(db, email)),
    );
    return deps.startSession({ kind: 'learner', userId }, client);
  };

/** POST /admin/login: an admin token (`scope: admin`) and a new session; an inactive admin fails like a wrong
 * password. */
export const logInAdmin =
  (deps: LogInDeps & { readonly admins: AdminAccounts }) =>
  async (attempt: LoginAttempt, client: ClientInfo): Promise<SignedIn> => {
    const adminId = await deps.verifier.verify(attempt, (email) =>
      deps.transactor.read((db) => deps.admins.findCredentials(db, email)),
    );
    return deps.startSession({ kind: 'admin', adminId }, client);
  };
