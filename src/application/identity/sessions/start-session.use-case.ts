import { familyEnd, tokenEnd } from '../../../domain/identity/refresh-family.rules.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import type { AccessToken } from '../../ports/token-issuer.port.js';
import { accessTokenFor, lifetimesOf, type SessionDeps } from './session-policy.js';
import type { ClientInfo, RefreshCookie, SessionOwner } from './sessions.ports.js';

/** What a login hands the client: the access token (the body) and the refresh cookie. */
export interface SignedIn {
  readonly access: AccessToken;
  readonly refresh: RefreshCookie;
}

/**
 * After a successful login: a new family with its first refresh token. The owner's ended families
 * are deleted on the way (the opportunistic half of pruning; `npm run sessions:prune` does the rest).
 */
export const startSession =
  (deps: SessionDeps) =>
  async (owner: SessionOwner, client: ClientInfo): Promise<SignedIn> => {
    const now = deps.clock.now();
    const lifetimes = lifetimesOf(deps.policy, owner);
    const familyExpiresAt = familyEnd(now, lifetimes);
    const expiresAt = tokenEnd(now, lifetimes, familyExpiresAt);
    const secret = deps.secrets.generate();
    const familyId = await deps.transactor.run(async (tx) => {
      // A deactivation that committed after the password check wins: no family for an inactive owner.
      if ((await deps.refreshTokens.lockOwner(tx, owner, 'share')) !== true)
        throw new DomainError('invalid_credentials', 'Wrong email or password');
      await deps.refreshTokens.pruneEnded(tx, now, owner);
      return deps.refreshTokens.startFamily(tx, owner, {
        digest: secret.digest,
        now,
        expiresAt,
        familyExpiresAt,
        client,
      });
    });
    return { access: accessTokenFor(deps.tokens, owner, familyId), refresh: { token: secret.token, expiresAt } };
  };
