/**
 * What a refresh does with the token it was handed. A session is a family of refresh tokens; each
 * refresh rotates the family's newest token. Concurrent refreshes of one token (a browser's tabs)
 * all present the same token: the first rotates it, the others arrive within the grace window and
 * get an access token without forking the family. A rotated token arriving later was copied:
 * reuse revokes the whole family.
 */
export interface RefreshTokenState {
  readonly rotatedAt: Date | null;
  readonly revokedAt: Date | null;
  /** This token's sliding end. */
  readonly expiresAt: Date;
  /** The family's absolute end, fixed at its first login. */
  readonly familyExpiresAt: Date;
  readonly ownerActive: boolean;
}

export type RefreshDecision =
  | { readonly kind: 'rotate' }
  | { readonly kind: 'grace' }
  | { readonly kind: 'reuse' }
  | { readonly kind: 'refuse'; readonly reason: 'revoked' | 'expired' | 'owner_inactive' };

export function decideRefresh(token: RefreshTokenState, now: Date, graceSeconds: number): RefreshDecision {
  if (token.revokedAt !== null) return { kind: 'refuse', reason: 'revoked' };
  if (!token.ownerActive) return { kind: 'refuse', reason: 'owner_inactive' };
  if (now.getTime() >= token.familyExpiresAt.getTime()) return { kind: 'refuse', reason: 'expired' };
  if (token.rotatedAt !== null)
    return now.getTime() - token.rotatedAt.getTime() <= graceSeconds * 1000 ? { kind: 'grace' } : { kind: 'reuse' };
  if (now.getTime() >= token.expiresAt.getTime()) return { kind: 'refuse', reason: 'expired' };
  return { kind: 'rotate' };
}

export interface FamilyLifetimes {
  /** How long one token lives after it was issued (sliding). */
  readonly slidingSeconds: number;
  /** How long a family lives after its first login, however often it is refreshed. */
  readonly absoluteSeconds: number;
}

/** The end of a family that starts now. */
export const familyEnd = (now: Date, lifetimes: FamilyLifetimes): Date =>
  new Date(now.getTime() + lifetimes.absoluteSeconds * 1000);

/** The end of a token issued now: its sliding lifetime, cut at the family's absolute end. */
export const tokenEnd = (now: Date, lifetimes: FamilyLifetimes, familyExpiresAt: Date): Date =>
  new Date(Math.min(now.getTime() + lifetimes.slidingSeconds * 1000, familyExpiresAt.getTime()));
