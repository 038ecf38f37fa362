import type { AccessToken, TokenIssuer } from '../ports/token-issuer.port.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { AdminAccounts, LearnerAccounts } from './identity.ports.js';
import type { LoginAttempt, LoginVerifier } from './verify-login.js';

export interface LogInDeps {
  readonly transactor: Transactor;
  readonly verifier: LoginVerifier;
  readonly tokens: TokenIssuer;
}

/** POST /auth/login: a learner token (`scope: user`). */
export const logInLearner =
  (deps: LogInDeps & { readonly learners: LearnerAccounts }) =>
  async (attempt: LoginAttempt): Promise<AccessToken> => {
    const userId = await deps.verifier.verify(attempt, (email) =>
      deps.transactor.read((db) => deps.learners.findCredentials(db, email)),
    );
    return deps.tokens.issue(userId, 'user');
  };

/** POST /admin/login: an admin token (`scope: admin`); an inactive admin fails like a wrong password. */
export const logInAdmin =
  (deps: LogInDeps & { readonly admins: AdminAccounts }) =>
  async (attempt: LoginAttempt): Promise<AccessToken> => {
    const adminId = await deps.verifier.verify(attempt, (email) =>
      deps.transactor.read((db) => deps.admins.findCredentials(db, email)),
    );
    return deps.tokens.issue(adminId, 'admin');
  };
