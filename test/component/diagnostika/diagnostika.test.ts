import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { newLearner } from '../../support/fixtures/identity.js';
import { answersFor, createFixtureTrack, takeDiagnostika } from '../../support/fixtures/journey.js';
import { withoutNow } from '../../support/fixtures/sittings.js';

describe('diagnostika', () => {
  const api = useApi();
  const start = (token: string) => api.request('POST', '/api/v1/diagnostika/start', { token });
  const submit = (token: string, body: unknown) => api.request('POST', '/api/v1/diagnostika/submit', { token, body });
  const rowCounts = async (diagnostikaId: number) =>
    (
      await api.db.pool.query(
        `SELECT (SELECT count(*)::int FROM diagnostika_attempt_answers WHERE diagnostika_id = $1) AS answers,
                (SELECT count(*)::int FROM diagnostika_module_stats WHERE diagnostika_id = $1) AS stats,
                (SELECT submitted_at IS NOT NULL FROM diagnostika_results WHERE id = $1) AS submitted`,
        [diagnostikaId],
      )
    ).rows[0];

  describe('POST /diagnostika/start', () => {
    it('draws entry_per_module_q questions of every module (20 = 4 × 5 with the seed), distinct, never with the correct option', async () => {
      const learner = await newLearner(api);
      const response = await start(learner.token);
      expect(response.status).to.equal(201);
      expect(response.body).to.have.all.keys('diagnostika_id', 'total_q', 'deadline_at', 'now', 'questions');
      expect(response.body.deadline_at).to.equal(null);
      expect(response.body.total_q).to.equal(20);
      const questions = response.body.questions as {
        id: number;
        module_id: number;
        options: { id: number; pos: number }[];
      }[];
      expect(new Set(questions.map((q) => q.id)).size).to.equal(20);
      const perModule = new Map<number, number>();
      for (const q of questions) perModule.set(q.module_id, (perModule.get(q.module_id) ?? 0) + 1);
      expect([...perModule.values()]).to.deep.equal([4, 4, 4, 4, 4]);
      expect(response.text).not.to.match(/correct/);
      // The stored order is the served order.
      const stored = await api.db.pool.query(
        'SELECT question_id FROM diagnostika_attempt_questions WHERE diagnostika_id = $1 ORDER BY pos',
        [response.body.diagnostika_id],
      );
      expect(stored.rows.map((r) => r.question_id)).to.deep.equal(questions.map((q) => q.id));
      for (const q of questions)
        expect(q.options.map((o) => o.pos)).to.deep.equal([...q.options.map((o) => o.pos)].sort());
    });

    it('resumes the open diagnostika with 200 and the same questions in the same order', async () => {
      const learner = await newLearner(api);
      const first = await start(learner.token);
      const again = await start(learner.token);
      expect(first.status).to.equal(201);
      expect(again.status).to.equal(200);
      // `now` is the server's clock at each answer; everything else is the same attempt.
      expect(withoutNow(again.body)).to.deep.equal(withoutNow(first.body));
    });

    it('answers 409 diagnostika_already_completed once submitted', async () => {
      const learner = await newLearner(api);
      await takeDiagnostika(api, learner.token);
      const again = await start(learner.token);
      expect(again.status).to.equal(409);
      expect(again.body.code).to.equal('diagnostika_already_completed');
    });

    it('answers 409 diagnostika_not_available away from the first stage, and when the first stage waits for approval', async () => {
      const moved = await newLearner(api);
      await api.db.pool.query(
        `WITH done AS (UPDATE user_stage_progress SET status = 'completed', completed_at = now() WHERE user_id = $1 RETURNING track_id, settings_version_id)
         INSERT INTO user_stage_progress (user_id, stage_id, track_id, settings_version_id)
         SELECT $1, s.id, done.track_id, done.settings_version_id FROM done JOIN stages s ON s.track_id = done.track_id AND s.position = 2`,
        [moved.id],
      );
      const pending = await newLearner(api);
      await api.db.pool.query("UPDATE user_stage_progress SET status = 'pending_approval' WHERE user_id = $1", [
        pending.id,
      ]);
      for (const learner of [moved, pending]) {
        const response = await start(learner.token);
        expect(response.status).to.equal(409);
        expect(response.body.code).to.equal('diagnostika_not_available');
      }
      const rows = await api.db.pool.query(
        'SELECT count(*)::int AS n FROM diagnostika_results WHERE user_id = ANY($1)',
        [[moved.id, pending.id]],
      );
      expect(rows.rows[0].n).to.equal(0);
    });

    it('answers 409 not_enough_questions when the track has fewer active questions than entry_total_q, and writes nothing', async () => {
      const track = await createFixtureTrack(api, {
        questionsPerModule: 1,
        settings: { entry_total_q: 4, entry_per_module_q: 2 },
      });
      const learner = await newLearner(api, { track_id: track.trackId });
      const response = await start(learner.token);
      expect(response.status).to.equal(409);
      expect(response.body.code).to.equal('not_enough_questions');
      const rows = await api.db.pool.query('SELECT count(*)::int AS n FROM diagnostika_results WHERE user_id = $1', [
        learner.id,
      ]);
      expect(rows.rows[0].n).to.equal(0);
    });

    it('of 30 concurrent starts creates exactly one diagnostika: one 201, 29 resumes of the same one', async () => {
      const learner = await newLearner(api);
      const responses = await Promise.all(Array.from({ length: 30 }, () => start(learner.token)));
      expect(responses.map((r) => r.status).sort()).to.deep.equal([...Array(29).fill(200), 201]);
      expect(new Set(responses.map((r) => JSON.stringify(withoutNow(r.body)))).size).to.equal(1);
      const rows = await api.db.pool.query(
        'SELECT count(*)::int AS n, (SELECT count(*)::int FROM diagnostika_attempt_questions q JOIN diagnostika_results d ON d.id = q.diagnostika_id WHERE d.user_id = $1) AS questions FROM diagnostika_results WHERE user_id = $1',
        [learner.id],
      );
      expect(rows.rows[0]).to.deep.equal({ n: 1, questions: 20 });
    });

    it('needs a learner token', async () => {
      expect((await api.request('POST', '/api/v1/diagnostika/start')).status).to.equal(401);
    });
  });

  describe('POST /diagnostika/submit', () => {
    it('scores the answers, stores per-module stats and answers GET /diagnostika/result the same', async () => {
      const learner = await newLearner(api);
      const started = await start(learner.token);
      const questions = started.body.questions as {
        id: number;
        module_id: number;
        options: { id: number; pos: number }[];
      }[];
      const weakModule = questions[0]!.module_id;
      const answers = await answersFor(api, questions, (q) => q.module_id !== weakModule);
      const before = await api.request('GET', '/api/v1/diagnostika/result', { token: learner.token });
      expect(before.status).to.equal(404);

      const response = await submit(learner.token, { diagnostika_id: started.body.diagnostika_id, answers });
      expect(response.status).to.equal(200);
      const moduleIds = [...new Set(questions.map((q) => q.module_id))].sort((a, b) => a - b);
      expect(response.body).to.deep.equal({
        diagnostika_id: started.body.diagnostika_id,
        total_q: 20,
        score_total: 16,
        expired: false,
        module_stats: moduleIds.map((id) => ({ module_id: id, correct_cnt: id === weakModule ? 0 : 4, total_cnt: 4 })),
      });
      const result = await api.request('GET', '/api/v1/diagnostika/result', { token: learner.token });
      expect(result.status).to.equal(200);
      expect(result.body).to.deep.equal(response.body);
      expect(await rowCounts(started.body.diagnostika_id)).to.deep.equal({ answers: 20, stats: 5, submitted: true });
    });

    it('refuses a second submit with 409 attempt_already_submitted', async () => {
      const learner = await newLearner(api);
      const { started } = await takeDiagnostika(api, learner.token);
      const answers = await answersFor(api, started.questions);
      const again = await submit(learner.token, { diagnostika_id: started.diagnostika_id, answers });
      expect(again.status).to.equal(409);
      expect(again.body.code).to.equal('attempt_already_submitted');
    });

    it('answers 422 answers_invalid with one item per problem and writes nothing', async () => {
      const learner = await newLearner(api);
      const started = await start(learner.token);
      const questions = started.body.questions as { id: number; options: { id: number }[] }[];
      const answers = await answersFor(api, started.body.questions);
      const foreignOption = questions[1]!.options[0]!.id;
      const broken = [
        ...answers.slice(0, 17), // questions 18-20 missing (3 problems)
        { question_id: questions[0]!.id, selected_option_id: answers[0]!.selected_option_id }, // duplicate
        { question_id: 999_999_999, selected_option_id: 1 }, // not in the attempt
      ];
      broken[2] = { question_id: questions[2]!.id, selected_option_id: foreignOption }; // option of another question
      const response = await submit(learner.token, { diagnostika_id: started.body.diagnostika_id, answers: broken });
      expect(response.status).to.equal(422);
      expect(response.body.code).to.equal('answers_invalid');
      expect(response.body.errors.map((e: { code: string }) => e.code)).to.deep.equal([
        'option_not_of_question',
        'duplicate_answer',
        'unknown_question',
        'missing_answer',
        'missing_answer',
        'missing_answer',
      ]);
      expect(await rowCounts(started.body.diagnostika_id)).to.deep.equal({ answers: 0, stats: 0, submitted: false });
      const empty = await submit(learner.token, { diagnostika_id: started.body.diagnostika_id, answers: [] });
      expect(empty.status).to.equal(422);
      expect(empty.body.errors).to.have.length(20);
      expect((await api.request('GET', '/api/v1/diagnostika/result', { token: learner.token })).status).to.equal(404);
    });

    it("answers 404 for an unknown diagnostika and for another learner's, indistinguishably, and changes nothing", async () => {
      const owner = await newLearner(api);
      const intruder = await newLearner(api);
      const started = await start(owner.token);
      const answers = await answersFor(api, started.body.questions);
      const foreign = await submit(intruder.token, { diagnostika_id: started.body.diagnostika_id, answers });
      const unknown = await submit(intruder.token, { diagnostika_id: 999_999_999, answers });
      expect(foreign.status).to.equal(404);
      expect(unknown.status).to.equal(404);
      expect(foreign.body.code).to.equal('not_found');
      expect(foreign.body.detail.replace(/\d+/g, 'N')).to.equal(unknown.body.detail.replace(/\d+/g, 'N'));
      expect(await rowCounts(started.body.diagnostika_id)).to.deep.equal({ answers: 0, stats: 0, submitted: false });
      // Nor does the intruder see the owner's result.
      await submit(owner.token, { diagnostika_id: started.body.diagnostika_id, answers });
      expect((await api.request('GET', '/api/v1/diagnostika/result', { token: intruder.token })).status).to.equal(404);
    });

    it('refuses a malformed body with 400 validation_failed', async () => {
      const learner = await newLearner(api);
      const response = await submit(learner.token, { diagnostika_id: 1, answers: [{ question_id: 1 }], extra: true });
      expect(response.status).to.equal(400);
      expect(response.body.code).to.equal('validation_failed');
    });

    it('of 30 concurrent submits scores exactly one: one 200, 29 × 409, one set of answers', async () => {
      const learner = await newLearner(api);
      const started = await start(learner.token);
      const answers = await answersFor(api, started.body.questions);
      const body = { diagnostika_id: started.body.diagnostika_id, answers };
      const responses = await Promise.all(Array.from({ length: 30 }, () => submit(learner.token, body)));
      expect(responses.filter((r) => r.status === 200)).to.have.length(1);
      expect(responses.filter((r) => r.status === 409 && r.body.code === 'attempt_already_submitted')).to.have.length(
        29,
      );
      expect(await rowCounts(started.body.diagnostika_id)).to.deep.equal({ answers: 20, stats: 5, submitted: true });
    });
  });
});
