import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { newLearner } from '../../support/fixtures/identity.js';
import { createFixtureTrack } from '../../support/fixtures/journey.js';

/** Marks questions too_easy in the item statistics: 10 responses, all correct (stripe rows written directly). */
async function flag(api: ReturnType<typeof useApi>, questionIds: readonly number[]): Promise<void> {
  await api.db.pool.query(
    `INSERT INTO item_statistic_stripes (question_id, shard, responses, sum_correct, sum_rest, sum_rest_squared, sum_correct_rest)
     SELECT id, 0, 10, 10, 5, 2.5, 5 FROM unnest($1::bigint[]) AS id`,
    [questionIds],
  );
}

describe('diagnostika assembly and flagged questions', function () {
  this.timeout(120_000);
  const api = useApi();

  /** 2 modules × 6 questions, a 4-question diagnostika (2 per module); the first `flaggedPerModule` of each flagged. */
  const arrange = async (flaggedPerModule: number, excludeFlaggedItems: 0 | 1) => {
    const track = await createFixtureTrack(api, {
      modules: 2,
      questionsPerModule: 6,
      settings: { exclude_flagged_items: excludeFlaggedItems, item_min_responses: 5 },
    });
    const flagged: number[] = [];
    for (const moduleId of track.moduleIds) {
      const ids = (
        await api.db.pool.query<{ id: number }>('SELECT id FROM questions WHERE module_id = $1 ORDER BY id', [moduleId])
      ).rows.map((row) => Number(row.id));
      flagged.push(...ids.slice(0, flaggedPerModule));
    }
    await flag(api, flagged);
    return { track, flagged: new Set(flagged) };
  };

  const startFor = async (trackId: number): Promise<{ id: number; module_id: number }[]> => {
    const learner = await newLearner(api, { track_id: trackId });
    const started = await api.request('POST', '/api/v1/diagnostika/start', { token: learner.token });
    expect(started.status, started.text).to.equal(201);
    return started.body.questions;
  };

  it('with exclude_flagged_items = 1 draws only unflagged questions while they suffice', async () => {
    // 4 of 6 flagged per module: a blind draw of 2 from 6 misses all flagged ones with chance 1/15 per module
    const { track, flagged } = await arrange(4, 1);
    for (let learner = 0; learner < 6; learner += 1) {
      const questions = await startFor(track.trackId);
      expect(questions).to.have.length(4);
      expect(questions.filter((q) => flagged.has(q.id)).map((q) => q.id)).to.deep.equal([]);
    }
  });

  it('with exclude_flagged_items = 0 flagged questions are drawn like any other', async () => {
    const { track, flagged } = await arrange(4, 0);
    let flaggedDrawn = 0;
    for (let learner = 0; learner < 6; learner += 1) {
      flaggedDrawn += (await startFor(track.trackId)).filter((q) => flagged.has(q.id)).length;
    }
    // 24 draws, each flagged with chance 2/3: none flagged has probability (1/15)^12
    expect(flaggedDrawn).to.be.greaterThan(0);
  });

  it('falls back on flagged questions, module by module, before answering not_enough_questions', async () => {
    // 5 of 6 flagged per module: each module's one unflagged question is in, a flagged one fills its second turn
    const { track, flagged } = await arrange(5, 1);
    const unflagged = (
      await api.db.pool.query<{ id: number }>(
        'SELECT q.id FROM questions q WHERE q.module_id = ANY($1) AND NOT q.id = ANY($2)',
        [track.moduleIds, [...flagged]],
      )
    ).rows.map((row) => Number(row.id));
    expect(unflagged).to.have.length(2);
    const questions = await startFor(track.trackId);
    expect(questions).to.have.length(4);
    expect(questions.map((q) => q.id)).to.include.members(unflagged);
    for (const moduleId of track.moduleIds) {
      expect(questions.filter((q) => q.module_id === moduleId)).to.have.length(2);
    }
  });

  it('a fully flagged bank still serves the diagnostika', async () => {
    const { track } = await arrange(6, 1);
    expect(await startFor(track.trackId)).to.have.length(4);
  });
});
