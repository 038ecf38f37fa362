import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { useTestDatabase } from '../../support/database.js';
import { createAdmin, createLearner, createTrack } from '../fixtures/rows.js';
import { expectRefused, PG } from '../fixtures/refusal.js';

describe('schema constraints: refresh_tokens', () => {
  const db = useTestDatabase();
  let userId: number;
  let adminId: number;

  before(async () => {
    const track = await createTrack(db.pool);
    userId = await createLearner(db.pool, track);
    adminId = await createAdmin(db.pool);
  });

  interface TokenFields {
    id?: number;
    familyId?: number;
    hash?: Buffer;
    userId?: number | null;
    adminId?: number | null;
    rotatedAt?: string | null;
    replacedById?: number | null;
    revokedAt?: string | null;
    expiresAt?: string;
    familyExpiresAt?: string;
  }

  let nextId = 1_000;
  /** A learner's token created at 2026-01-01, expiring a day later, unless told otherwise. */
  const insert = (fields: TokenFields = {}) => {
    const id = fields.id ?? (nextId += 1);
    return db.pool.query(
      `INSERT INTO refresh_tokens (id, family_id, token_hash, user_id, admin_id, created_at, last_used_at, expires_at,
         family_expires_at, rotated_at, replaced_by_id, revoked_at)
       VALUES ($1, $2, $3, $4, $5, '2026-01-01T00:00Z', '2026-01-01T00:00Z', $6, $7, $8, $9, $10)`,
      [
        id,
        fields.familyId ?? id,
        fields.hash ?? randomBytes(32),
        fields.userId === undefined ? userId : fields.userId,
        fields.adminId ?? null,
        fields.expiresAt ?? '2026-01-02T00:00Z',
        fields.familyExpiresAt ?? '2026-01-15T00:00Z',
        fields.rotatedAt ?? null,
        fields.replacedById ?? null,
        fields.revokedAt ?? null,
      ],
    );
  };

  it('has exactly one owner', async () => {
    await expectRefused(insert({ userId: null }), PG.checkViolation, 'ck_refresh_tokens_one_owner');
    await expectRefused(insert({ adminId }), PG.checkViolation, 'ck_refresh_tokens_one_owner');
    await insert({ userId: null, adminId });
  });

  it('stores a 32-byte digest, once', async () => {
    await expectRefused(insert({ hash: randomBytes(16) }), PG.checkViolation, 'ck_refresh_tokens_hash_sha256');
    const hash = randomBytes(32);
    await insert({ hash });
    await expectRefused(insert({ hash }), PG.uniqueViolation, 'uq_refresh_tokens_token_hash');
  });

  it('is rotated exactly when it names a successor, in its own family, and a family never forks', async () => {
    await expectRefused(
      insert({ rotatedAt: '2026-01-01T01:00Z' }),
      PG.checkViolation,
      'ck_refresh_tokens_rotated_has_successor',
    );
    await insert({ id: 2_001 });
    // A second unrotated token in the same family is a fork.
    await expectRefused(insert({ familyId: 2_001 }), PG.uniqueViolation, 'uq_refresh_tokens_family_unrotated');
    await insert({ id: 2_100 });
    // Naming a successor of another family.
    await expectRefused(
      db.pool.query(`UPDATE refresh_tokens SET rotated_at = created_at, replaced_by_id = 2100 WHERE id = 2001`),
      PG.foreignKeyViolation,
      'fk_refresh_tokens_successor',
    );
    // Rotation as the application does it: mark and add the successor in one statement.
    await db.pool.query(
      `WITH rotated AS (UPDATE refresh_tokens SET rotated_at = created_at, replaced_by_id = 2002
                           WHERE id = 2001 RETURNING family_id)
                         INSERT INTO refresh_tokens (id, family_id, token_hash, user_id, created_at, last_used_at,
                           expires_at, family_expires_at)
                         SELECT 2002, family_id, $1, $2, '2026-01-01T00:00Z', '2026-01-01T00:00Z', '2026-01-02T00:00Z',
                           '2026-01-15T00:00Z' FROM rotated`,
      [randomBytes(32), userId],
    );
    // One successor per token: no second token may name the same successor.
    await expectRefused(
      db.pool.query(`UPDATE refresh_tokens SET rotated_at = created_at, replaced_by_id = 2002 WHERE id = 2100`),
      PG.uniqueViolation,
      'uq_refresh_tokens_replaced_by_id',
    );
    const family = await db.pool.query(`SELECT id FROM refresh_tokens WHERE family_id = 2001 ORDER BY id`);
    expect(family.rows.map((row) => row.id)).to.deep.equal([2001, 2002]);
  });

  it('keeps its timestamps in order and its expiry inside the family', async () => {
    await expectRefused(
      insert({ revokedAt: '2025-12-31T00:00Z' }),
      PG.checkViolation,
      'ck_refresh_tokens_revoked_after_created',
    );
    await expectRefused(insert({ expiresAt: '2025-12-31T00:00Z' }), PG.checkViolation, 'ck_refresh_tokens_expiry');
    await expectRefused(insert({ expiresAt: '2026-02-01T00:00Z' }), PG.checkViolation, 'ck_refresh_tokens_expiry');
  });
});
