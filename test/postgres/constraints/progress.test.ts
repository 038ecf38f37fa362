import { expect } from 'chai';
import { useTestDatabase } from '../../support/database.js';
import {
  createLearner,
  createTrack,
  createUser,
  insertProgress,
  type StageKey,
  type TrackFixture,
} from '../fixtures/rows.js';
import { expectRefused, PG } from '../fixtures/refusal.js';

describe('schema constraints: user_stage_progress', () => {
  const db = useTestDatabase();
  let track: TrackFixture;
  let otherTrack: TrackFixture;

  before(async () => {
    track = await createTrack(db.pool);
    otherTrack = await createTrack(db.pool);
  });

  const insertRow = (fields: {
    userId: number;
    stageId: number;
    trackId?: number;
    versionId?: number;
    status?: string;
    completed?: boolean;
  }) =>
    db.pool.query(
      `INSERT INTO user_stage_progress (user_id, stage_id, track_id, settings_version_id, status, completed_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN now() END)`,
      [
        fields.userId,
        fields.stageId,
        fields.trackId ?? track.trackId,
        fields.versionId ?? track.settingsVersionId,
        fields.status ?? 'active',
        fields.completed ?? false,
      ],
    );
  const stage = (key: StageKey) => track.stages[key];

  it('knows only active, pending_approval and completed', async () => {
    const userId = await createUser(db.pool, track);
    await expectRefused(
      insertRow({ userId, stageId: stage('trainee-0'), status: 'paused' }),
      PG.checkViolation,
      'ck_user_stage_progress_status',
    );
    await insertRow({ userId, stageId: stage('trainee-0'), status: 'active' });
  });

  it('holds one row per (learner, stage)', async () => {
    const userId = await createLearner(db.pool, track, 'trainee-0');
    await expectRefused(
      insertRow({ userId, stageId: stage('trainee-0'), status: 'completed', completed: true }),
      PG.uniqueViolation,
      'pk_user_stage_progress',
    );
  });

  describe('at most one current stage per learner', () => {
    it('refuses a second active stage', async () => {
      const userId = await createLearner(db.pool, track, 'junior-1');
      await expectRefused(
        insertRow({ userId, stageId: stage('junior-2') }),
        PG.uniqueViolation,
        'uq_user_stage_progress_one_current_per_user',
      );
    });

    it('refuses an active stage next to one pending approval, and the other way round', async () => {
      const pending = await createLearner(db.pool, track, 'trainee-0', 'pending_approval');
      await expectRefused(
        insertRow({ userId: pending, stageId: stage('junior-1') }),
        PG.uniqueViolation,
        'uq_user_stage_progress_one_current_per_user',
      );
      const active = await createLearner(db.pool, track, 'junior-1');
      await expectRefused(
        insertRow({ userId: active, stageId: stage('junior-2'), status: 'pending_approval' }),
        PG.uniqueViolation,
        'uq_user_stage_progress_one_current_per_user',
      );
    });

    it('refuses re-activating an old stage while another one is current', async () => {
      const userId = await createLearner(db.pool, track, 'junior-2');
      await expectRefused(
        db.pool.query(
          `UPDATE user_stage_progress SET status = 'active', completed_at = NULL WHERE user_id = $1 AND stage_id = $2`,
          [userId, stage('junior-1')],
        ),
        PG.uniqueViolation,
        'uq_user_stage_progress_one_current_per_user',
      );
    });

    it('allows moving on: close the current stage, then activate the next', async () => {
      const userId = await createLearner(db.pool, track, 'junior-1');
      await db.pool.query(
        `UPDATE user_stage_progress SET status = 'completed', completed_at = now() WHERE user_id = $1 AND stage_id = $2`,
        [userId, stage('junior-1')],
      );
      await insertRow({ userId, stageId: stage('junior-2') });
      const { rows } = await db.pool.query(
        `SELECT count(*)::int AS current FROM user_stage_progress WHERE user_id = $1 AND status IN ('active', 'pending_approval')`,
        [userId],
      );
      expect(rows[0].current).to.equal(1);
    });
  });

  describe('status and timestamps agree', () => {
    it('gives a completed stage its completion time', async () => {
      const userId = await createUser(db.pool, track);
      await expectRefused(
        insertRow({ userId, stageId: stage('trainee-0'), status: 'completed' }),
        PG.checkViolation,
        'ck_user_stage_progress_completed_has_ts',
      );
      await insertRow({ userId, stageId: stage('trainee-0'), status: 'completed', completed: true });
    });

    it('keeps an active stage without a completion time', async () => {
      const userId = await createUser(db.pool, track);
      await expectRefused(
        insertRow({ userId, stageId: stage('trainee-0'), completed: true }),
        PG.checkViolation,
        'ck_user_stage_progress_active_not_completed',
      );
      await insertRow({ userId, stageId: stage('trainee-0') });
    });
  });

  describe('learner, stage and pinned settings version share one track', () => {
    it('refuses a stage of another track', async () => {
      const userId = await createUser(db.pool, track);
      await expectRefused(
        insertRow({ userId, stageId: otherTrack.stages['trainee-0'] }),
        PG.foreignKeyViolation,
        'fk_user_stage_progress_stage_track',
      );
    });

    it('refuses a settings version of another track', async () => {
      const userId = await createUser(db.pool, track);
      await expectRefused(
        insertRow({ userId, stageId: stage('trainee-0'), versionId: otherTrack.settingsVersionId }),
        PG.foreignKeyViolation,
        'fk_user_stage_progress_settings_version_track',
      );
    });

    it('refuses a learner of another track', async () => {
      const outsider = await createUser(db.pool, otherTrack);
      await expectRefused(
        insertRow({ userId: outsider, stageId: stage('trainee-0') }),
        PG.foreignKeyViolation,
        'fk_user_stage_progress_user_track',
      );
    });

    it('refuses an unknown learner', async () => {
      await expectRefused(
        insertRow({ userId: -1, stageId: stage('trainee-0') }),
        PG.foreignKeyViolation,
        'fk_user_stage_progress_user_track',
      );
    });
  });

  describe('a graduated learner has no current stage', () => {
    const graduate = (userId: number) => db.pool.query('UPDATE users SET graduated_at = now() WHERE id = $1', [userId]);

    it('refuses to graduate a learner whose stage is still active', async () => {
      const userId = await createLearner(db.pool, track, 'senior-3');
      await expectRefused(graduate(userId), PG.checkViolation, 'ck_user_stage_progress_graduated_not_current');
    });

    it('refuses to graduate a learner whose stage is still pending approval', async () => {
      const userId = await createLearner(db.pool, track, 'senior-3', 'pending_approval');
      await expectRefused(graduate(userId), PG.checkViolation, 'ck_user_stage_progress_graduated_not_current');
    });

    it('graduates a learner once the last stage is completed', async () => {
      const userId = await createLearner(db.pool, track, 'senior-3', 'pending_approval');
      await db.pool.query(
        `UPDATE user_stage_progress SET status = 'completed', completed_at = now() WHERE user_id = $1 AND stage_id = $2`,
        [userId, stage('senior-3')],
      );
      await graduate(userId);
      const { rows } = await db.pool.query(
        'SELECT count(*)::int AS n FROM user_stage_progress WHERE user_id = $1 AND user_graduated',
        [userId],
      );
      expect(rows[0].n).to.equal(10);
    });

    it('refuses a new current stage or a re-activated one for a graduated learner', async () => {
      const userId = await createLearner(db.pool, track, 'senior-3', 'completed');
      await graduate(userId);
      await expectRefused(
        db.pool.query(
          `UPDATE user_stage_progress SET status = 'active', completed_at = NULL WHERE user_id = $1 AND stage_id = $2`,
          [userId, stage('senior-3')],
        ),
        PG.checkViolation,
        'ck_user_stage_progress_graduated_not_current',
      );
      // a fresh row defaults user_graduated to false, which no longer matches the learner
      const other = await createUser(db.pool, track);
      await insertProgress(db.pool, track, other, 'trainee-0', 'completed');
      await db.pool.query('UPDATE users SET graduated_at = now() WHERE id = $1', [other]);
      await expectRefused(
        insertRow({ userId: other, stageId: stage('junior-1') }),
        PG.foreignKeyViolation,
        'fk_user_stage_progress_user_graduated',
      );
    });

    it('refuses a user_graduated flag that contradicts the learner', async () => {
      const userId = await createLearner(db.pool, track, 'junior-1', 'completed');
      await expectRefused(
        db.pool.query('UPDATE user_stage_progress SET user_graduated = true WHERE user_id = $1', [userId]),
        PG.foreignKeyViolation,
        'fk_user_stage_progress_user_graduated',
      );
    });
  });
});
