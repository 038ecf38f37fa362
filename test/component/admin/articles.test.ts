import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import {
  auditOf,
  createQuestion,
  createTrackWithModules,
  uniqueName,
  type TrackBody,
} from '../../support/fixtures/admin.js';
import { newAdmin, type Admin } from '../../support/fixtures/identity.js';

describe('admin: articles and minitests', () => {
  const api = useApi();
  let admin: Admin;
  let track: TrackBody;

  before(async () => {
    admin = await newAdmin(api);
    track = await createTrackWithModules(api, admin, 2);
  });

  const trainee = () => track.stages[0]!.id;
  const junior1 = () => track.stages[1]!.id;
  const moduleA = () => track.modules[0]!.id;
  const moduleB = () => track.modules[1]!.id;

  const createArticle = async (overrides: Record<string, unknown> = {}) => {
    const response = await api.request('POST', '/api/v1/admin/articles', {
      token: admin.token,
      body: {
        module_id: moduleA(),
        stage_id: trainee(),
        kind: 'required',
        title: 'Lists in depth',
        content_ref: uniqueName('ref'),
        ...overrides,
      },
    });
    expect(response.status, response.text).to.equal(201);
    return response.body;
  };

  it("creates an article on a stage of the module's own track (active, position 1, empty body by default)", async () => {
    const ref = uniqueName('python/trainee/lists');
    const response = await api.request('POST', '/api/v1/admin/articles', {
      token: admin.token,
      body: { module_id: moduleA(), stage_id: trainee(), kind: 'optional', title: ' Lists ', content_ref: ` ${ref} ` },
    });
    expect(response.status).to.equal(201);
    expect(response.body).to.deep.equal({
      id: response.body.id,
      track_id: track.id,
      module_id: moduleA(),
      stage_id: trainee(),
      kind: 'optional',
      position: 1,
      title: 'Lists',
      content_ref: ref,
      body: '',
      is_active: true,
      created_at: response.body.created_at,
      minitest_question_ids: [],
    });
    expect(
      (await api.request('GET', `/api/v1/admin/articles/${response.body.id}`, { token: admin.token })).body,
    ).to.deep.equal(response.body);
    expect(
      (await auditOf(api, admin, 'article', response.body.id)).map((entry) => [entry.action, entry.details]),
    ).to.deep.equal([
      ['article.create', { module_id: moduleA(), stage_id: trainee(), kind: 'optional', content_ref: ref }],
    ]);
  });

  it('refuses a taken content_ref (409 name_taken), an unknown module (404), a stage of another track (404) and a blank title (400)', async () => {
    const existing = await createArticle();
    const taken = await api.request('POST', '/api/v1/admin/articles', {
      token: admin.token,
      body: {
        module_id: moduleA(),
        stage_id: trainee(),
        kind: 'optional',
        title: 't',
        content_ref: existing.content_ref,
      },
    });
    expect(taken.status).to.equal(409);
    expect(taken.body.code).to.equal('name_taken');
    const noModule = await api.request('POST', '/api/v1/admin/articles', {
      token: admin.token,
      body: { module_id: 99999999, stage_id: trainee(), kind: 'optional', title: 't', content_ref: uniqueName('r') },
    });
    expect(noModule.status).to.equal(404);
    const other = await createTrackWithModules(api, admin, 1);
    const foreignStage = await api.request('POST', '/api/v1/admin/articles', {
      token: admin.token,
      body: {
        module_id: moduleA(),
        stage_id: other.stages[0]!.id,
        kind: 'optional',
        title: 't',
        content_ref: uniqueName('r'),
      },
    });
    expect(foreignStage.status).to.equal(404);
    expect(foreignStage.body.detail).to.match(/Stage \d+ on the module's track not found/);
    const blank = await api.request('POST', '/api/v1/admin/articles', {
      token: admin.token,
      body: { module_id: moduleA(), stage_id: trainee(), kind: 'optional', title: ' ', content_ref: uniqueName('r') },
    });
    expect(blank.status).to.equal(400);
    const badKind = await api.request('POST', '/api/v1/admin/articles', {
      token: admin.token,
      body: { module_id: moduleA(), stage_id: trainee(), kind: 'mandatory', title: 't', content_ref: uniqueName('r') },
    });
    expect(badKind.status).to.equal(400);
  });

  it('lists articles filtered by track, stage, module and kind, paged by id', async () => {
    const own = await createTrackWithModules(api, admin, 2);
    const [m1, m2] = own.modules.map((m) => m.id);
    const [s1, s2] = own.stages.map((s) => s.id);
    const make = async (module_id: number, stage_id: number, kind: string) =>
      (
        await api.request('POST', '/api/v1/admin/articles', {
          token: admin.token,
          body: { module_id, stage_id, kind, title: 't', content_ref: uniqueName('r') },
        })
      ).body.id as number;
    const a = await make(m1!, s1!, 'required');
    const b = await make(m1!, s1!, 'optional');
    const c = await make(m2!, s1!, 'optional');
    const d = await make(m1!, s2!, 'optional');
    const ids = async (query: string) =>
      (await api.request('GET', `/api/v1/admin/articles?${query}`, { token: admin.token })).body.items.map(
        (item: { id: number }) => item.id,
      );
    expect(await ids(`track_id=${own.id}`)).to.deep.equal([a, b, c, d]);
    expect(await ids(`track_id=${own.id}&stage_id=${s1}`)).to.deep.equal([a, b, c]);
    expect(await ids(`module_id=${m1}`)).to.deep.equal([a, b, d]);
    expect(await ids(`module_id=${m1}&kind=optional`)).to.deep.equal([b, d]);
    expect(await ids(`stage_id=${s1}&module_id=${m1}&kind=required`)).to.deep.equal([a]);
    const first = await api.request('GET', `/api/v1/admin/articles?track_id=${own.id}&limit=3`, { token: admin.token });
    expect(first.body.items.map((item: { id: number }) => item.id)).to.deep.equal([a, b, c]);
    const second = await api.request(
      'GET',
      `/api/v1/admin/articles?track_id=${own.id}&limit=3&cursor=${first.body.next_cursor}`,
      { token: admin.token },
    );
    expect(second.body).to.deep.equal({ items: [second.body.items[0]], next_cursor: null });
    expect(second.body.items[0].id).to.equal(d);
    expect((await api.request('GET', '/api/v1/admin/articles?kind=mandatory', { token: admin.token })).status).to.equal(
      400,
    );
  });

  it('edits title, content_ref, body and position, and deactivates; module, stage and kind cannot change', async () => {
    const article = await createArticle({ kind: 'optional' });
    const ref = uniqueName('renamed');
    const edited = await api.request('PATCH', `/api/v1/admin/articles/${article.id}`, {
      token: admin.token,
      body: { title: 'New title', content_ref: ref, body: '# Body', position: 4, is_active: false },
    });
    expect(edited.status).to.equal(200);
    expect(edited.body).to.deep.equal({
      ...article,
      title: 'New title',
      content_ref: ref,
      body: '# Body',
      position: 4,
      is_active: false,
    });
    const partial = await api.request('PATCH', `/api/v1/admin/articles/${article.id}`, {
      token: admin.token,
      body: { is_active: true },
    });
    expect(partial.body).to.deep.equal({ ...edited.body, is_active: true });
    for (const body of [{ kind: 'required' }, { stage_id: junior1() }, { module_id: moduleB() }, {}]) {
      const refused = await api.request('PATCH', `/api/v1/admin/articles/${article.id}`, { token: admin.token, body });
      expect(refused.status, JSON.stringify(body)).to.equal(400);
    }
    const other = await createArticle();
    const clash = await api.request('PATCH', `/api/v1/admin/articles/${article.id}`, {
      token: admin.token,
      body: { content_ref: other.content_ref },
    });
    expect(clash.status).to.equal(409);
    expect(clash.body.code).to.equal('name_taken');
    expect(
      (await api.request('PATCH', '/api/v1/admin/articles/99999999', { token: admin.token, body: { title: 'x' } }))
        .status,
    ).to.equal(404);
    expect((await api.request('GET', '/api/v1/admin/articles/99999999', { token: admin.token })).status).to.equal(404);
    expect(
      (await auditOf(api, admin, 'article', article.id)).map((entry) => [entry.action, entry.details]),
    ).to.deep.equal([
      ['article.update', { fields: ['is_active'] }],
      ['article.update', { fields: ['body', 'content_ref', 'is_active', 'position', 'title'] }],
      [
        'article.create',
        { module_id: moduleA(), stage_id: trainee(), kind: 'optional', content_ref: article.content_ref },
      ],
    ]);
  });

  it('sets and replaces the minitest of a required article with 3 active questions of its module, in order', async () => {
    const article = await createArticle();
    const [q1, q2, q3, q4] = [
      await createQuestion(api, admin, moduleA()),
      await createQuestion(api, admin, moduleA()),
      await createQuestion(api, admin, moduleA()),
      await createQuestion(api, admin, moduleA()),
    ];
    const set = await api.request('PUT', `/api/v1/admin/articles/${article.id}/minitest`, {
      token: admin.token,
      body: { question_ids: [q3!.id, q1!.id, q2!.id] },
    });
    expect(set.status).to.equal(200);
    expect(set.body).to.deep.equal({ ...article, minitest_question_ids: [q3!.id, q1!.id, q2!.id] });
    const replaced = await api.request('PUT', `/api/v1/admin/articles/${article.id}/minitest`, {
      token: admin.token,
      body: { question_ids: [q4!.id, q2!.id, q1!.id] },
    });
    expect(replaced.body.minitest_question_ids).to.deep.equal([q4!.id, q2!.id, q1!.id]);
    expect(
      (await api.request('GET', `/api/v1/admin/questions/${q3!.id}`, { token: admin.token })).body.usage.minitests,
    ).to.equal(0);
    expect(
      (await api.request('GET', `/api/v1/admin/questions/${q4!.id}`, { token: admin.token })).body.usage.minitests,
    ).to.equal(1);
    expect((await auditOf(api, admin, 'article', article.id))[0]).to.deep.include({
      action: 'article.set_minitest',
      details: { question_ids: [q4!.id, q2!.id, q1!.id] },
    });
  });

  it('refuses a minitest that breaks the rules with 422 minitest_invalid listing every problem, and keeps the previous one', async () => {
    const article = await createArticle();
    const [q1, q2, q3] = [
      await createQuestion(api, admin, moduleA()),
      await createQuestion(api, admin, moduleA()),
      await createQuestion(api, admin, moduleA()),
    ];
    await api.request('PUT', `/api/v1/admin/articles/${article.id}/minitest`, {
      token: admin.token,
      body: { question_ids: [q1!.id, q2!.id, q3!.id] },
    });
    const inactive = await createQuestion(api, admin, moduleA());
    await api.request('PATCH', `/api/v1/admin/questions/${inactive.id}`, {
      token: admin.token,
      body: { is_active: false },
    });
    const foreign = await createQuestion(api, admin, moduleB());

    const response = await api.request('PUT', `/api/v1/admin/articles/${article.id}/minitest`, {
      token: admin.token,
      body: { question_ids: [q1!.id, q1!.id, inactive.id, foreign.id, 99999999] },
    });
    expect(response.status).to.equal(422);
    expect(response.body.code).to.equal('minitest_invalid');
    expect(response.body.errors).to.deep.equal([
      { code: 'question_count', message: 'a minitest has exactly 3 questions, got 5', path: '/body/question_ids' },
      { code: 'duplicate_question', message: `question ${q1!.id} is listed twice`, path: '/body/question_ids/1' },
      { code: 'question_inactive', message: `question ${inactive.id} is not active`, path: '/body/question_ids/2' },
      {
        code: 'question_of_other_module',
        message: `question ${foreign.id} belongs to module ${moduleB()}, not to the article's module ${moduleA()}`,
        path: '/body/question_ids/3',
      },
      { code: 'question_not_found', message: 'question 99999999 does not exist', path: '/body/question_ids/4' },
    ]);
    expect(
      (await api.request('GET', `/api/v1/admin/articles/${article.id}`, { token: admin.token })).body
        .minitest_question_ids,
    ).to.deep.equal([q1!.id, q2!.id, q3!.id]);

    const optional = await createArticle({ kind: 'optional' });
    const onOptional = await api.request('PUT', `/api/v1/admin/articles/${optional.id}/minitest`, {
      token: admin.token,
      body: { question_ids: [q1!.id, q2!.id, q3!.id] },
    });
    expect(onOptional.status).to.equal(422);
    expect(onOptional.body.errors).to.deep.equal([
      {
        code: 'article_not_required',
        message: `article ${optional.id} is optional; only required articles have a minitest`,
        path: '/body',
      },
    ]);
    const two = await api.request('PUT', `/api/v1/admin/articles/${article.id}/minitest`, {
      token: admin.token,
      body: { question_ids: [q1!.id, q2!.id] },
    });
    expect(two.status).to.equal(422);
    expect(
      (
        await api.request('PUT', '/api/v1/admin/articles/99999999/minitest', {
          token: admin.token,
          body: { question_ids: [q1!.id, q2!.id, q3!.id] },
        })
      ).status,
    ).to.equal(404);
  });

  it('applies 30 concurrent minitest replacements one at a time: the article ends with exactly one complete minitest', async () => {
    const article = await createArticle();
    const questions: number[] = [];
    for (let i = 0; i < 6; i++) questions.push((await createQuestion(api, admin, moduleA())).id);
    const selections = Array.from({ length: 30 }, (_, i) => [
      questions[i % 6]!,
      questions[(i + 1) % 6]!,
      questions[(i + 2) % 6]!,
    ]);
    const responses = await Promise.all(
      selections.map((question_ids) =>
        api.request('PUT', `/api/v1/admin/articles/${article.id}/minitest`, {
          token: admin.token,
          body: { question_ids },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).to.deep.equal(selections.map(() => 200));
    const rows = await api.db.pool.query(
      'SELECT pos, question_id FROM article_minitest_questions WHERE article_id = $1 ORDER BY pos',
      [article.id],
    );
    expect(rows.rows).to.have.length(3);
    expect(selections.map((s) => JSON.stringify(s))).to.include(
      JSON.stringify(rows.rows.map((row) => row.question_id)),
    );
  });
});
