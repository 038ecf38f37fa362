import { decideRefresh, tokenEnd } from '../../../domain/identity/refresh-family.rules.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import type { AccessToken } from '../../ports/token-issuer.port.js';
import { accessTokenFor, lifetimesOf, type SessionDeps } from './session-policy.js';
import type { ClientInfo, RefreshCookie, SessionOwner } from './sessions.ports.js';

export interface Refreshed {
  readonly access: AccessToken;
  /** The successor cookie; absent when a concurrent refresh already rotated the token (grace). */
  readonly rotated?: RefreshCookie;
}

const refused = () => new DomainError('unauthorized', 'The refresh token is invalid, expired or revoked');

/**
 * POST /auth/refresh and /admin/auth/refresh. The owner's row is shared-locked (revocations wait
 * for it), then the token's row locked, so concurrent refreshes of one token queue: the first
 * rotates it, the others find it rotated within the grace window.
 * A reused token's family is revoked in a committed transaction before the 401 is answered.
 */
export const refreshSession =
  (deps: SessionDeps) =>
  async (kind: SessionOwner['kind'], token: string | undefined, client: ClientInfo): Promise<Refreshed> => {
    if (token === undefined || token.length === 0) throw refused();
    const now = deps.clock.now();
    const digest = deps.secrets.digest(token);
    const outcome = await deps.transactor.run(async (tx) => {
      const owner = await deps.refreshTokens.ownerOfDigest(tx, digest);
      if (owner === undefined || owner.kind !== kind) return undefined;
      const ownerActive = (await deps.refreshTokens.lockOwner(tx, owner, 'share')) === true;
      const stored = await deps.refreshTokens.lockByDigest(tx, digest);
      if (stored === undefined) return undefined;
      const decision = decideRefresh({ ...stored, ownerActive }, now, deps.policy.reuseGraceSeconds);
      switch (decision.kind) {
        case 'refuse':
          return undefined;
        case 'reuse':
          await deps.refreshTokens.revokeFamily(tx, stored.familyId, now);
          return undefined;
        case 'grace':
          return { owner: stored.owner, familyId: stored.familyId, rotated: undefined };
        case 'rotate': {
          const successor = deps.secrets.generate();
          const expiresAt = tokenEnd(now, lifetimesOf(deps.policy, stored.owner), stored.familyExpiresAt);
          await deps.refreshTokens.rotate(tx, stored.id, { digest: successor.digest, now, expiresAt, client });
          return { owner: stored.owner, familyId: stored.familyId, rotated: { token: successor.token, expiresAt } };
        }
      }
    });
    if (outcome === undefined) throw refused();
    return { access: accessTokenFor(deps.tokens, outcome.owner, outcome.familyId), rotated: outcome.rotated };
  };
