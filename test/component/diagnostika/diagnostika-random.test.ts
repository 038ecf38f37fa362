import { expect } from 'chai';
import { selectDiagnostikaQuestions } from '../../../src/domain/diagnostika/diagnostika-question-set.rules.js';
import { seededRandom } from '../../../src/domain/shared/random-source.js';
import { useApi } from '../../support/api.js';
import { newLearner } from '../../support/fixtures/identity.js';

describe('diagnostika with an injected RandomSource', () => {
  const SEED = 20261126;
  const api = useApi({ random: seededRandom(SEED) });

  it('draws exactly the set and order the domain rule gives for that seed (composeApp takes the injected source)', async () => {
    const learner = await newLearner(api);
    const response = await api.request('POST', '/api/v1/diagnostika/start', { token: learner.token });
    expect(response.status).to.equal(201);

    // The same pools the server reads: every module of the track with its active question ids ascending.
    const pools = await api.db.pool.query<{ module_id: number; question_ids: number[] }>(
      `SELECT m.id AS module_id, ARRAY(SELECT q.id FROM questions q WHERE q.module_id = m.id AND q.is_active ORDER BY q.id) AS question_ids
         FROM modules m JOIN users u ON u.track_id = m.track_id WHERE u.id = $1 ORDER BY m.id`,
      [learner.id],
    );
    const expected = selectDiagnostikaQuestions(
      {
        modules: pools.rows.map((r) => ({ moduleId: r.module_id, questionIds: r.question_ids })),
        perModule: 4,
        totalQ: 20,
      },
      seededRandom(SEED),
    );
    expect(
      response.body.questions.map((q: { id: number; module_id: number }) => ({
        questionId: q.id,
        moduleId: q.module_id,
      })),
    ).to.deep.equal(expected.map((q) => ({ questionId: q.questionId, moduleId: q.moduleId })));
  });
});
