import { spawn } from 'node:child_process';
import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { appDatabaseUrl } from '../../support/database.js';
import { answerSheet, currentStageOf } from '../../support/fixtures/exams.js';
import { newAdmin, type Admin } from '../../support/fixtures/identity.js';
import {
  activateSettings,
  defaultTrackId,
  itemResponses,
  learnerAtLevelExam,
  learnerAtRankFinal,
  optionsOf,
  savedRows,
  startSitting,
  withoutNow,
} from '../../support/fixtures/sittings.js';
import { TestClock } from '../../support/test-clock.js';

const LEVEL = '/api/v1/exams/level';
const RANK_FINAL = '/api/v1/exams/rank-final';
const MINUTE = 60;

/** Runs `npm run attempts:close-expired` against the test database and returns its output. */
function closeExpiredCli(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/attempts-close-expired.ts'], {
      env: { ...process.env, DATABASE_URL: appDatabaseUrl(databaseUrl) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('exam sittings: autosave, time limits, expiry (docs/product.md, "Exam sittings")', function () {
  this.timeout(120_000);
  const clock = new TestClock();
  const api = useApi({ clock });
  const save = (token: string, attemptId: number, answers: unknown[], path = LEVEL) =>
    api.request('PUT', `${path}/${attemptId}/answers`, { token, body: { answers } });
  const submit = (token: string, attemptId: number, answers: unknown[]) =>
    api.request('POST', `${LEVEL}/${attemptId}/submit`, { token, body: { answers } });

  describe('untimed', () => {
    it('saves a partial sheet (last write wins, null clears) and a resume carries the saved choices', async () => {
      const learner = await learnerAtLevelExam(api);
      const started = await startSitting(api, learner.token, LEVEL);
      expect(started.deadline_at).to.equal(null);
      expect(started.questions.every((q) => q.selected_option_id === null)).to.equal(true);
      const [q1, q2, q3] = started.questions;
      const options = await optionsOf(api, started.questions);

      const first = await save(learner.token, started.attempt_id!, [
        { question_id: q1!.id, selected_option_id: options.get(q1!.id)!.wrong },
        { question_id: q2!.id, selected_option_id: options.get(q2!.id)!.right },
        { question_id: q3!.id, selected_option_id: options.get(q3!.id)!.right },
      ]);
      expect(first.status, first.text).to.equal(200);
      expect(withoutNow(first.body)).to.deep.equal({ saved: 3, answered: 3, total_q: 20, deadline_at: null });
      expect(Math.abs(Date.parse(first.body.now) - clock.now().getTime())).to.be.below(5_000);

      const second = await save(learner.token, started.attempt_id!, [
        { question_id: q1!.id, selected_option_id: options.get(q1!.id)!.right },
        { question_id: q3!.id, selected_option_id: null },
      ]);
      expect(withoutNow(second.body)).to.deep.equal({ saved: 2, answered: 2, total_q: 20, deadline_at: null });
      expect(await savedRows(api, 'level_exam_saved_answers', started.attempt_id!)).to.deep.equal(
        new Map([
          [q1!.id, options.get(q1!.id)!.right],
          [q2!.id, options.get(q2!.id)!.right],
        ]),
      );

      const resumed = await api.request('POST', `${LEVEL}/start`, { token: learner.token });
      expect(resumed.status).to.equal(200);
      const chosen = resumed.body.questions.map((q: { id: number; selected_option_id: number | null }) => [
        q.id,
        q.selected_option_id,
      ]);
      expect(chosen.filter(([, option]: [number, number | null]) => option !== null)).to.deep.equal([
        [q1!.id, options.get(q1!.id)!.right],
        [q2!.id, options.get(q2!.id)!.right],
      ]);
      expect(resumed.body.questions.map((q: { id: number }) => q.id)).to.deep.equal(started.questions.map((q) => q.id));
    });

    it('refuses an autosave with any wrong item (422 listing each problem) and saves nothing of it', async () => {
      const learner = await learnerAtLevelExam(api);
      const started = await startSitting(api, learner.token, LEVEL);
      const [q1, q2] = started.questions;
      const response = await save(learner.token, started.attempt_id!, [
        { question_id: q1!.id, selected_option_id: q1!.options[0]!.id },
        { question_id: 999_999, selected_option_id: q1!.options[0]!.id },
        { question_id: q2!.id, selected_option_id: q1!.options[1]!.id },
        { question_id: q1!.id, selected_option_id: null },
      ]);
      expect(response.status).to.equal(422);
      expect(response.body.code).to.equal('answers_invalid');
      expect(response.body.errors.map((e: { code: string; path: string }) => `${e.code} ${e.path}`)).to.deep.equal([
        'unknown_question /body/answers/1/question_id',
        'option_not_of_question /body/answers/2/selected_option_id',
        'duplicate_answer /body/answers/3/question_id',
      ]);
      expect((await savedRows(api, 'level_exam_saved_answers', started.attempt_id!)).size).to.equal(0);

      const malformed = await api.request('PUT', `${LEVEL}/${started.attempt_id}/answers`, {
        token: learner.token,
        body: { answers: [] },
      });
      expect(malformed.status).to.equal(400);
      expect(malformed.body.code).to.equal('validation_failed');
    });

    it("answers 404 for another learner's attempt, and 409 once the attempt is submitted", async () => {
      const owner = await learnerAtLevelExam(api);
      const other = await learnerAtLevelExam(api);
      const started = await startSitting(api, owner.token, LEVEL);
      const item = { question_id: started.questions[0]!.id, selected_option_id: started.questions[0]!.options[0]!.id };
      const foreign = await save(other.token, started.attempt_id!, [item]);
      expect(foreign.status).to.equal(404);
      expect(foreign.body.code).to.equal('not_found');

      const sheet = await answerSheet(api, started.questions, 20);
      expect((await submit(owner.token, started.attempt_id!, sheet.answers)).status).to.equal(200);
      const late = await save(owner.token, started.attempt_id!, [item]);
      expect(late.status).to.equal(409);
      expect(late.body.code).to.equal('attempt_already_submitted');
    });

    it('completes a submit from the saved answers; the saved rows move into the submitted answers', async () => {
      const learner = await learnerAtLevelExam(api);
      const started = await startSitting(api, learner.token, LEVEL);
      const options = await optionsOf(api, started.questions);
      const [last, ...rest] = [...started.questions].reverse();
      const saved = await save(
        learner.token,
        started.attempt_id!,
        rest.map((q) => ({ question_id: q.id, selected_option_id: options.get(q.id)!.right })),
      );
      expect(saved.body.answered).to.equal(19);

      const incomplete = await submit(learner.token, started.attempt_id!, []);
      expect(incomplete.status).to.equal(422);
      expect(incomplete.body.errors).to.deep.equal([
        { code: 'missing_answer', message: `question ${last!.id} has no answer`, path: '/body/answers' },
      ]);

      // The submitted answer overrides a saved one: one saved right answer turned wrong.
      const overridden = rest[0]!;
      const result = await submit(learner.token, started.attempt_id!, [
        { question_id: last!.id, selected_option_id: options.get(last!.id)!.right },
        { question_id: overridden.id, selected_option_id: options.get(overridden.id)!.wrong },
      ]);
      expect(result.status, result.text).to.equal(200);
      expect(result.body).to.include({ score_total: 19, passed: true, expired: false });
      const stored = await api.db.pool.query<{ question_id: number; selected_option_id: number }>(
        'SELECT question_id, selected_option_id FROM level_exam_attempt_answers WHERE attempt_id = $1',
        [started.attempt_id],
      );
      expect(stored.rows).to.have.length(20);
      const byQuestion = new Map(stored.rows.map((r) => [Number(r.question_id), Number(r.selected_option_id)]));
      expect(byQuestion.get(overridden.id)).to.equal(options.get(overridden.id)!.wrong);
      expect((await savedRows(api, 'level_exam_saved_answers', started.attempt_id!)).size).to.equal(0);
    });

    it('saves diagnostika answers the same way, and a resumed diagnostika carries them', async () => {
      const { newLearner } = await import('../../support/fixtures/identity.js');
      const learner = await newLearner(api);
      const started = await startSitting(api, learner.token, '/api/v1/diagnostika');
      const [q1] = started.questions;
      const saved = await api.request('PUT', '/api/v1/diagnostika/answers', {
        token: learner.token,
        body: { answers: [{ question_id: q1!.id, selected_option_id: q1!.options[1]!.id }] },
      });
      expect(saved.status, saved.text).to.equal(200);
      expect(withoutNow(saved.body)).to.deep.equal({ saved: 1, answered: 1, total_q: 20, deadline_at: null });
      const resumed = await startSitting(api, learner.token, '/api/v1/diagnostika');
      expect(resumed.questions[0]!.selected_option_id).to.equal(q1!.options[1]!.id);
      const answers = (await optionsOf(api, resumed.questions)).entries();
      const sheet = [...answers].map(([question_id, o]) => ({ question_id, selected_option_id: o.right }));
      const submitted = await api.request('POST', '/api/v1/diagnostika/submit', {
        token: learner.token,
        body: { diagnostika_id: started.diagnostika_id, answers: sheet.slice(1) },
      });
      expect(submitted.status, submitted.text).to.equal(200);
      expect(submitted.body).to.include({
        expired: false,
        score_total: sheet[0]!.selected_option_id === q1!.options[1]!.id ? 20 : 19,
      });
      const late = await api.request('PUT', '/api/v1/diagnostika/answers', {
        token: learner.token,
        body: { answers: [{ question_id: q1!.id, selected_option_id: null }] },
      });
      expect(late.status).to.equal(409);
      expect(late.body.code).to.equal('attempt_already_submitted');
      const stranger = await newLearner(api);
      const none = await api.request('PUT', '/api/v1/diagnostika/answers', {
        token: stranger.token,
        body: { answers: [{ question_id: q1!.id, selected_option_id: q1!.options[1]!.id }] },
      });
      expect(none.status).to.equal(404);
    });
  });

  it('saves rank final answers and resumes them the same way', async () => {
    const learner = await learnerAtRankFinal(api);
    const started = await startSitting(api, learner.token, RANK_FINAL);
    expect(started.questions).to.have.length(40);
    const chosen = started.questions
      .slice(0, 3)
      .map((q) => ({ question_id: q.id, selected_option_id: q.options[2]!.id }));
    const saved = await save(learner.token, started.attempt_id!, chosen, RANK_FINAL);
    expect(saved.status, saved.text).to.equal(200);
    expect(withoutNow(saved.body)).to.deep.equal({ saved: 3, answered: 3, total_q: 40, deadline_at: null });
    const resumed = await startSitting(api, learner.token, RANK_FINAL);
    expect(
      resumed.questions.filter((q) => q.selected_option_id !== null).map((q) => [q.id, q.selected_option_id]),
    ).to.deep.equal(chosen.map((c) => [c.question_id, c.selected_option_id]));
  });

  describe('timed', () => {
    let admin: Admin;
    before(async () => {
      admin = await newAdmin(api);
      await activateSettings(api, admin, await defaultTrackId(api), {
        level_exam_time_limit_minutes: 30,
        rank_final_time_limit_minutes: 60,
        diagnostika_time_limit_minutes: 20,
      });
    });

    /** A learner at the level exam of a timed version, with `extraTimePct` granted by the admin first. */
    const timedLearner = async (extraTimePct = 0) => {
      const learner = await learnerAtLevelExam(api);
      if (extraTimePct > 0) {
        const patched = await api.request('PATCH', `/api/v1/admin/users/${learner.id}`, {
          token: admin.token,
          body: { extra_time_pct: extraTimePct },
        });
        expect(patched.status, patched.text).to.equal(200);
        expect(patched.body.profile.extra_time_pct).to.equal(extraTimePct);
      }
      return learner;
    };

    it('stores deadline_at = start + limit × (1 + extra_time_pct/100), set by the admin (audit-logged) for attempts started afterwards', async () => {
      const plain = await timedLearner();
      const plainStart = await startSitting(api, plain.token, LEVEL);
      const plainMinutes = (Date.parse(plainStart.deadline_at!) - Date.parse(plainStart.now)) / 60_000;
      expect(plainMinutes).to.be.within(29.9, 30);

      const accommodated = await timedLearner(50);
      const started = await startSitting(api, accommodated.token, LEVEL);
      expect((Date.parse(started.deadline_at!) - Date.parse(started.now)) / 60_000).to.be.within(44.9, 45);
      const detail = await api.request('GET', `/api/v1/admin/users/${accommodated.id}`, { token: admin.token });
      expect(detail.body.profile.extra_time_pct).to.equal(50);
      const audit = await api.db.pool.query(
        "SELECT details FROM admin_audit_log WHERE action = 'learner.update' AND entity_id = $1",
        [accommodated.id],
      );
      expect(audit.rows.map((r) => r.details)).to.deep.equal([{ extra_time_pct: 50 }]);

      // A change applies to attempts started afterwards: the open attempt keeps its deadline.
      await api.request('PATCH', `/api/v1/admin/users/${accommodated.id}`, {
        token: admin.token,
        body: { extra_time_pct: 400 },
      });
      const resumed = await startSitting(api, accommodated.token, LEVEL);
      expect(resumed.deadline_at).to.equal(started.deadline_at);
      const refused = await api.request('PATCH', `/api/v1/admin/users/${accommodated.id}`, {
        token: admin.token,
        body: { extra_time_pct: 401 },
      });
      expect(refused.status).to.equal(400);
    });

    it('after the deadline, within the grace: saves land and a submit may leave questions unanswered (wrong)', async () => {
      const learner = await timedLearner();
      const started = await startSitting(api, learner.token, LEVEL);
      const options = await optionsOf(api, started.questions);
      clock.advance(30 * MINUTE + 10);
      const [q1, q2] = started.questions;
      const saved = await save(learner.token, started.attempt_id!, [
        { question_id: q1!.id, selected_option_id: options.get(q1!.id)!.right },
      ]);
      expect(saved.status, saved.text).to.equal(200);
      expect(saved.body.deadline_at).to.equal(started.deadline_at);
      const result = await submit(learner.token, started.attempt_id!, [
        { question_id: q2!.id, selected_option_id: options.get(q2!.id)!.right },
      ]);
      expect(result.status, result.text).to.equal(200);
      expect(result.body).to.include({ score_total: 2, total_q: 20, passed: false, expired: false });
      expect(result.body.module_stats.reduce((n: number, s: { total_cnt: number }) => n + s.total_cnt, 0)).to.equal(20);
    });

    it('after the grace: saves are refused (409 attempt_expired) and the submit is scored on the saved answers (expired)', async () => {
      const learner = await timedLearner();
      const started = await startSitting(api, learner.token, LEVEL);
      const options = await optionsOf(api, started.questions);
      const [q1, q2, q3] = started.questions;
      await save(learner.token, started.attempt_id!, [
        { question_id: q1!.id, selected_option_id: options.get(q1!.id)!.right },
        { question_id: q2!.id, selected_option_id: options.get(q2!.id)!.wrong },
      ]);
      clock.advance(30 * MINUTE + 31);
      const late = await save(learner.token, started.attempt_id!, [
        { question_id: q3!.id, selected_option_id: options.get(q3!.id)!.right },
      ]);
      expect(late.status).to.equal(409);
      expect(late.body.code).to.equal('attempt_expired');
      expect((await savedRows(api, 'level_exam_saved_answers', started.attempt_id!)).size).to.equal(2);

      const everythingRight = (await answerSheet(api, started.questions, 20)).answers;
      const result = await submit(learner.token, started.attempt_id!, everythingRight);
      expect(result.status, result.text).to.equal(200);
      expect(result.body).to.include({ score_total: 1, passed: false, expired: true });
      const again = await submit(learner.token, started.attempt_id!, everythingRight);
      expect(again.status).to.equal(409);
      expect(again.body.code).to.equal('attempt_expired');
      const list = await api.request('GET', `${LEVEL}/attempts`, { token: learner.token });
      expect(list.body[0]).to.include({ attempt_id: started.attempt_id, expired: true, score_total: 1 });
    });

    it('the next start closes an expired attempt once, then assembles attempt 2', async () => {
      const learner = await timedLearner();
      const started = await startSitting(api, learner.token, LEVEL);
      const ids = started.questions.map((q) => q.id);
      const options = await optionsOf(api, started.questions);
      await save(learner.token, started.attempt_id!, [
        { question_id: ids[0]!, selected_option_id: options.get(ids[0]!)!.right },
      ]);
      const before = await itemResponses(api, ids);
      clock.advance(30 * MINUTE + 31);
      const next = await api.request('POST', `${LEVEL}/start`, { token: learner.token });
      expect(next.status, next.text).to.equal(201);
      expect(next.body.attempt_no).to.equal(2);
      const again = await api.request('POST', `${LEVEL}/start`, { token: learner.token });
      expect(again.status).to.equal(200);
      const closed = await api.db.pool.query(
        'SELECT expired, score_total, passed FROM level_exam_attempts WHERE id = $1',
        [started.attempt_id],
      );
      expect(closed.rows[0]).to.deep.equal({ expired: true, score_total: 1, passed: false });
      // Scored once: the one answered question joined the item statistics once.
      expect((await itemResponses(api, ids)) - before).to.equal(1);
    });

    it('the attempts list closes an expired attempt, and a PASS by expiry advances the learner like a submitted PASS', async () => {
      const learner = await timedLearner();
      const started = await startSitting(api, learner.token, LEVEL);
      const sheet = await answerSheet(api, started.questions, 20);
      expect((await save(learner.token, started.attempt_id!, sheet.answers.slice(0, 16))).status).to.equal(200);
      const stageBefore = (await currentStageOf(api, learner.id))!;
      clock.advance(30 * MINUTE + 31);
      const list = await api.request('GET', `${LEVEL}/attempts`, { token: learner.token });
      expect(list.status, list.text).to.equal(200);
      expect(list.body[0]).to.include({ attempt_id: started.attempt_id, expired: true, passed: true, score_total: 16 });
      const stageAfter = (await currentStageOf(api, learner.id))!;
      expect(stageAfter.stage_id).to.not.equal(stageBefore.stage_id);
      expect(stageAfter).to.include({ rank: 'junior', level: 2, status: 'active' });
      expect((await api.request('GET', `${LEVEL}/attempts`, { token: learner.token })).body).to.deep.equal(list.body);
    });

    it('npm run attempts:close-expired closes what expired, once; a second run closes nothing', async () => {
      const learner = await timedLearner();
      const started = await startSitting(api, learner.token, LEVEL);
      const ids = started.questions.map((q) => q.id);
      const sheet = await answerSheet(api, started.questions, 20);
      await save(learner.token, started.attempt_id!, sheet.answers.slice(0, 5));
      const before = await itemResponses(api, ids);
      // The CLI runs on the real clock: the attempt is moved into the past instead.
      await api.db.pool.query(
        "UPDATE level_exam_attempts SET created_at = now() - interval '2 hours', deadline_at = now() - interval '1 hour' WHERE id = $1",
        [started.attempt_id],
      );
      const first = await closeExpiredCli(api.db.url);
      expect(first.code, first.output).to.equal(0);
      expect(first.output).to.match(/Closed \d+ diagnostika, [1-9]\d* level exam and 0 rank final attempt/);
      const closed = await api.db.pool.query('SELECT expired, score_total FROM level_exam_attempts WHERE id = $1', [
        started.attempt_id,
      ]);
      expect(closed.rows[0]).to.deep.equal({ expired: true, score_total: 5 });
      const second = await closeExpiredCli(api.db.url);
      expect(second.code, second.output).to.equal(0);
      expect(second.output).to.contain('Closed 0 diagnostika, 0 level exam and 0 rank final');
      expect((await itemResponses(api, ids)) - before).to.equal(5);
    });

    it('a timed diagnostika expires too: its result closes it on the saved answers, and it cannot be restarted', async () => {
      const { newLearner } = await import('../../support/fixtures/identity.js');
      const learner = await newLearner(api);
      const started = await startSitting(api, learner.token, '/api/v1/diagnostika');
      expect((Date.parse(started.deadline_at!) - Date.parse(started.now)) / 60_000).to.be.within(19.9, 20);
      const options = await optionsOf(api, started.questions);
      const [q1, q2] = started.questions;
      await api.request('PUT', '/api/v1/diagnostika/answers', {
        token: learner.token,
        body: {
          answers: [
            { question_id: q1!.id, selected_option_id: options.get(q1!.id)!.right },
            { question_id: q2!.id, selected_option_id: options.get(q2!.id)!.right },
          ],
        },
      });
      clock.advance(20 * MINUTE + 31);
      const refused = await api.request('PUT', '/api/v1/diagnostika/answers', {
        token: learner.token,
        body: { answers: [{ question_id: q1!.id, selected_option_id: null }] },
      });
      expect(refused.status).to.equal(409);
      expect(refused.body.code).to.equal('attempt_expired');
      const result = await api.request('GET', '/api/v1/diagnostika/result', { token: learner.token });
      expect(result.status, result.text).to.equal(200);
      expect(result.body).to.include({ score_total: 2, total_q: 20, expired: true });
      const restart = await api.request('POST', '/api/v1/diagnostika/start', { token: learner.token });
      expect(restart.status).to.equal(409);
      expect(restart.body.code).to.equal('diagnostika_already_completed');
    });

    it('refuses a time limit beyond a week in a settings version (422 settings_invalid)', async () => {
      const draft = await api.request('POST', `/api/v1/admin/tracks/${await defaultTrackId(api)}/settings-versions`, {
        token: admin.token,
        body: { settings: { rank_final_time_limit_minutes: 10_081 } },
      });
      expect(draft.status).to.equal(422);
      expect(draft.body.errors).to.deep.equal([
        {
          code: 'time_limit_too_long',
          message: 'rank_final_time_limit_minutes must be <= 10080 minutes (a week; 0 = untimed), got 10081',
          path: '/body/settings/rank_final_time_limit_minutes',
        },
      ]);
    });
  });
});
