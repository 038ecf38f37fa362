import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { newLearner } from '../../support/fixtures/identity.js';
import {
  addArticle,
  completeReadingList,
  createFixtureTrack,
  takeDiagnostika,
} from '../../support/fixtures/journey.js';

/** Marks questions too_easy in the item statistics: 10 responses, all correct (stripe rows written directly). */
async function flag(api: ReturnType<typeof useApi>, questionIds: readonly number[]): Promise<void> {
  await api.db.pool.query(
    `INSERT INTO item_statistic_stripes (question_id, shard, responses, sum_correct, sum_rest, sum_rest_squared, sum_correct_rest)
     SELECT id, 0, 10, 10, 5, 2.5, 5 FROM unnest($1::bigint[]) AS id`,
    [questionIds],
  );
}

describe('exam assembly with exclude_flagged_items = 1', function () {
  this.timeout(120_000);
  const api = useApi();

  const arrange = async (flaggedPerModule: number) => {
    const track = await createFixtureTrack(api, {
      modules: 2,
      questionsPerModule: 6,
      settings: { exclude_flagged_items: 1, item_min_responses: 5 },
    });
    const flagged: number[] = [];
    for (const moduleId of track.moduleIds) {
      const ids = (
        await api.db.pool.query<{ id: number }>('SELECT id FROM questions WHERE module_id = $1 ORDER BY id', [moduleId])
      ).rows.map((row) => Number(row.id));
      flagged.push(...ids.slice(0, flaggedPerModule));
    }
    await flag(api, flagged);
    const learner = await newLearner(api, { track_id: track.trackId });
    await takeDiagnostika(api, learner.token);
    for (const moduleId of track.moduleIds) {
      await addArticle(api, { trackId: track.trackId, moduleId, stageId: track.stageIds[0]!, kind: 'optional' });
      await addArticle(api, {
        trackId: track.trackId,
        moduleId,
        stageId: track.stageIds[0]!,
        kind: 'required',
        minitestQuestions: 3,
      });
    }
    const assigned = await api.request('POST', '/api/v1/content/assign', { token: learner.token });
    expect(assigned.status, assigned.text).to.equal(201);
    await completeReadingList(api, learner.token);
    return { learner, flagged: new Set(flagged) };
  };

  it('draws only unflagged questions while the unflagged ones suffice', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { learner, flagged } = await arrange(3);
      const started = await api.request('POST', '/api/v1/exams/level/start', { token: learner.token });
      expect(started.status, started.text).to.equal(201);
      const ids = started.body.questions.map((q: { id: number }) => q.id);
      expect(ids).to.have.length(4);
      expect(ids.filter((id: number) => flagged.has(id))).to.deep.equal([]);
      const detail = await api.request('GET', `/api/v1/exams/level/attempts/${started.body.attempt_id}`, {
        token: learner.token,
      });
      const marked = detail.body.assembly.candidates.flatMap((c: { flagged: number[] }) => c.flagged);
      expect(marked.length).to.be.greaterThan(0);
      for (const id of marked) expect(flagged.has(id)).to.equal(true);
    }
  });

  it('falls back on flagged questions before answering not_enough_questions', async () => {
    const { learner, flagged } = await arrange(5);
    const started = await api.request('POST', '/api/v1/exams/level/start', { token: learner.token });
    expect(started.status, started.text).to.equal(201);
    const ids: number[] = started.body.questions.map((q: { id: number }) => q.id);
    expect(ids).to.have.length(4);
    // each module has one unflagged question: every unflagged candidate read is in, flagged ones fill the rest
    const detail = await api.request('GET', `/api/v1/exams/level/attempts/${started.body.attempt_id}`, {
      token: learner.token,
    });
    const unflaggedRead = detail.body.assembly.candidates
      .flatMap((c: { unseen: number[] }) => c.unseen)
      .filter((id: number) => !flagged.has(id));
    expect(unflaggedRead.length).to.be.at.least(1);
    expect(ids).to.include.members(unflaggedRead);
    expect(ids.filter((id) => flagged.has(id)).length).to.equal(4 - unflaggedRead.length);
  });
});
