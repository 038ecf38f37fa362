import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { completeContent, currentStageOf, placeOnStage, takeExam } from '../../support/fixtures/exams.js';
import { newLearner } from '../../support/fixtures/identity.js';

describe('rank final', () => {
  const api = useApi();
  const start = (token: string) => api.request('POST', '/api/v1/exams/rank-final/start', { token });

  it('is not available below level 3', async () => {
    const learner = await newLearner(api);
    await placeOnStage(api, learner.id, 'junior', 2);
    await completeContent(api, learner.id);
    const response = await start(learner.token);
    expect(response.status).to.equal(409);
    expect(response.body.code).to.equal('rank_final_not_available');
  });

  it('opens on level 3 only after the level exam PASS, with the rank-final settings (40 questions, pass 30)', async () => {
    const learner = await newLearner(api);
    await placeOnStage(api, learner.id, 'junior', 3);
    await completeContent(api, learner.id);
    const early = await start(learner.token);
    expect(early.status).to.equal(409);
    expect(early.body.code).to.equal('rank_final_not_available');

    await takeExam(api, learner.token, '/api/v1/exams/level', 'all');
    const opened = await start(learner.token);
    expect(opened.status).to.equal(201);
    expect(opened.body).to.include({ attempt_no: 1, total_q: 40, pass_score: 30 });
    const perModule = new Map<number, number>();
    for (const q of opened.body.questions as { module_id: number }[])
      perModule.set(q.module_id, (perModule.get(q.module_id) ?? 0) + 1);
    // T=40, K=3, min 6, max 12 → 12/12/12 on the weak modules, 2/2 overflow.
    expect([...perModule.values()].sort((a, b) => b - a)).to.deep.equal([12, 12, 12, 2, 2]);
  });

  it('a FAIL leaves the stage active; a PASS at junior 3 asks for the transition to middle 1', async () => {
    const learner = await newLearner(api);
    const junior3 = await placeOnStage(api, learner.id, 'junior', 3);
    await completeContent(api, learner.id);
    await takeExam(api, learner.token, '/api/v1/exams/level', 'all');
    const failed = await takeExam(api, learner.token, '/api/v1/exams/rank-final', 29);
    expect(failed.result).to.include({ passed: false, score_total: 29, total_q: 40, pass_score: 30 });
    expect(failed.result.progress.action).to.equal('none');

    const passed = await takeExam(api, learner.token, '/api/v1/exams/rank-final', 'all');
    expect(passed.started.attempt_no).to.equal(2);
    const middle1 = (
      await api.db.pool.query(
        "SELECT s.id FROM stages s JOIN tracks t ON t.id = s.track_id WHERE t.name = 'default' AND s.rank = 'middle' AND s.level = 1",
      )
    ).rows[0].id;
    expect(passed.result.progress).to.deep.equal({
      action: 'pending_approval',
      from_stage_id: junior3,
      to_stage_id: middle1,
    });
    expect(await currentStageOf(api, learner.id)).to.include({ rank: 'junior', level: 3, status: 'pending_approval' });
    const again = await start(learner.token);
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('exam_already_passed');
    const attempts = await api.request('GET', '/api/v1/exams/rank-final/attempts', { token: learner.token });
    expect(attempts.body.map((a: { passed: boolean }) => a.passed)).to.deep.equal([true, false]);
  });

  it('a PASS at senior 3 asks for graduation', async () => {
    const learner = await newLearner(api);
    const senior3 = await placeOnStage(api, learner.id, 'senior', 3);
    await completeContent(api, learner.id);
    await takeExam(api, learner.token, '/api/v1/exams/level', 'all');
    const { result } = await takeExam(api, learner.token, '/api/v1/exams/rank-final', 'all');
    expect(result.progress).to.deep.equal({ action: 'pending_approval', from_stage_id: senior3, to_stage_id: null });
    const mine = await api.request('GET', '/api/v1/approvals/my', { token: learner.token });
    expect(mine.body[0]).to.include({
      type: 'graduation',
      status: 'pending',
      from_stage_id: senior3,
      to_stage_id: null,
    });
  });
});
