import { expect } from 'chai';
import { useTestDatabase } from '../../support/database.js';
import { createAdmin, createLearner, createTrack, type TrackFixture } from '../fixtures/rows.js';
import { expectRefused, PG } from '../fixtures/refusal.js';

describe('schema constraints: approval_requests', () => {
  const db = useTestDatabase();
  let track: TrackFixture;
  let otherTrack: TrackFixture;
  let adminId: number;

  before(async () => {
    track = await createTrack(db.pool);
    otherTrack = await createTrack(db.pool);
    adminId = await createAdmin(db.pool);
  });

  interface RequestFields {
    userId: number;
    fromStageId?: number;
    toStageId?: number | null;
    trackId?: number;
    type?: string;
    status?: string;
    comment?: string | null;
    decided?: boolean;
    deciderId?: number | null;
  }

  /** A rank_transition trainee-0 → junior-1, pending, unless told otherwise. */
  const insertRequest = (fields: RequestFields) =>
    db.pool.query(
      `INSERT INTO approval_requests (user_id, track_id, from_stage_id, to_stage_id, type, status, comment, decided_at, decided_by_admin_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8 THEN now() END, $9) RETURNING id`,
      [
        fields.userId,
        fields.trackId ?? track.trackId,
        fields.fromStageId ?? track.stages['trainee-0'],
        fields.toStageId === undefined ? track.stages['junior-1'] : fields.toStageId,
        fields.type ?? 'rank_transition',
        fields.status ?? 'pending',
        fields.comment ?? null,
        fields.decided ?? false,
        fields.deciderId ?? null,
      ],
    );
  const waitingLearner = () => createLearner(db.pool, track, 'trainee-0', 'pending_approval');
  /** The decision fields of an approved or rejected request. */
  const decided = () => ({ decided: true, deciderId: adminId });

  it('accepts a pending rank transition of a learner waiting on the stage', async () => {
    const userId = await waitingLearner();
    expect((await insertRequest({ userId })).rowCount).to.equal(1);
  });

  it('knows only rank_transition and graduation', async () => {
    await expectRefused(
      insertRequest({ userId: await waitingLearner(), type: 'promotion' }),
      PG.checkViolation,
      'ck_approval_requests_type',
    );
  });

  it('knows only pending, approved and rejected', async () => {
    await expectRefused(
      insertRequest({ userId: await waitingLearner(), status: 'cancelled', ...decided() }),
      PG.checkViolation,
      'ck_approval_requests_status',
    );
  });

  describe('type and target stage agree', () => {
    it('requires a target stage for a rank transition', async () => {
      await expectRefused(
        insertRequest({ userId: await waitingLearner(), toStageId: null }),
        PG.checkViolation,
        'ck_approval_requests_type_to_stage',
      );
    });

    it('forbids a target stage for a graduation', async () => {
      const userId = await createLearner(db.pool, track, 'senior-3', 'pending_approval');
      const fromStageId = track.stages['senior-3'];
      await expectRefused(
        insertRequest({ userId, fromStageId, type: 'graduation', toStageId: track.stages['junior-1'] }),
        PG.checkViolation,
        'ck_approval_requests_type_to_stage',
      );
      await insertRequest({ userId, fromStageId, type: 'graduation', toStageId: null });
    });

    it('refuses a transition to the stage it comes from', async () => {
      await expectRefused(
        insertRequest({ userId: await waitingLearner(), toStageId: track.stages['trainee-0'] }),
        PG.checkViolation,
        'ck_approval_requests_to_stage_not_from',
      );
    });

    it('refuses a target stage that does not exist or lies on another track', async () => {
      const userId = await waitingLearner();
      await expectRefused(
        insertRequest({ userId, toStageId: -1 }),
        PG.foreignKeyViolation,
        'fk_approval_requests_to_stage_track',
      );
      await expectRefused(
        insertRequest({ userId, toStageId: otherTrack.stages['junior-1'] }),
        PG.foreignKeyViolation,
        'fk_approval_requests_to_stage_track',
      );
    });
  });

  it('is about a stage the learner has a progress row on', async () => {
    const userId = await waitingLearner();
    await expectRefused(
      insertRequest({ userId, fromStageId: track.stages['junior-3'], toStageId: track.stages['middle-1'] }),
      PG.foreignKeyViolation,
      'fk_approval_requests_from_progress',
    );
  });

  it("carries the learner's own track", async () => {
    const userId = await createLearner(db.pool, track, 'senior-3', 'pending_approval');
    await expectRefused(
      insertRequest({
        userId,
        trackId: otherTrack.trackId,
        fromStageId: track.stages['senior-3'],
        type: 'graduation',
        toStageId: null,
      }),
      PG.foreignKeyViolation,
      'fk_approval_requests_user_track',
    );
  });

  describe('decision fields follow the status', () => {
    it('keeps a pending request undecided', async () => {
      const userId = await waitingLearner();
      await expectRefused(
        insertRequest({ userId, decided: true }),
        PG.checkViolation,
        'ck_approval_requests_pending_undecided',
      );
      await expectRefused(
        insertRequest({ userId, deciderId: adminId }),
        PG.checkViolation,
        'ck_approval_requests_pending_undecided',
      );
    });

    it('records when and by whom an approval or a rejection was decided', async () => {
      const userId = await waitingLearner();
      await expectRefused(
        insertRequest({ userId, status: 'approved' }),
        PG.checkViolation,
        'ck_approval_requests_decided_has_decision',
      );
      await expectRefused(
        insertRequest({ userId, status: 'approved', decided: true }),
        PG.checkViolation,
        'ck_approval_requests_decided_has_decision',
      );
      await expectRefused(
        insertRequest({ userId, status: 'approved', deciderId: adminId }),
        PG.checkViolation,
        'ck_approval_requests_decided_has_decision',
      );
      await expectRefused(
        insertRequest({ userId, status: 'rejected', comment: 'not yet' }),
        PG.checkViolation,
        'ck_approval_requests_decided_has_decision',
      );
      await insertRequest({ userId, status: 'approved', ...decided() });
    });

    it('requires a comment that is not blank on a rejection', async () => {
      const userId = await waitingLearner();
      await expectRefused(
        insertRequest({ userId, status: 'rejected', ...decided() }),
        PG.checkViolation,
        'ck_approval_requests_rejected_has_comment',
      );
      await expectRefused(
        insertRequest({ userId, status: 'rejected', comment: '  ', ...decided() }),
        PG.checkViolation,
        'ck_approval_requests_rejected_has_comment',
      );
      await insertRequest({ userId, status: 'rejected', comment: 'Please retake the rank final.', ...decided() });
    });

    it('is decided by an existing admin', async () => {
      const userId = await waitingLearner();
      await expectRefused(
        insertRequest({ userId, status: 'approved', decided: true, deciderId: -1 }),
        PG.foreignKeyViolation,
        'fk_approval_requests_decided_by_admin',
      );
    });

    it('refuses approving a request without recording the decision', async () => {
      const userId = await waitingLearner();
      const id = (await insertRequest({ userId })).rows[0].id;
      await expectRefused(
        db.pool.query(`UPDATE approval_requests SET status = 'approved' WHERE id = $1`, [id]),
        PG.checkViolation,
        'ck_approval_requests_decided_has_decision',
      );
      await db.pool.query(
        `UPDATE approval_requests SET status = 'approved', decided_at = now(), decided_by_admin_id = $2 WHERE id = $1`,
        [id, adminId],
      );
    });
  });

  describe('one open question per stage', () => {
    it('holds at most one pending request per (learner, from-stage)', async () => {
      const userId = await waitingLearner();
      await insertRequest({ userId });
      await expectRefused(
        insertRequest({ userId }),
        PG.uniqueViolation,
        'uq_approval_requests_one_pending_per_from_stage',
      );
      // another learner waiting on the same stage is independent
      await insertRequest({ userId: await waitingLearner() });
    });

    it('lets the learner resubmit after a rejection', async () => {
      const userId = await waitingLearner();
      const id = (await insertRequest({ userId })).rows[0].id;
      await db.pool.query(
        `UPDATE approval_requests SET status = 'rejected', decided_at = now(), decided_by_admin_id = $2, comment = 'not yet' WHERE id = $1`,
        [id, adminId],
      );
      await insertRequest({ userId });
      const { rows } = await db.pool.query('SELECT status FROM approval_requests WHERE user_id = $1 ORDER BY id', [
        userId,
      ]);
      expect(rows.map((row) => row.status)).to.deep.equal(['rejected', 'pending']);
    });

    it('approves a stage at most once', async () => {
      const userId = await waitingLearner();
      await insertRequest({ userId, status: 'approved', ...decided() });
      await expectRefused(
        insertRequest({ userId, status: 'approved', ...decided() }),
        PG.uniqueViolation,
        'uq_approval_requests_one_approved_per_from_stage',
      );
    });
  });
});
