import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { completeContent, placeOnStage, takeExam, type ExamPath } from '../../support/fixtures/exams.js';
import { newAdmin, newLearner } from '../../support/fixtures/identity.js';
import { replayAssembly, type ExamAssembly } from '../../../src/domain/exams/exam-assembly.rules.js';

interface WireAssembly {
  seed: number;
  settings_version_id: number;
  parameters: { k: number; total_q: number; min_per_module: number; max_per_module: number };
  weakness: { module_id: number; correct: number; total: number; weakness: number; rank: number }[];
  allocation: { module_id: number; count: number; reason: 'weak' | 'overflow' }[];
  window_start: number;
  candidates: { module_id: number; unseen: number[]; seen: number[]; flagged: number[] }[];
}

/** The wire assembly back into the domain's shape, as a client replaying it would. */
const fromWire = (a: WireAssembly): ExamAssembly => ({
  seed: a.seed,
  settingsVersionId: a.settings_version_id,
  parameters: {
    k: a.parameters.k,
    totalQ: a.parameters.total_q,
    minPerModule: a.parameters.min_per_module,
    maxPerModule: a.parameters.max_per_module,
  },
  weakness: a.weakness.map((w) => ({
    moduleId: w.module_id,
    correct: w.correct,
    total: w.total,
    weakness: w.weakness,
    rank: w.rank,
  })),
  allocation: a.allocation.map((x) => ({ moduleId: x.module_id, count: x.count, reason: x.reason })),
  windowStart: a.window_start,
  candidates: a.candidates.map((c) => ({ moduleId: c.module_id, unseen: c.unseen, seen: c.seen, flagged: c.flagged })),
});

describe('explainable exam assembly', function () {
  this.timeout(180_000);
  const api = useApi();

  for (const [path, label] of [
    ['/api/v1/exams/level', 'level exam'],
    ['/api/v1/exams/rank-final', 'rank final'],
  ] as [ExamPath, string][]) {
    it(`replays every stored ${label} assembly (12 retries, 12 seeds) to exactly the stored questions in their order`, async () => {
      const learner = await newLearner(api);
      if (label === 'rank final') {
        await placeOnStage(api, learner.id, 'junior', 3);
        await completeContent(api, learner.id);
        await takeExam(api, learner.token, '/api/v1/exams/level', 'all');
      } else {
        await completeContent(api, learner.id);
      }
      const seeds = new Set<number>();
      for (let round = 0; round < 12; round += 1) {
        const { started } = await takeExam(api, learner.token, path, 0);
        const attemptId = started.attempt_id as number;
        const detail = await api.request('GET', `${path}/attempts/${attemptId}`, { token: learner.token });
        expect(detail.status, detail.text).to.equal(200);
        const assembly = detail.body.assembly as WireAssembly;
        seeds.add(assembly.seed);
        const stored = await api.db.pool.query<{ question_id: number; module_id: number; pos: number }>(
          `SELECT question_id::int, module_id::int, pos FROM ${label === 'level exam' ? 'level_exam' : 'rank_final'}_attempt_questions
           WHERE attempt_id = $1 ORDER BY pos`,
          [attemptId],
        );
        const replayed = replayAssembly(fromWire(assembly));
        expect(replayed.questions.map((q) => [q.questionId, q.moduleId, q.pos])).to.deep.equal(
          stored.rows.map((q) => [q.question_id, q.module_id, q.pos]),
        );
        expect(replayed.allocation.map((a) => [a.moduleId, a.count, a.reason])).to.deep.equal(
          assembly.allocation.map((a) => [a.module_id, a.count, a.reason]),
        );
        // the weak modules are the K lowest ranks; every other allocated module is overflow
        const weak = new Set(assembly.weakness.filter((w) => w.rank <= assembly.parameters.k).map((w) => w.module_id));
        for (const a of assembly.allocation) expect(a.reason).to.equal(weak.has(a.module_id) ? 'weak' : 'overflow');
        expect(assembly.allocation.reduce((sum, a) => sum + a.count, 0)).to.equal(assembly.parameters.total_q);
      }
      expect(seeds.size).to.be.greaterThan(1);
    });
  }

  it("answers 404 for another learner's attempt and for an unknown one", async () => {
    const owner = await newLearner(api);
    await completeContent(api, owner.id);
    const { started } = await takeExam(api, owner.token, '/api/v1/exams/level', 0);
    const other = await newLearner(api);
    const foreign = await api.request('GET', `/api/v1/exams/level/attempts/${started.attempt_id}`, {
      token: other.token,
    });
    expect(foreign.status).to.equal(404);
    const unknown = await api.request('GET', '/api/v1/exams/rank-final/attempts/999999', { token: owner.token });
    expect(unknown.status).to.equal(404);

    // the admin learner detail returns the same assembly
    const own = await api.request('GET', `/api/v1/exams/level/attempts/${started.attempt_id}`, { token: owner.token });
    const admin = await newAdmin(api);
    const detail = await api.request('GET', `/api/v1/admin/users/${owner.id}`, { token: admin.token });
    expect(detail.status, detail.text).to.equal(200);
    const attempt = detail.body.attempts.find((a: { attempt_id: number }) => a.attempt_id === started.attempt_id);
    expect(attempt.assembly).to.deep.equal(own.body.assembly);
  });
});
