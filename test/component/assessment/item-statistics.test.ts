import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { newAdmin, newLearner, type Admin } from '../../support/fixtures/identity.js';
import { createFixtureTrack, type ServedQuestion } from '../../support/fixtures/journey.js';
import { seededRandom } from '../../../src/domain/shared/random-source.js';
import { assertInvariants } from '../../reliability/invariants.js';

/**
 * Item analysis end to end: synthetic learners of known ability take the diagnostika through the
 * API; one question of the bank is deliberately mis-keyed (its stored key is a wrong answer).
 */
describe('admin: item statistics', function () {
  this.timeout(120_000);
  const api = useApi();
  let admin: Admin;
  let moduleId: number;
  let misKeyed: number;
  let goodQuestions: number[];

  before(async () => {
    admin = await newAdmin(api);
    const track = await createFixtureTrack(api, {
      modules: 1,
      questionsPerModule: 8,
      settings: { expected_modules_count: 1, entry_total_q: 8, entry_per_module_q: 8, k_exam: 1, k_final: 1 },
    });
    moduleId = track.moduleIds[0]!;
    const questions = await api.db.pool.query<{ id: number }>(
      'SELECT id FROM questions WHERE module_id = $1 ORDER BY id',
      [moduleId],
    );
    const ids = questions.rows.map((row) => row.id);
    misKeyed = ids[0]!;
    goodQuestions = ids.slice(1);
    // The truly right answer stays at position 1, but the key says position 2.
    await api.db.pool.query(
      'UPDATE questions SET correct_option_id = (SELECT id FROM answer_options WHERE question_id = $1 AND pos = 2) WHERE id = $1',
      [misKeyed],
    );

    // 60 learners, ability θ spread evenly over [0, 1]; question j has difficulty b_j in [0.3, 0.7]. A learner
    // answers truly right with chance 1 / (1 + e^(-10 (θ - b_j))), otherwise picks a truly wrong option at random.
    // Each learner-question pair has its own seeded draw, so the outcome does not depend on the served order.
    const learners = 60;
    for (let i = 0; i < learners; i += 1) {
      const ability = i / (learners - 1);
      const learner = await newLearner(api, { track_id: track.trackId });
      const started = await api.request('POST', '/api/v1/diagnostika/start', { token: learner.token });
      expect(started.status, started.text).to.equal(201);
      const answers = (started.body.questions as ServedQuestion[]).map((question) => {
        const j = ids.indexOf(question.id);
        const random = seededRandom(1000 * i + j);
        const difficulty = 0.3 + (0.4 * j) / (ids.length - 1);
        const byPos = [...question.options].sort((a, b) => a.pos - b.pos);
        const knows = random.nextInt(1_000_000) / 1_000_000 < 1 / (1 + Math.exp(-10 * (ability - difficulty)));
        const chosen = knows ? byPos[0]! : byPos[1 + random.nextInt(byPos.length - 1)]!;
        return { question_id: question.id, selected_option_id: chosen.id };
      });
      const submitted = await api.request('POST', '/api/v1/diagnostika/submit', {
        token: learner.token,
        body: { diagnostika_id: started.body.diagnostika_id, answers },
      });
      expect(submitted.status, submitted.text).to.equal(200);
    }
  });

  const statistics = (query = '') =>
    api.request('GET', `/api/v1/admin/modules/${moduleId}/item-statistics${query}`, { token: admin.token });

  it('flags the mis-keyed question distractor_beats_key and negative_discrimination, and no good question', async () => {
    const response = await statistics();
    expect(response.status, response.text).to.equal(200);
    expect(response.body.module_id).to.equal(moduleId);
    const items = response.body.items as { question_id: number; flags: string[]; discrimination: number | null }[];
    expect(items).to.have.length(8);
    expect(items[0]!.question_id).to.equal(misKeyed);
    expect(items[0]!.flags).to.include.members(['distractor_beats_key', 'negative_discrimination']);
    for (const item of items.slice(1)) {
      expect(goodQuestions).to.include(item.question_id);
      expect(item.flags, `question ${item.question_id}`).to.deep.equal([]);
      expect(item.discrimination).to.be.greaterThan(0.15);
    }
    // unflagged items follow by discrimination ascending
    const rest = items.slice(1).map((item) => item.discrimination!);
    expect(rest).to.deep.equal([...rest].sort((a, b) => a - b));
  });

  it('counts every response and every option choice; shares add up to 1', async () => {
    const items = (await statistics()).body.items as {
      responses: number;
      facility: number;
      options: { is_correct: boolean; chosen: number; chosen_share: number }[];
    }[];
    for (const item of items) {
      expect(item.responses).to.equal(60);
      expect(item.options.reduce((sum, o) => sum + o.chosen, 0)).to.equal(60);
      expect(item.options.reduce((sum, o) => sum + o.chosen_share, 0)).to.be.closeTo(1, 1e-9);
      expect(item.facility).to.be.closeTo(item.options.find((o) => o.is_correct)!.chosen / 60, 1e-12);
    }
    await assertInvariants(api.db.pool);
  });

  it('lists only the flagged questions with flagged_only=true', async () => {
    const response = await statistics('?flagged_only=true');
    expect(response.status, response.text).to.equal(200);
    expect(response.body.items.map((item: { question_id: number }) => item.question_id)).to.deep.equal([misKeyed]);
  });

  it('gives the same statistics on the question detail', async () => {
    const listed = (await statistics()).body.items[0];
    const detail = await api.request('GET', `/api/v1/admin/questions/${misKeyed}`, { token: admin.token });
    expect(detail.status, detail.text).to.equal(200);
    const { question_id: _id, text: _text, is_active: _active, ...listedStatistics } = listed;
    expect(detail.body.statistics).to.deep.equal(listedStatistics);
  });

  it('raises no flag under item_min_responses (a fresh question has zero responses and null statistics)', async () => {
    const fresh = await api.request('POST', `/api/v1/admin/modules/${moduleId}/questions`, {
      token: admin.token,
      body: { text: 'A question nobody answered yet', options: ['a', 'b', 'c'], correct_option_pos: 1 },
    });
    expect(fresh.status, fresh.text).to.equal(201);
    const detail = await api.request('GET', `/api/v1/admin/questions/${fresh.body.id}`, { token: admin.token });
    expect(detail.body.statistics).to.deep.include({ responses: 0, facility: null, discrimination: null, flags: [] });
    expect(detail.body.statistics.options.map((o: { chosen_share: null }) => o.chosen_share)).to.deep.equal([
      null,
      null,
      null,
    ]);
  });

  it('answers 404 for an unknown module, 400 for a malformed flag and 401/403 without an admin', async () => {
    expect(
      (await api.request('GET', '/api/v1/admin/modules/999999/item-statistics', { token: admin.token })).status,
    ).to.equal(404);
    expect((await statistics('?flagged_only=maybe')).status).to.equal(400);
    expect((await api.request('GET', `/api/v1/admin/modules/${moduleId}/item-statistics`)).status).to.equal(401);
    const learner = await newLearner(api);
    expect(
      (await api.request('GET', `/api/v1/admin/modules/${moduleId}/item-statistics`, { token: learner.token })).status,
    ).to.equal(403);
  });
});
