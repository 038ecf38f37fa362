import type { Session, TxSession } from '../../ports/transactor.port.js';

/** Whose session a refresh-token family is. */
export type SessionOwner =
  { readonly kind: 'learner'; readonly userId: number } | { readonly kind: 'admin'; readonly adminId: number };

/** A fresh opaque refresh token (≥ 256 random bits) and the SHA-256 digest that alone is stored. */
export interface IssuedSecret {
  readonly token: string;
  readonly digest: Uint8Array;
}

export interface RefreshSecrets {
  generate(): IssuedSecret;
  digest(token: string): Uint8Array;
}

/** What a refresh cookie carries back to the client. */
export interface RefreshCookie {
  readonly token: string;
  readonly expiresAt: Date;
}

/** Where a login or refresh came from (shown in the sessions list). */
export interface ClientInfo {
  readonly userAgent: string | undefined;
  readonly ip: string | undefined;
}

export interface StoredRefreshToken {
  readonly id: number;
  readonly familyId: number;
  readonly owner: SessionOwner;
  readonly expiresAt: Date;
  readonly familyExpiresAt: Date;
  readonly rotatedAt: Date | null;
  readonly revokedAt: Date | null;
}

/** One live family as the learner's sessions list shows it. */
export interface SessionSummary {
  readonly id: number;
  readonly createdAt: Date;
  readonly lastUsedAt: Date;
  readonly expiresAt: Date;
  readonly userAgent: string | null;
}

export interface NewToken {
  readonly digest: Uint8Array;
  readonly now: Date;
  readonly expiresAt: Date;
  readonly client: ClientInfo;
}

export interface RefreshTokens {
  /** A login's first token; returns the new family's id. */
  startFamily(tx: TxSession, owner: SessionOwner, token: NewToken & { familyExpiresAt: Date }): Promise<number>;
  /** Whose token this is (no lock): the owner's row is locked before any token row, everywhere. */
  ownerOfDigest(tx: TxSession, digest: Uint8Array): Promise<SessionOwner | undefined>;
  /**
   * Locks the owner's account row and says whether it is active (undefined: no such account).
   * `share` for refreshes and logins (they run side by side), `exclusive` for revocations: a
   * revocation waits for the refreshes in flight, so its update sees the successors they added.
   */
  lockOwner(tx: TxSession, owner: SessionOwner, mode: 'share' | 'exclusive'): Promise<boolean | undefined>;
  /** The token with this digest, its row locked. */
  lockByDigest(tx: TxSession, digest: Uint8Array): Promise<StoredRefreshToken | undefined>;
  /** Marks `rotatedId` rotated and adds its successor to the family, in one statement. */
  rotate(tx: TxSession, rotatedId: number, successor: NewToken): Promise<void>;
  /** Revokes every token of the family; returns how many rows it touched. */
  revokeFamily(tx: TxSession, familyId: number, now: Date): Promise<number>;
  /** Revokes the owner's families, all or all but `keepFamilyId`. */
  revokeOwnerFamilies(tx: TxSession, owner: SessionOwner, now: Date, keepFamilyId?: number): Promise<number>;
  /** Revokes one live family of the learner; false when no such live family exists. */
  revokeLearnerFamily(tx: TxSession, userId: number, familyId: number, now: Date): Promise<boolean>;
  listLiveFamilies(db: Session, userId: number, now: Date): Promise<SessionSummary[]>;
  /** Deletes every row of a family that is no longer live (revoked or expired); returns the rows deleted. */
  pruneEnded(tx: TxSession, now: Date, owner?: SessionOwner): Promise<number>;
}
