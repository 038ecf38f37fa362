import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { newLearner, signToken, type Learner } from '../../support/fixtures/identity.js';
import { createFixtureTrack, takeDiagnostika } from '../../support/fixtures/journey.js';

describe('progress', () => {
  const api = useApi();
  const get = (path: string, learner: Learner) =>
    api.request('GET', `/api/v1/progress/${path}`, { token: learner.token });

  const firstStage = async (userId: number) =>
    (
      await api.db.pool.query(
        `SELECT p.stage_id, p.settings_version_id, p.activated_at, t.id AS track_id, t.name AS track_name
           FROM user_stage_progress p JOIN tracks t ON t.id = p.track_id WHERE p.user_id = $1`,
        [userId],
      )
    ).rows[0];
  const graduate = async (userId: number) => {
    await api.db.pool.query(
      "UPDATE user_stage_progress SET status = 'completed', completed_at = now() WHERE user_id = $1",
      [userId],
    );
    await api.db.pool.query('UPDATE users SET graduated_at = now() WHERE id = $1', [userId]);
  };

  describe('GET /progress/current-stage', () => {
    it('shows a new learner on trainee 0, active, pinned to the active settings version', async () => {
      const learner = await newLearner(api);
      const stage = await firstStage(learner.id);
      const response = await get('current-stage', learner);
      expect(response.status).to.equal(200);
      expect(response.body).to.deep.equal({
        user_id: learner.id,
        track_id: stage.track_id,
        track_name: 'default',
        stage_id: stage.stage_id,
        rank: 'trainee',
        level: 0,
        position: 1,
        status: 'active',
        activated_at: stage.activated_at.toISOString(),
        settings_version_id: stage.settings_version_id,
        graduated_at: null,
      });
    });

    it('shows pending_approval while the stage waits for an admin, and graduated with the last stage once graduated', async () => {
      const pending = await newLearner(api);
      await api.db.pool.query("UPDATE user_stage_progress SET status = 'pending_approval' WHERE user_id = $1", [
        pending.id,
      ]);
      expect((await get('current-stage', pending)).body).to.include({
        status: 'pending_approval',
        rank: 'trainee',
        position: 1,
      });

      const graduated = await newLearner(api);
      const stage = await firstStage(graduated.id);
      await graduate(graduated.id);
      const response = await get('current-stage', graduated);
      expect(response.status).to.equal(200);
      expect(response.body).to.include({
        status: 'graduated',
        stage_id: stage.stage_id,
        settings_version_id: stage.settings_version_id,
      });
      expect(response.body.graduated_at).to.be.a('string');
    });

    it('needs a learner token: 401 without one, 403 with an admin-scoped one', async () => {
      expect((await api.request('GET', '/api/v1/progress/current-stage')).status).to.equal(401);
      const learner = await newLearner(api);
      const adminScoped = signToken(api, { sub: String(learner.id), scope: 'admin' });
      const response = await api.request('GET', '/api/v1/progress/current-stage', { token: adminScoped });
      expect(response.status).to.equal(403);
    });
  });

  describe('states the journey never leaves behind', () => {
    it('answers 404 for a token whose learner does not exist', async () => {
      const ghost = signToken(api, { sub: '999999999', scope: 'user' });
      for (const path of ['current-stage', 'settings', 'weakness']) {
        const response = await api.request('GET', `/api/v1/progress/${path}`, { token: ghost });
        expect(response.status, path).to.equal(404);
        expect(response.body.code).to.equal('not_found');
      }
      expect((await api.request('GET', '/api/v1/progress/history', { token: ghost })).body).to.deep.equal([]);
    });

    it('answers 409 no_active_stage when the last stage is completed but the learner is not graduated', async () => {
      const learner = await newLearner(api);
      await api.db.pool.query(
        "UPDATE user_stage_progress SET status = 'completed', completed_at = now() WHERE user_id = $1",
        [learner.id],
      );
      for (const path of ['current-stage', 'settings', 'weakness', 'eligibility']) {
        const response = await get(path, learner);
        expect(response.status, path).to.equal(409);
        expect(response.body.code).to.equal('no_active_stage');
      }
    });

    it('answers 409 track_not_ready when the pinned version has no parameters', async () => {
      const learner = await newLearner(api);
      await api.db.pool.query(
        `WITH v AS (INSERT INTO settings_versions (track_id, version_no)
                    SELECT track_id, (SELECT max(version_no) + 1 FROM settings_versions) FROM users WHERE id = $1 RETURNING id)
         UPDATE user_stage_progress SET settings_version_id = (SELECT id FROM v) WHERE user_id = $1`,
        [learner.id],
      );
      for (const [method, path] of [
        ['GET', '/progress/settings'],
        ['GET', '/progress/weakness'],
        ['POST', '/diagnostika/start'],
      ] as const) {
        const response = await api.request(method, `/api/v1${path}`, { token: learner.token });
        expect(response.status, path).to.equal(409);
        expect(response.body.code).to.equal('track_not_ready');
      }
    });
  });

  describe('GET /progress/history and /progress/settings', () => {
    it('lists the stage rows by position', async () => {
      const learner = await newLearner(api);
      const stage = await firstStage(learner.id);
      const response = await get('history', learner);
      expect(response.status).to.equal(200);
      expect(response.body).to.deep.equal([
        {
          stage_id: stage.stage_id,
          rank: 'trainee',
          level: 0,
          position: 1,
          status: 'active',
          settings_version_id: stage.settings_version_id,
          activated_at: stage.activated_at.toISOString(),
          completed_at: null,
        },
      ]);
      await graduate(learner.id);
      const after = await get('history', learner);
      expect(after.body[0].status).to.equal('completed');
      expect(after.body[0].completed_at).to.be.a('string');
    });

    it('returns the pinned track_settings with their version id', async () => {
      const learner = await newLearner(api);
      const stage = await firstStage(learner.id);
      const response = await get('settings', learner);
      expect(response.status).to.equal(200);
      const stored = await api.db.pool.query('SELECT * FROM track_settings WHERE settings_version_id = $1', [
        stage.settings_version_id,
      ]);
      expect(response.body).to.deep.equal(stored.rows[0]);
      expect(response.body).to.include({
        settings_version_id: stage.settings_version_id,
        entry_total_q: 20,
        weakness_metric: 'error_rate',
      });
    });
  });

  describe('GET /progress/eligibility', () => {
    it('reports nothing assigned (not eligible) on a fresh stage', async () => {
      const learner = await newLearner(api);
      const stage = await firstStage(learner.id);
      const response = await get('eligibility', learner);
      expect(response.status).to.equal(200);
      expect(response.body).to.deep.equal({
        stage_id: stage.stage_id,
        rank: 'trainee',
        level: 0,
        content_assigned: false,
        required_total: 0,
        required_done: 0,
        optional_total: 0,
        optional_done: 0,
        missing_required: [],
        missing_optional: [],
        level_exam_passed: false,
        rank_final_required: false,
        rank_final_passed: false,
        eligible: false,
      });
    });

    it('answers 409 no_active_stage while the stage waits for approval and once graduated', async () => {
      const pending = await newLearner(api);
      await api.db.pool.query("UPDATE user_stage_progress SET status = 'pending_approval' WHERE user_id = $1", [
        pending.id,
      ]);
      const graduated = await newLearner(api);
      await graduate(graduated.id);
      for (const learner of [pending, graduated]) {
        const response = await get('eligibility', learner);
        expect(response.status).to.equal(409);
        expect(response.body.code).to.equal('no_active_stage');
      }
    });

    it('lists what is missing by module and counts what is done', async () => {
      const learner = await newLearner(api);
      await takeDiagnostika(api, learner.token);
      await api.request('POST', '/api/v1/content/assign', { token: learner.token });
      const mine = (await api.request('GET', '/api/v1/content/my', { token: learner.token })).body as {
        article_id: number;
        module_id: number;
        module_name: string;
        title: string;
        kind: string;
      }[];
      const optional = mine.filter((a) => a.kind === 'optional');
      await api.request('POST', `/api/v1/content/${optional[0]!.article_id}/read`, { token: learner.token });
      const response = await get('eligibility', learner);
      const item = (a: (typeof mine)[number]) => ({
        article_id: a.article_id,
        module_id: a.module_id,
        module_name: a.module_name,
        title: a.title,
        kind: a.kind,
      });
      expect(response.body).to.include({
        content_assigned: true,
        required_total: 3,
        required_done: 0,
        optional_total: 5,
        optional_done: 1,
        eligible: false,
      });
      expect(response.body.missing_optional).to.deep.equal(optional.slice(1).map(item));
      expect(response.body.missing_required).to.deep.equal(mine.filter((a) => a.kind === 'required').map(item));
    });
  });

  describe('GET /progress/weakness', () => {
    it('scores every module 0.5 before any evidence (error_rate), ties broken by lower module id', async () => {
      const learner = await newLearner(api);
      const modules = (
        await api.db.pool.query(
          "SELECT m.id, m.name FROM modules m JOIN tracks t ON t.id = m.track_id WHERE t.name = 'default' ORDER BY m.id",
        )
      ).rows;
      const response = await get('weakness', learner);
      expect(response.status).to.equal(200);
      for (const row of response.body.modules) {
        expect(row.interval.low).to.be.closeTo(0.05, 1e-9);
        expect(row.interval.high).to.be.closeTo(0.95, 1e-9);
      }
      expect(response.body).to.deep.equal({
        metric: 'error_rate',
        modules: modules.map((m, i) => ({
          module_id: m.id,
          module_name: m.name,
          correct: 0,
          total: 0,
          weakness: 0.5,
          rank: i + 1,
          // no evidence: the uniform prior's central 90 %
          evidence: 0,
          interval: { low: response.body.modules[i].interval.low, high: response.body.modules[i].interval.high },
        })),
        content_weak_module_ids: modules.slice(0, 3).map((m) => m.id),
        exam_weak_module_ids: modules.slice(0, 3).map((m) => m.id),
      });
    });

    it('error_rate: counts the diagnostika and every SUBMITTED level-exam and rank-final attempt', async () => {
      const track = await createFixtureTrack(api, { stages: 4, settings: { weakness_metric: 'error_rate' } });
      const [m1, m2] = track.moduleIds as [number, number];
      const learner = await newLearner(api, { track_id: track.trackId });
      await takeDiagnostika(api, learner.token, [m2]); // diagnostika: m1 2/2, m2 0/2
      const afterDiagnostika = await get('weakness', learner);
      expect(
        afterDiagnostika.body.modules.map(
          (m: { module_id: number; correct: number; total: number; weakness: number }) => [
            m.module_id,
            m.correct,
            m.total,
            m.weakness,
          ],
        ),
      ).to.deep.equal([
        [m2, 0, 2, 0.75],
        [m1, 2, 2, 0.25],
      ]);

      // Arrange exam evidence with SQL: a submitted level exam (m1 0/4, m2 4/4), a submitted rank final on
      // junior 3 (m1 0/2), and an OPEN attempt whose stats must not count.
      const [trainee, junior1, , junior3] = track.stageIds as [number, number, number, number];
      await api.db.pool.query(
        `INSERT INTO user_stage_progress (user_id, stage_id, track_id, settings_version_id, status, completed_at)
         VALUES ($1, $2, $4, $5, 'completed', now()), ($1, $3, $4, $5, 'completed', now())`,
        [learner.id, junior1, junior3, track.trackId, track.settingsVersionId],
      );
      const attempt = async (table: string, stageId: number, submitted: boolean, stats: [number, number, number][]) => {
        const row = await api.db.pool.query(
          `INSERT INTO ${table} (user_id, stage_id, settings_version_id, attempt_no, total_q, pass_score, seed, submitted_at, score_total)
           VALUES ($1, $2, $3, 1, 4, 3, 1, CASE WHEN $4 THEN now() END, CASE WHEN $4 THEN 0 END) RETURNING id`,
          [learner.id, stageId, track.settingsVersionId, submitted],
        );
        for (const [moduleId, correct, total] of stats) {
          await api.db.pool.query(
            `INSERT INTO ${table.replace('attempts', 'attempt_module_stats')} (attempt_id, module_id, correct_cnt, total_cnt) VALUES ($1, $2, $3, $4)`,
            [row.rows[0].id, moduleId, correct, total],
          );
        }
      };
      await attempt('level_exam_attempts', trainee, true, [
        [m1, 0, 4],
        [m2, 4, 4],
      ]);
      await attempt('rank_final_attempts', junior3, true, [[m1, 0, 2]]);
      await attempt('level_exam_attempts', junior1, false, [[m1, 0, 100]]);

      const response = await get('weakness', learner);
      // m1: 2 correct of 8 → (6 + 1) / (8 + 2) = 0.7; m2: 4 of 6 → (2 + 1) / (6 + 2) = 0.375
      // intervals: Beta(7, 3) and Beta(3, 5) quantiles 0.05 / 0.95 (scipy.stats.beta.ppf)
      const [first, second] = response.body.modules;
      expect(first.interval.low).to.be.closeTo(0.45035835, 1e-7);
      expect(first.interval.high).to.be.closeTo(0.90225319, 1e-7);
      expect(second.interval.low).to.be.closeTo(0.12875639, 1e-7);
      expect(second.interval.high).to.be.closeTo(0.65873856, 1e-7);
      expect(response.body).to.deep.equal({
        metric: 'error_rate',
        modules: [
          {
            module_id: m1,
            module_name: 'module-1',
            correct: 2,
            total: 8,
            weakness: 0.7,
            rank: 1,
            evidence: 8,
            interval: first.interval,
          },
          {
            module_id: m2,
            module_name: 'module-2',
            correct: 4,
            total: 6,
            weakness: 0.375,
            rank: 2,
            evidence: 6,
            interval: second.interval,
          },
        ],
        content_weak_module_ids: [m1],
        exam_weak_module_ids: [m1],
      });
    });

    it('errors: counts the diagnostika only, as the number of wrong answers', async () => {
      const track = await createFixtureTrack(api, {
        settings: { weakness_metric: 'errors', content_k_weak_modules: 2 },
      });
      const [m1, m2] = track.moduleIds as [number, number];
      const learner = await newLearner(api, { track_id: track.trackId });
      await takeDiagnostika(api, learner.token, [m2]);
      await api.db.pool.query(
        `WITH a AS (INSERT INTO level_exam_attempts (user_id, stage_id, settings_version_id, attempt_no, total_q, pass_score, seed, submitted_at, score_total)
                    VALUES ($1, $2, $3, 1, 4, 3, 1, now(), 0) RETURNING id)
         INSERT INTO level_exam_attempt_module_stats (attempt_id, module_id, correct_cnt, total_cnt) SELECT a.id, $4, 0, 10 FROM a`,
        [learner.id, track.stageIds[0], track.settingsVersionId, m1],
      );
      const response = await get('weakness', learner);
      expect(response.body).to.deep.equal({
        metric: 'errors',
        modules: [
          {
            module_id: m2,
            module_name: 'module-2',
            correct: 0,
            total: 2,
            weakness: 2,
            rank: 1,
            evidence: 2,
            interval: null,
          },
          {
            module_id: m1,
            module_name: 'module-1',
            correct: 2,
            total: 2,
            weakness: 0,
            rank: 2,
            evidence: 2,
            interval: null,
          },
        ],
        content_weak_module_ids: [m2, m1],
        exam_weak_module_ids: [m2],
      });
    });
  });
});
