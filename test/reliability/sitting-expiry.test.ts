import { expect } from 'chai';
import { composeExpirySweep } from '../../src/main.js';
import { useApi } from '../support/api.js';
import { answerSheet, currentStageOf } from '../support/fixtures/exams.js';
import { JourneyApi } from '../support/reliability/journey-api.js';
import { newAdmin } from '../support/fixtures/identity.js';
import { activateSettings, defaultTrackId, itemResponses, startSitting } from '../support/fixtures/sittings.js';
import { expectNo5xx, fireConcurrently, statusSummary } from '../support/reliability/races.js';
import { TestClock } from '../support/test-clock.js';
import { assertInvariants } from './invariants.js';

const LEVEL = '/api/v1/exams/level';

/**
 * Every way an expired attempt is closed (docs/product.md, "Exam sittings") at once: the learner's late submits,
 * starts and attempts lists, and the close-expired sweep running beside the server. The attempt must be scored
 * exactly once, and a PASS must move the learner exactly once.
 */
describe('reliability: closing an expired attempt races a late submit', function () {
  this.timeout(120_000);
  const clock = new TestClock();
  const api = useApi({ clock });

  before(async () => {
    const admin = await newAdmin(api);
    await activateSettings(api, admin, await defaultTrackId(api), { level_exam_time_limit_minutes: 10 });
  });

  for (const verdict of ['PASS', 'FAIL'] as const) {
    it(`late submits, starts, lists and sweeps at once close a ${verdict} once${verdict === 'PASS' ? ' and advance the learner once' : ''}`, async () => {
      // Walked through the API, so every row is one the journey makes (the invariants check them all).
      const learner = await new JourneyApi(api, api.db.pool).eligibleLearner();
      const started = await startSitting(api, learner.token, LEVEL);
      const ids = started.questions.map((q) => q.id);
      const sheet = await answerSheet(api, started.questions, 20);
      const savedRight = verdict === 'PASS' ? 16 : 9;
      const saved = await api.request('PUT', `${LEVEL}/${started.attempt_id}/answers`, {
        token: learner.token,
        body: { answers: sheet.answers.slice(0, savedRight) },
      });
      expect(saved.status, saved.text).to.equal(200);
      const stageBefore = (await currentStageOf(api, learner.id))!;
      const responsesBefore = await itemResponses(api, ids);
      clock.advance(10 * 60 + 31);

      const sweep = composeExpirySweep(api.db.pool, { preparedStatements: false, clock });
      const sweeps: Promise<{ levelExams: number }>[] = [];
      const responses = await fireConcurrently(30, (index) => {
        if (index % 6 === 5) sweeps.push(sweep());
        switch (index % 3) {
          case 0:
            // A late submit with every answer right: too late, so it must not count.
            return api.request('POST', `${LEVEL}/${started.attempt_id}/submit`, {
              token: learner.token,
              body: sheet,
            });
          case 1:
            return api.request('GET', `${LEVEL}/attempts`, { token: learner.token });
          default:
            return api.request('POST', `${LEVEL}/start`, { token: learner.token });
        }
      });
      const swept = (await Promise.all(sweeps)).reduce((sum, result) => sum + result.levelExams, 0);
      expectNo5xx(responses);
      const summary = statusSummary(responses);

      const submits = responses.filter((_, index) => index % 3 === 0);
      const scoredBySubmit = submits.filter((response) => response.status === 200);
      for (const response of scoredBySubmit)
        expect(response.body).to.include({ expired: true, score_total: savedRight });
      for (const response of submits.filter((r) => r.status !== 200)) {
        expect(response.status, summary).to.equal(409);
        expect(response.body.code, summary).to.equal('attempt_expired');
      }
      expect(scoredBySubmit.length + swept, `closed by a submit or a sweep more than once: ${summary}`).to.be.at.most(
        1,
      );

      const closed = await api.db.pool.query(
        'SELECT expired, score_total, passed FROM level_exam_attempts WHERE id = $1',
        [started.attempt_id],
      );
      expect(closed.rows[0]).to.deep.equal({ expired: true, score_total: savedRight, passed: verdict === 'PASS' });
      // Scored once: each saved answer joined the item statistics once.
      expect((await itemResponses(api, ids)) - responsesBefore).to.equal(savedRight);
      for (const response of responses.filter((_, index) => index % 3 === 1)) {
        const listed = response.body.find((a: { attempt_id: number }) => a.attempt_id === started.attempt_id);
        expect(listed).to.include({ expired: true, score_total: savedRight });
      }

      const stageAfter = (await currentStageOf(api, learner.id))!;
      const starts = responses.filter((_, index) => index % 3 === 2);
      expect(stageAfter.stage_id).to.equal(stageBefore.stage_id);
      if (verdict === 'PASS') {
        // The trainee PASS waits for approval, as a submitted PASS does: one request, and no new attempt.
        expect(stageAfter.status).to.equal('pending_approval');
        const requests = await api.db.pool.query(
          "SELECT count(*)::int AS n FROM approval_requests WHERE user_id = $1 AND status = 'pending'",
          [learner.id],
        );
        expect(requests.rows[0].n).to.equal(1);
        for (const response of starts) {
          expect(response.status, summary).to.equal(409);
          expect(response.body.code, summary).to.equal('exam_already_passed');
        }
      } else {
        expect(stageAfter.status).to.equal('active');
        // Each start closed the old attempt or found it closed: exactly one assembled attempt 2.
        expect(starts.filter((r) => r.status === 201).length, summary).to.equal(1);
        for (const response of starts) expect(response.body.attempt_no).to.equal(2);
      }
      await assertInvariants(api.db.pool);
    });
  }
});
