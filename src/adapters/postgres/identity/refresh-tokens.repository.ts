import type {
  NewToken,
  RefreshTokens,
  SessionOwner,
  SessionSummary,
  StoredRefreshToken,
} from '../../../application/identity/sessions/sessions.ports.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

interface TokenRow {
  id: string;
  family_id: string;
  user_id: string | null;
  admin_id: string | null;
  expires_at: Date;
  family_expires_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
}

interface SessionRow {
  id: string;
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
  user_agent: string | null;
}

const QUERIES = [
  'startFamily',
  'ownerOfDigest',
  'shareLearner',
  'shareAdmin',
  'lockLearner',
  'lockAdmin',
  'lockByDigest',
  'rotate',
  'revokeFamily',
  'revokeLearnerFamilies',
  'revokeAdminFamilies',
  'revokeLiveLearnerFamily',
  'listLiveFamilies',
  'pruneEnded',
  'pruneEndedOfLearner',
  'pruneEndedOfAdmin',
] as const;

const ownerOf = (row: Pick<TokenRow, 'user_id' | 'admin_id'>): SessionOwner =>
  row.user_id !== null
    ? { kind: 'learner', userId: Number(row.user_id) }
    : { kind: 'admin', adminId: Number(row.admin_id) };

const ownerId = (owner: SessionOwner): number => (owner.kind === 'learner' ? owner.userId : owner.adminId);

export class PgRefreshTokens implements RefreshTokens {
  private readonly sql: NamedStatements<(typeof QUERIES)[number]>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'identity/refresh-tokens', QUERIES);
  }

  async startFamily(tx: TxSession, owner: SessionOwner, token: NewToken & { familyExpiresAt: Date }): Promise<number> {
    const row = await this.sql.first<{ family_id: string }>(tx, 'startFamily', [
      Buffer.from(token.digest),
      owner.kind === 'learner' ? owner.userId : null,
      owner.kind === 'admin' ? owner.adminId : null,
      token.now,
      token.expiresAt,
      token.familyExpiresAt,
      token.client.userAgent ?? null,
      token.client.ip ?? null,
    ]);
    return Number(row!.family_id);
  }

  async ownerOfDigest(tx: TxSession, digest: Uint8Array): Promise<SessionOwner | undefined> {
    const row = await this.sql.first<Pick<TokenRow, 'user_id' | 'admin_id'>>(tx, 'ownerOfDigest', [
      Buffer.from(digest),
    ]);
    return row && ownerOf(row);
  }

  async lockOwner(tx: TxSession, owner: SessionOwner, mode: 'share' | 'exclusive'): Promise<boolean | undefined> {
    const query =
      owner.kind === 'learner'
        ? mode === 'share'
          ? 'shareLearner'
          : 'lockLearner'
        : mode === 'share'
          ? 'shareAdmin'
          : 'lockAdmin';
    const row = await this.sql.first<{ is_active: boolean }>(tx, query, [ownerId(owner)]);
    return row?.is_active;
  }

  async lockByDigest(tx: TxSession, digest: Uint8Array): Promise<StoredRefreshToken | undefined> {
    const row = await this.sql.first<TokenRow>(tx, 'lockByDigest', [Buffer.from(digest)]);
    if (row === undefined) return undefined;
    return {
      id: Number(row.id),
      familyId: Number(row.family_id),
      owner: ownerOf(row),
      expiresAt: row.expires_at,
      familyExpiresAt: row.family_expires_at,
      rotatedAt: row.rotated_at,
      revokedAt: row.revoked_at,
    };
  }

  async rotate(tx: TxSession, rotatedId: number, successor: NewToken): Promise<void> {
    const inserted = await this.sql.run(tx, 'rotate', [
      rotatedId,
      successor.now,
      Buffer.from(successor.digest),
      successor.expiresAt,
      successor.client.userAgent ?? null,
      successor.client.ip ?? null,
    ]);
    // The caller holds the row lock and saw it unrotated: anything else is a bug, not a race.
    if (inserted !== 1) throw new Error(`refresh token ${rotatedId} could not be rotated`);
  }

  revokeFamily(tx: TxSession, familyId: number, now: Date): Promise<number> {
    return this.sql.run(tx, 'revokeFamily', [familyId, now]);
  }

  revokeOwnerFamilies(tx: TxSession, owner: SessionOwner, now: Date, keepFamilyId?: number): Promise<number> {
    const query = owner.kind === 'learner' ? 'revokeLearnerFamilies' : 'revokeAdminFamilies';
    return this.sql.run(tx, query, [ownerId(owner), now, keepFamilyId ?? null]);
  }

  async revokeLearnerFamily(tx: TxSession, userId: number, familyId: number, now: Date): Promise<boolean> {
    return (await this.sql.run(tx, 'revokeLiveLearnerFamily', [userId, familyId, now])) > 0;
  }

  async listLiveFamilies(db: Session, userId: number, now: Date): Promise<SessionSummary[]> {
    const rows = await this.sql.rows<SessionRow>(db, 'listLiveFamilies', [userId, now]);
    return rows.map((row) => ({
      id: Number(row.id),
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      expiresAt: row.expires_at,
      userAgent: row.user_agent,
    }));
  }

  pruneEnded(tx: TxSession, now: Date, owner?: SessionOwner): Promise<number> {
    if (owner === undefined) return this.sql.run(tx, 'pruneEnded', [now]);
    return this.sql.run(tx, owner.kind === 'learner' ? 'pruneEndedOfLearner' : 'pruneEndedOfAdmin', [
      now,
      ownerId(owner),
    ]);
  }
}
