import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { answerSheet, completeContent, currentStageOf, placeOnStage, takeExam } from '../../support/fixtures/exams.js';
import { publishSettingsVersion } from '../../support/fixtures/admin.js';
import { newAdmin, newLearner } from '../../support/fixtures/identity.js';
import { withoutNow } from '../../support/fixtures/sittings.js';

describe('level exam', () => {
  const api = useApi();
  const start = (token: string) => api.request('POST', '/api/v1/exams/level/start', { token });

  it('refuses a learner who is not admitted yet with 409 not_eligible and the eligibility report', async () => {
    const learner = await newLearner(api);
    const response = await start(learner.token);
    expect(response.status).to.equal(409);
    expect(response.body.code).to.equal('not_eligible');
    expect(response.body.eligibility).to.include({
      content_assigned: false,
      eligible: false,
      level_exam_passed: false,
    });
  });

  it('assembles 20 distinct questions from the weakest modules (6/6/6 then 1/1 overflow) and resumes the same attempt in the same order', async () => {
    const learner = await newLearner(api);
    await completeContent(api, learner.id);
    const first = await start(learner.token);
    expect(first.status).to.equal(201);
    expect(first.body).to.include({ attempt_no: 1, total_q: 20, pass_score: 15 });
    const ids = first.body.questions.map((q: { id: number }) => q.id);
    expect(new Set(ids).size).to.equal(20);
    expect(first.text).not.to.match(/correct/);
    // No evidence yet: every module weighs 0.5 under error_rate, so the lowest ids are the weak ones.
    const modules = (
      await api.db.pool.query<{ id: number }>(
        "SELECT m.id FROM modules m JOIN tracks t ON t.id = m.track_id WHERE t.name = 'default' ORDER BY m.id",
      )
    ).rows.map((r) => r.id);
    const perModule = modules.map(
      (id) => first.body.questions.filter((q: { module_id: number }) => q.module_id === id).length,
    );
    expect(perModule).to.deep.equal([6, 6, 6, 1, 1]);

    const resumed = await start(learner.token);
    expect(resumed.status).to.equal(200);
    expect(withoutNow(resumed.body)).to.deep.equal(withoutNow(first.body));
  });

  it('scores a FAIL without moving the learner, then a retry prefers questions not seen before', async () => {
    const learner = await newLearner(api);
    await completeContent(api, learner.id);
    const failed = await takeExam(api, learner.token, '/api/v1/exams/level', 14);
    expect(failed.result).to.include({ score_total: 14, total_q: 20, pass_score: 15, passed: false });
    expect(failed.result.progress).to.deep.equal({
      action: 'none',
      from_stage_id: failed.result.progress.from_stage_id,
      to_stage_id: null,
    });
    const stats = failed.result.module_stats as { module_id: number; correct_cnt: number; total_cnt: number }[];
    expect(stats.reduce((sum, s) => sum + s.total_cnt, 0)).to.equal(20);
    expect(stats.reduce((sum, s) => sum + s.correct_cnt, 0)).to.equal(14);
    expect((await currentStageOf(api, learner.id))!.status).to.equal('active');

    const retry = await start(learner.token);
    expect(retry.status).to.equal(201);
    expect(retry.body.attempt_no).to.equal(2);
    const before = new Set(failed.started.questions.map((q: { id: number }) => q.id));
    // 36 questions per module leave enough unseen ones for every module of the second attempt.
    expect(retry.body.questions.filter((q: { id: number }) => before.has(q.id))).to.deep.equal([]);
  });

  it('scores an attempt once: a second submit is 409 attempt_already_submitted', async () => {
    const learner = await newLearner(api);
    await completeContent(api, learner.id);
    const { started } = await takeExam(api, learner.token, '/api/v1/exams/level', 3);
    const again = await api.request('POST', `/api/v1/exams/level/${started.attempt_id}/submit`, {
      token: learner.token,
      body: await answerSheet(api, started.questions, 20),
    });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('attempt_already_submitted');
  });

  it('refuses an incomplete or foreign answer sheet with 422 answers_invalid, one item per problem, and stores nothing', async () => {
    const learner = await newLearner(api);
    await completeContent(api, learner.id);
    const started = (await start(learner.token)).body;
    const sheet = await answerSheet(api, started.questions, 20);
    const otherQuestionsOption = sheet.answers[1]!.selected_option_id;
    const broken = {
      answers: [
        sheet.answers[0]!,
        sheet.answers[0]!, // duplicate
        // an option of another question
        { question_id: sheet.answers[2]!.question_id, selected_option_id: otherQuestionsOption },
        { question_id: 987654321, selected_option_id: 1 }, // not in the attempt
        ...sheet.answers.slice(3, 19), // the last one is missing, and so is answers[1]
      ],
    };
    const response = await api.request('POST', `/api/v1/exams/level/${started.attempt_id}/submit`, {
      token: learner.token,
      body: broken,
    });
    expect(response.status).to.equal(422);
    expect(response.body.code).to.equal('answers_invalid');
    const codes = (response.body.errors as { code: string }[]).map((e) => e.code).sort();
    expect(codes).to.deep.equal([
      'duplicate_answer',
      'missing_answer',
      'missing_answer',
      'option_not_of_question',
      'unknown_question',
    ]);
    const stored = await api.db.pool.query(
      'SELECT count(*)::int AS n FROM level_exam_attempt_answers WHERE attempt_id = $1',
      [started.attempt_id],
    );
    expect(stored.rows[0].n).to.equal(0);
    expect((await start(learner.token)).status).to.equal(200);
  });

  it("answers 404 for another learner's attempt and for an unknown one", async () => {
    const owner = await newLearner(api);
    const intruder = await newLearner(api);
    await completeContent(api, owner.id);
    const started = (await start(owner.token)).body;
    const sheet = await answerSheet(api, started.questions, 20);
    for (const id of [started.attempt_id, 99999999]) {
      const response = await api.request('POST', `/api/v1/exams/level/${id}/submit`, {
        token: intruder.token,
        body: sheet,
      });
      expect(response.status).to.equal(404);
      expect(response.body.code).to.equal('not_found');
    }
  });

  it('lists attempts of every stage, newest first', async () => {
    const learner = await newLearner(api);
    await completeContent(api, learner.id);
    await takeExam(api, learner.token, '/api/v1/exams/level', 2);
    await takeExam(api, learner.token, '/api/v1/exams/level', 4);
    await start(learner.token);
    const list = await api.request('GET', '/api/v1/exams/level/attempts', { token: learner.token });
    expect(list.status).to.equal(200);
    expect(
      list.body.map((a: { attempt_no: number; score_total: number | null; submitted_at: string | null }) => [
        a.attempt_no,
        a.score_total,
        a.submitted_at === null,
      ]),
    ).to.deep.equal([
      [3, null, true],
      [2, 4, false],
      [1, 2, false],
    ]);
  });

  describe('progression on PASS', () => {
    it('trainee 0: the stage waits for approval and a rank_transition request to junior 1 appears', async () => {
      const learner = await newLearner(api);
      await completeContent(api, learner.id);
      const trainee = await currentStageOf(api, learner.id);
      const { result } = await takeExam(api, learner.token, '/api/v1/exams/level', 'all');
      const junior1 = (
        await api.db.pool.query(
          "SELECT s.id FROM stages s JOIN tracks t ON t.id = s.track_id WHERE t.name = 'default' AND s.rank = 'junior' AND s.level = 1",
        )
      ).rows[0].id;
      expect(result).to.include({ passed: true, score_total: 20 });
      expect(result.progress).to.deep.equal({
        action: 'pending_approval',
        from_stage_id: trainee!.stage_id,
        to_stage_id: junior1,
      });
      expect((await currentStageOf(api, learner.id))!.status).to.equal('pending_approval');
      const mine = await api.request('GET', '/api/v1/approvals/my', { token: learner.token });
      expect(mine.body).to.have.length(1);
      expect(mine.body[0]).to.include({
        type: 'rank_transition',
        status: 'pending',
        from_stage_id: trainee!.stage_id,
        to_stage_id: junior1,
      });
      expect(mine.body[0].comment).to.match(/Trainee 0 level exam PASS/);

      const after = await start(learner.token);
      expect(after.status).to.equal(409);
      expect(after.body.code).to.equal('exam_already_passed');
    });

    it('levels 1-2 advance at once, pinning the next stage to the track version active at that moment', async () => {
      const learner = await newLearner(api);
      await placeOnStage(api, learner.id, 'junior', 1);
      await completeContent(api, learner.id);
      const before = await currentStageOf(api, learner.id);
      // Publish a new settings version while the learner is on junior 1.
      const newVersion = await publishSettingsVersion(api, await newAdmin(api), 'default');
      expect(newVersion.previous).to.equal(before!.settings_version_id);

      const { result } = await takeExam(api, learner.token, '/api/v1/exams/level', 'all');
      const after = await currentStageOf(api, learner.id);
      expect(result.progress).to.deep.equal({
        action: 'auto_advanced',
        from_stage_id: before!.stage_id,
        to_stage_id: after!.stage_id,
      });
      expect(after).to.include({
        rank: 'junior',
        level: 2,
        status: 'active',
        settings_version_id: newVersion.next,
      });
      const old = await api.db.pool.query(
        'SELECT status FROM user_stage_progress WHERE user_id = $1 AND stage_id = $2',
        [learner.id, before!.stage_id],
      );
      expect(old.rows[0].status).to.equal('completed');
    });

    it('level 3 unlocks the rank final and the stage stays active', async () => {
      const learner = await newLearner(api);
      await placeOnStage(api, learner.id, 'middle', 3);
      await completeContent(api, learner.id);
      const { result } = await takeExam(api, learner.token, '/api/v1/exams/level', 'all');
      expect(result.progress.action).to.equal('rank_final_required');
      expect(result.progress.to_stage_id).to.equal(null);
      expect(await currentStageOf(api, learner.id)).to.include({ rank: 'middle', level: 3, status: 'active' });
    });
  });

  describe('races', () => {
    it('30 concurrent starts leave exactly one open attempt; every answer shows it', async () => {
      const learner = await newLearner(api);
      await completeContent(api, learner.id);
      const responses = await Promise.all(Array.from({ length: 30 }, () => start(learner.token)));
      expect(responses.filter((r) => r.status === 201)).to.have.length(1);
      expect(responses.filter((r) => r.status === 200)).to.have.length(29);
      expect(new Set(responses.map((r) => r.body.attempt_id)).size).to.equal(1);
      const open = await api.db.pool.query('SELECT count(*)::int AS n FROM level_exam_attempts WHERE user_id = $1', [
        learner.id,
      ]);
      expect(open.rows[0].n).to.equal(1);
    });

    it('30 concurrent passing submits of one attempt score it once and move the learner once', async () => {
      const learner = await newLearner(api);
      await completeContent(api, learner.id);
      const started = (await start(learner.token)).body;
      const sheet = await answerSheet(api, started.questions, 20);
      const responses = await Promise.all(
        Array.from({ length: 30 }, () =>
          api.request('POST', `/api/v1/exams/level/${started.attempt_id}/submit`, {
            token: learner.token,
            body: sheet,
          }),
        ),
      );
      expect(responses.filter((r) => r.status === 200)).to.have.length(1);
      expect(
        responses.filter((r) => r.status === 409).every((r) => r.body.code === 'attempt_already_submitted'),
      ).to.equal(true);
      expect(responses.filter((r) => r.status === 409)).to.have.length(29);
      const counts = await api.db.pool.query(
        `SELECT (SELECT count(*)::int FROM level_exam_attempt_answers WHERE attempt_id = $2) AS answers,
                (SELECT count(*)::int FROM approval_requests WHERE user_id = $1) AS requests`,
        [learner.id, started.attempt_id],
      );
      expect(counts.rows[0]).to.deep.equal({ answers: 20, requests: 1 });
    });
  });
});

describe('level exam with a module short of questions', () => {
  const api = useApi();

  it('answers 409 not_enough_questions naming the module, and writes nothing', async () => {
    const learner = await newLearner(api);
    await completeContent(api, learner.id);
    const weakest = (
      await api.db.pool.query<{ id: number }>(
        "SELECT m.id FROM modules m JOIN tracks t ON t.id = m.track_id WHERE t.name = 'default' ORDER BY m.id LIMIT 1",
      )
    ).rows[0]!.id;
    await api.db.pool.query(
      'UPDATE questions SET is_active = false WHERE module_id = $1 AND id NOT IN (SELECT id FROM questions WHERE module_id = $1 ORDER BY id LIMIT 5)',
      [weakest],
    );
    const response = await api.request('POST', '/api/v1/exams/level/start', { token: learner.token });
    expect(response.status).to.equal(409);
    expect(response.body.code).to.equal('not_enough_questions');
    expect(response.body.detail).to.include(String(weakest));
    const attempts = await api.db.pool.query('SELECT count(*)::int AS n FROM level_exam_attempts WHERE user_id = $1', [
      learner.id,
    ]);
    expect(attempts.rows[0].n).to.equal(0);
  });
});
