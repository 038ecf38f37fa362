import { expect } from 'chai';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { useTestDatabase } from '../../support/database.js';
import { createTrack, createUser, unique, type TrackFixture } from '../fixtures/rows.js';
import { expectRefused, PG } from '../fixtures/refusal.js';

describe('schema constraints: identity (users, admin_users, login_rate_limits)', () => {
  const db = useTestDatabase();
  let track: TrackFixture;

  before(async () => {
    track = await createTrack(db.pool);
  });

  const insertUser = (
    email: string,
    fields: { fullName?: string; passwordHash?: string | null; trackId?: number } = {},
  ) =>
    db.pool.query('INSERT INTO users (email, full_name, password_hash, track_id) VALUES ($1, $2, $3, $4)', [
      email,
      fields.fullName ?? 'Ada Lovelace',
      fields.passwordHash === undefined ? '$argon2id$hash' : fields.passwordHash,
      fields.trackId ?? track.trackId,
    ]);
  const insertAdmin = (email: string, fields: { fullName?: string; passwordHash?: string | null } = {}) =>
    db.pool.query('INSERT INTO admin_users (email, full_name, password_hash) VALUES ($1, $2, $3)', [
      email,
      fields.fullName ?? 'Grace Hopper',
      fields.passwordHash === undefined ? '$argon2id$hash' : fields.passwordHash,
    ]);

  describe('users', () => {
    it('holds one account per email', async () => {
      const email = `${unique('same')}@example.com`;
      await insertUser(email);
      await expectRefused(insertUser(email), PG.uniqueViolation, 'uq_users_email_lower');
    });

    it('compares emails case-insensitively (a mixed-case row written around the app still collides)', async () => {
      const email = `${unique('case')}@example.com`;
      await insertUser(email);
      // Drop the normalisation CHECK inside a rolled-back transaction to prove that the unique
      // index itself, not only the CHECK, tells emails apart case-insensitively.
      const client = await db.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('ALTER TABLE users DROP CONSTRAINT ck_users_email_normalized');
        await expectRefused(
          client.query(`INSERT INTO users (email, full_name, password_hash, track_id) VALUES ($1, 'X', 'h', $2)`, [
            email.toUpperCase(),
            track.trackId,
          ]),
          PG.uniqueViolation,
          'uq_users_email_lower',
        );
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    });

    it('stores emails trimmed and lower-cased', async () => {
      const local = unique('norm');
      await expectRefused(
        insertUser(`${local.toUpperCase()}@Example.com`),
        PG.checkViolation,
        'ck_users_email_normalized',
      );
      await expectRefused(insertUser(` ${local}@example.com`), PG.checkViolation, 'ck_users_email_normalized');
      await insertUser(`${local}@example.com`);
    });

    it('refuses an empty email', async () => {
      await expectRefused(insertUser(''), PG.checkViolation, 'ck_users_email_not_blank');
    });

    it('refuses an email too long for its unique index', async () => {
      await expectRefused(insertUser(`${'a'.repeat(2000)}@example.com`), PG.checkViolation, 'ck_users_email_length');
    });

    it('requires a full name that is not blank and at most 200 characters', async () => {
      await expectRefused(
        insertUser(`${unique('n')}@example.com`, { fullName: '   ' }),
        PG.checkViolation,
        'ck_users_full_name_not_blank',
      );
      await expectRefused(
        insertUser(`${unique('n')}@example.com`, { fullName: 'n'.repeat(201) }),
        PG.checkViolation,
        'ck_users_full_name_length',
      );
      await insertUser(`${unique('n')}@example.com`, { fullName: 'n'.repeat(200) });
    });

    it('requires a password hash', async () => {
      await expectRefused(insertUser(`${unique('p')}@example.com`, { passwordHash: null }), PG.notNullViolation);
      await expectRefused(
        insertUser(`${unique('p')}@example.com`, { passwordHash: '' }),
        PG.checkViolation,
        'ck_users_password_hash_not_blank',
      );
    });

    it('belongs to an existing track', async () => {
      await expectRefused(
        insertUser(`${unique('t')}@example.com`, { trackId: -1 }),
        PG.foreignKeyViolation,
        'fk_users_track_id_tracks',
      );
    });

    it('derives is_graduated from graduated_at', async () => {
      const userId = await createUser(db.pool, track);
      const before = await db.pool.query('SELECT is_graduated FROM users WHERE id = $1', [userId]);
      await db.pool.query('UPDATE users SET graduated_at = now() WHERE id = $1', [userId]);
      const after = await db.pool.query('SELECT is_graduated FROM users WHERE id = $1', [userId]);
      expect([before.rows[0].is_graduated, after.rows[0].is_graduated]).to.deep.equal([false, true]);
    });
  });

  describe('admin_users', () => {
    it('holds one admin per email, whatever its case', async () => {
      const email = `${unique('Admin')}@Example.com`;
      await insertAdmin(email);
      await expectRefused(insertAdmin(email.toLowerCase()), PG.uniqueViolation, 'uq_admin_users_email_lower');
      await expectRefused(insertAdmin(email), PG.uniqueViolation, 'uq_admin_users_email_lower');
    });

    it('requires a password hash (no admin without credentials)', async () => {
      await expectRefused(insertAdmin(`${unique('a')}@example.com`, { passwordHash: null }), PG.notNullViolation);
      await expectRefused(
        insertAdmin(`${unique('a')}@example.com`, { passwordHash: '' }),
        PG.checkViolation,
        'ck_admin_users_password_hash_not_blank',
      );
    });

    it('refuses a blank email or name', async () => {
      await expectRefused(insertAdmin('  '), PG.checkViolation, 'ck_admin_users_email_not_blank');
      await expectRefused(
        insertAdmin(`${unique('a')}@example.com`, { fullName: '' }),
        PG.checkViolation,
        'ck_admin_users_full_name_not_blank',
      );
    });

    it('refuses an email too long for its unique index', async () => {
      await expectRefused(
        insertAdmin(`${'a'.repeat(2000)}@example.com`),
        PG.checkViolation,
        'ck_admin_users_email_length',
      );
    });

    it('is active by default', async () => {
      const { rows } = await db.pool.query(
        `INSERT INTO admin_users (email, full_name, password_hash) VALUES ($1, 'A', 'h') RETURNING is_active`,
        [`${unique('a')}@example.com`],
      );
      expect(rows[0].is_active).to.equal(true);
    });
  });

  describe('login_rate_limits', () => {
    it('has exactly the columns rate-limiter-flexible writes positionally', async () => {
      const { rows } = await db.pool.query(
        `SELECT column_name, data_type, is_nullable FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = 'login_rate_limits' ORDER BY ordinal_position`,
      );
      expect(rows).to.deep.equal([
        { column_name: 'key', data_type: 'character varying', is_nullable: 'NO' },
        { column_name: 'points', data_type: 'integer', is_nullable: 'NO' },
        { column_name: 'expire', data_type: 'bigint', is_nullable: 'YES' },
      ]);
    });

    it('serves RateLimiterPostgres with tableCreated: true', async () => {
      const limiter = new RateLimiterPostgres({
        storeClient: db.pool,
        tableName: 'login_rate_limits',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: 'login_email',
        points: 2,
        duration: 60,
      });
      const key = unique('someone@example.com');
      await limiter.consume(key);
      await limiter.consume(key);
      let refusal: unknown;
      try {
        await limiter.consume(key);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).to.be.instanceOf(RateLimiterRes);
      expect((refusal as RateLimiterRes).remainingPoints).to.equal(0);
      const { rows } = await db.pool.query('SELECT points FROM login_rate_limits WHERE key = $1', [
        `login_email:${key}`,
      ]);
      expect(rows).to.deep.equal([{ points: 3 }]);
    });
  });
});
