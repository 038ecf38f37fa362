import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { newLearner } from '../../support/fixtures/identity.js';
import { addArticle, createFixtureTrack, takeDiagnostika } from '../../support/fixtures/journey.js';

/**
 * Content assignment on a track whose first stage is missing articles or minitests (arranged
 * with SQL): all-or-nothing, and the precise 409 for each gap.
 */
describe('POST /content/assign on an incomplete catalog', () => {
  const api = useApi();

  const assignedRows = async (userId: number) =>
    (await api.db.pool.query('SELECT count(*)::int AS n FROM user_stage_articles WHERE user_id = $1', [userId])).rows[0]
      .n;

  it('answers not_enough_articles, then minitest_not_configured, writing nothing, and assigns once the catalog is complete', async () => {
    // Two modules, K = 1 weak module, one optional per module.
    const track = await createFixtureTrack(api);
    const [first, second] = track.moduleIds as [number, number];
    const stage = track.stageIds[0]!;
    const learner = await newLearner(api, { track_id: track.trackId });
    await takeDiagnostika(api, learner.token, [second]); // the second module is the weak one

    const assign = () => api.request('POST', '/api/v1/content/assign', { token: learner.token });

    // No article at all.
    let response = await assign();
    expect(response.status).to.equal(409);
    expect(response.body.code).to.equal('not_enough_articles');

    // Optional articles for the first module only: still short (the second module has none).
    await addArticle(api, { trackId: track.trackId, moduleId: first, stageId: stage, kind: 'optional' });
    response = await assign();
    expect(response.body.code).to.equal('not_enough_articles');
    expect(await assignedRows(learner.id)).to.equal(0);

    // Every module has its optional; the weak module has no required article yet.
    await addArticle(api, { trackId: track.trackId, moduleId: second, stageId: stage, kind: 'optional' });
    await addArticle(api, { trackId: track.trackId, moduleId: first, stageId: stage, kind: 'required' }); // not the weak module
    response = await assign();
    expect(response.body.code).to.equal('not_enough_articles');
    expect(response.body.detail).to.include(`module ${second}`);
    expect(await assignedRows(learner.id)).to.equal(0);

    // The weak module's first required article has only 2 minitest questions.
    const unconfigured = await addArticle(api, {
      trackId: track.trackId,
      moduleId: second,
      stageId: stage,
      kind: 'required',
      position: 1,
      minitestQuestions: 2,
    });
    response = await assign();
    expect(response.status).to.equal(409);
    expect(response.body.code).to.equal('minitest_not_configured');
    expect(response.body.detail).to.include(`${unconfigured}`);
    expect(await assignedRows(learner.id)).to.equal(0);

    // Complete the minitest: now the assignment succeeds, with the weak module's required article.
    await api.db.pool.query(
      `INSERT INTO article_minitest_questions (article_id, pos, question_id, module_id)
       SELECT $1, 3, q.id, q.module_id FROM questions q
       WHERE q.module_id = $2 AND q.id NOT IN (SELECT question_id FROM article_minitest_questions WHERE article_id = $1)
       ORDER BY q.id LIMIT 1`,
      [unconfigured, second],
    );
    response = await assign();
    expect(response.status).to.equal(201);
    expect(response.body).to.deep.equal({
      stage_id: stage,
      assigned_optional: 2,
      assigned_required: 1,
      weak_module_ids: [second],
    });
    const mine = await api.request('GET', '/api/v1/content/my', { token: learner.token });
    expect(
      mine.body.filter((a: { kind: string }) => a.kind === 'required').map((a: { article_id: number }) => a.article_id),
    ).to.deep.equal([unconfigured]);
  });

  it('assigns nothing optional when content_optional_per_module is 0 and still one required per weak module', async () => {
    const track = await createFixtureTrack(api, {
      settings: { content_optional_per_module: 0, content_k_weak_modules: 2 },
    });
    const stage = track.stageIds[0]!;
    for (const moduleId of track.moduleIds)
      await addArticle(api, { trackId: track.trackId, moduleId, stageId: stage, kind: 'required' });
    const learner = await newLearner(api, { track_id: track.trackId });
    await takeDiagnostika(api, learner.token);
    const response = await api.request('POST', '/api/v1/content/assign', { token: learner.token });
    expect(response.status).to.equal(201);
    expect(response.body).to.deep.equal({
      stage_id: stage,
      assigned_optional: 0,
      assigned_required: 2,
      weak_module_ids: track.moduleIds,
    });
  });
});
