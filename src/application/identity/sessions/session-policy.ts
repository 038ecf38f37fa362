import type { FamilyLifetimes } from '../../../domain/identity/refresh-family.rules.js';
import type { Clock } from '../../ports/clock.port.js';
import type { TokenIssuer } from '../../ports/token-issuer.port.js';
import type { Transactor } from '../../ports/transactor.port.js';
import type { RefreshSecrets, RefreshTokens, SessionOwner } from './sessions.ports.js';

/** How long sessions live, per kind of owner, and how long a just-rotated token is still honoured. */
export interface SessionPolicy {
  readonly learner: FamilyLifetimes;
  readonly admin: FamilyLifetimes;
  readonly reuseGraceSeconds: number;
}

/** What every session use case works with. */
export interface SessionDeps {
  readonly transactor: Transactor;
  readonly refreshTokens: RefreshTokens;
  readonly secrets: RefreshSecrets;
  readonly tokens: TokenIssuer;
  readonly clock: Clock;
  readonly policy: SessionPolicy;
}

export const lifetimesOf = (policy: SessionPolicy, owner: SessionOwner): FamilyLifetimes =>
  owner.kind === 'learner' ? policy.learner : policy.admin;

/** An access token for the owner, carrying the session (family) it was issued for. */
export const accessTokenFor = (tokens: TokenIssuer, owner: SessionOwner, familyId: number) =>
  owner.kind === 'learner'
    ? tokens.issue(owner.userId, 'user', familyId)
    : tokens.issue(owner.adminId, 'admin', familyId);
