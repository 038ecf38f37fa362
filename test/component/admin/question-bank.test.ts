import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import {
  auditOf,
  createQuestion,
  createTrackWithModules,
  uniqueName,
  type TrackBody,
} from '../../support/fixtures/admin.js';
import { newAdmin, newLearner, type Admin } from '../../support/fixtures/identity.js';

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UNUSED = { diagnostika: 0, level_exam: 0, rank_final: 0, minitests: 0 };

describe('admin: question bank', () => {
  const api = useApi();
  let admin: Admin;
  let track: TrackBody;

  before(async () => {
    admin = await newAdmin(api);
    track = await createTrackWithModules(api, admin, 2);
  });

  const moduleId = () => track.modules[0]!.id;

  it('creates an active question with its options in order and the correct one, readable with the correct option', async () => {
    const text = uniqueName('What does len("abc") return?');
    const response = await api.request('POST', `/api/v1/admin/modules/${moduleId()}/questions`, {
      token: admin.token,
      body: { text: `  ${text} `, options: [' 2', '3 ', '4'], correct_option_pos: 2 },
    });
    expect(response.status).to.equal(201);
    const [a, b, c] = response.body.options;
    expect(response.body).to.deep.equal({
      id: response.body.id,
      module_id: moduleId(),
      text,
      is_active: true,
      created_at: response.body.created_at,
      options: [
        { id: a.id, pos: 1, text: '2' },
        { id: b.id, pos: 2, text: '3' },
        { id: c.id, pos: 3, text: '4' },
      ],
      correct_option_id: b.id,
      correct_option_pos: 2,
      usage: UNUSED,
    });
    expect(response.body.created_at).to.match(TIMESTAMP);
    const got = await api.request('GET', `/api/v1/admin/questions/${response.body.id}`, { token: admin.token });
    // the detail adds the item statistics: none yet
    const { statistics, ...question } = got.body;
    expect(question).to.deep.equal(response.body);
    expect(statistics).to.deep.include({ responses: 0, facility: null, discrimination: null, flags: [] });
    expect(
      (await auditOf(api, admin, 'question', response.body.id)).map((entry) => [entry.action, entry.details]),
    ).to.deep.equal([['question.create', { module_id: moduleId() }]]);
  });

  it('refuses a malformed question: 400 for shape (option count, blank, duplicate options, correct position past the options)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ text: 'q', options: ['only one'], correct_option_pos: 1 }, '/body/options'],
      [{ text: 'q', options: ['a', 'b', 'c', 'd', 'e'], correct_option_pos: 1 }, '/body/options'],
      [{ text: '   ', options: ['a', 'b'], correct_option_pos: 1 }, '/body/text'],
      [{ text: 'q', options: ['a', ' '], correct_option_pos: 1 }, '/body/options/1'],
      [{ text: 'q', options: ['a', ' a '], correct_option_pos: 1 }, '/body/options'],
      [{ text: 'q', options: ['a', 'b'], correct_option_pos: 3 }, '/body/correct_option_pos'],
      [{ text: 'q', options: ['a', 'b'], correct_option_pos: 1, is_active: false }, '/body/is_active'],
    ];
    for (const [body, path] of cases) {
      const response = await api.request('POST', `/api/v1/admin/modules/${moduleId()}/questions`, {
        token: admin.token,
        body,
      });
      expect(response.status, JSON.stringify(body)).to.equal(400);
      expect(response.body.code).to.equal('validation_failed');
      expect(
        response.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(body),
      ).to.include(path);
    }
  });

  it('refuses a text the module already has with 409 name_taken; 404 for an unknown module', async () => {
    const question = await createQuestion(api, admin, moduleId());
    const duplicate = await api.request('POST', `/api/v1/admin/modules/${moduleId()}/questions`, {
      token: admin.token,
      body: { text: question.text, options: ['x', 'y'], correct_option_pos: 1 },
    });
    expect(duplicate.status).to.equal(409);
    expect(duplicate.body.code).to.equal('name_taken');
    // the same text in another module is another question
    const elsewhere = await api.request('POST', `/api/v1/admin/modules/${track.modules[1]!.id}/questions`, {
      token: admin.token,
      body: { text: question.text, options: ['x', 'y'], correct_option_pos: 1 },
    });
    expect(elsewhere.status).to.equal(201);
    const unknown = await api.request('POST', '/api/v1/admin/modules/99999999/questions', {
      token: admin.token,
      body: { text: 'q', options: ['x', 'y'], correct_option_pos: 1 },
    });
    expect(unknown.status).to.equal(404);
    expect(
      (await api.request('GET', '/api/v1/admin/modules/99999999/questions', { token: admin.token })).status,
    ).to.equal(404);
    expect((await api.request('GET', '/api/v1/admin/questions/99999999', { token: admin.token })).status).to.equal(404);
  });

  it("pages a module's bank by id with an opaque cursor, and refuses a forged cursor with 400", async () => {
    const fresh = await createTrackWithModules(api, admin, 1);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createQuestion(api, admin, fresh.modules[0]!.id, `paged ${i}`)).id);
    const pages: number[][] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/api/v1/admin/modules/${fresh.modules[0]!.id}/questions?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api.request('GET', path, { token: admin.token });
      expect(page.status).to.equal(200);
      pages.push(page.body.items.map((item: { id: number }) => item.id));
      cursor = page.body.next_cursor;
    } while (cursor !== null);
    expect(pages).to.deep.equal([[ids[0], ids[1]], [ids[2], ids[3]], [ids[4]]]);
    const forged = await api.request(
      'GET',
      `/api/v1/admin/modules/${fresh.modules[0]!.id}/questions?cursor=not-a-cursor`,
      { token: admin.token },
    );
    expect(forged.status).to.equal(400);
    expect(forged.body.errors).to.deep.equal([
      { code: 'cursor', message: 'pass the next_cursor of a previous page unchanged', path: '/query/cursor' },
    ]);
    const tooMany = await api.request('GET', `/api/v1/admin/modules/${fresh.modules[0]!.id}/questions?limit=101`, {
      token: admin.token,
    });
    expect(tooMany.status).to.equal(400);
  });

  it('counts how often each question was used: diagnostika, level exams, rank finals and minitests (seeded bank, learners through the API)', async () => {
    const learner = await newLearner(api);
    const started = await api.request('POST', '/api/v1/diagnostika/start', { token: learner.token });
    expect(started.status, started.text).to.equal(201);
    const served = started.body.questions[0];
    const question = await api.request('GET', `/api/v1/admin/questions/${served.id}`, { token: admin.token });
    const minitests = await api.db.pool.query(
      'SELECT count(*)::int AS n FROM article_minitest_questions WHERE question_id = $1',
      [served.id],
    );
    expect(question.body.usage).to.deep.equal({
      diagnostika: 1,
      level_exam: 0,
      rank_final: 0,
      minitests: minitests.rows[0].n,
    });
    // the list shows the same counts
    let found: { usage: unknown } | undefined;
    let cursor: string | null = null;
    do {
      const path: string = `/api/v1/admin/modules/${served.module_id}/questions?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api.request('GET', path, { token: admin.token });
      found ??= page.body.items.find((item: { id: number }) => item.id === served.id);
      cursor = page.body.next_cursor;
    } while (cursor !== null);
    expect(found!.usage).to.deep.equal(question.body.usage);
  });

  it('deactivates and reactivates a question at any time, even once used', async () => {
    const learner = await newLearner(api);
    const started = await api.request('POST', '/api/v1/diagnostika/start', { token: learner.token });
    const used = started.body.questions[0].id;
    const off = await api.request('PATCH', `/api/v1/admin/questions/${used}`, {
      token: admin.token,
      body: { is_active: false },
    });
    expect(off.status).to.equal(200);
    expect(off.body).to.include({ id: used, is_active: false });
    const on = await api.request('PATCH', `/api/v1/admin/questions/${used}`, {
      token: admin.token,
      body: { is_active: true },
    });
    expect(on.body.is_active).to.equal(true);
    expect((await auditOf(api, admin, 'question', used)).map((entry) => [entry.action, entry.details])).to.deep.equal([
      ['question.update', { is_active: true }],
      ['question.update', { is_active: false }],
    ]);
  });

  it('rewords a question never used in an attempt, but refuses once an attempt used it (409 question_in_use); the same text is not a change', async () => {
    const question = await createQuestion(api, admin, moduleId());
    const reworded = await api.request('PATCH', `/api/v1/admin/questions/${question.id}`, {
      token: admin.token,
      body: { text: ' A better wording ' },
    });
    expect(reworded.status).to.equal(200);
    expect(reworded.body).to.deep.equal({ ...question, text: 'A better wording', usage: UNUSED });

    const learner = await newLearner(api);
    const started = await api.request('POST', '/api/v1/diagnostika/start', { token: learner.token });
    const used = started.body.questions[0];
    const refused = await api.request('PATCH', `/api/v1/admin/questions/${used.id}`, {
      token: admin.token,
      body: { text: 'Changed after use' },
    });
    expect(refused.status).to.equal(409);
    expect(refused.body.code).to.equal('question_in_use');
    const same = await api.request('PATCH', `/api/v1/admin/questions/${used.id}`, {
      token: admin.token,
      body: { text: used.text, is_active: true },
    });
    expect(same.status).to.equal(200);
    const stored = await api.request('GET', `/api/v1/admin/questions/${used.id}`, { token: admin.token });
    expect(stored.body.text).to.equal(used.text);
  });

  it("refuses a reword onto a sibling's text (409 name_taken), an empty change (400) and an unknown question (404)", async () => {
    const first = await createQuestion(api, admin, moduleId());
    const second = await createQuestion(api, admin, moduleId());
    const clash = await api.request('PATCH', `/api/v1/admin/questions/${second.id}`, {
      token: admin.token,
      body: { text: first.text },
    });
    expect(clash.status).to.equal(409);
    expect(clash.body.code).to.equal('name_taken');
    expect(
      (await api.request('PATCH', `/api/v1/admin/questions/${second.id}`, { token: admin.token, body: {} })).status,
    ).to.equal(400);
    expect(
      (
        await api.request('PATCH', '/api/v1/admin/questions/99999999', {
          token: admin.token,
          body: { is_active: false },
        })
      ).status,
    ).to.equal(404);
  });

  it('never rewords a question an attempt is using: 30 rewordings racing 30 diagnostika starts leave no attempt showing a changed text', async () => {
    // A track whose diagnostika draws every question of its single module, so each start uses `target`.
    const small = await createTrackWithModules(api, admin, 1);
    const target = await createQuestion(api, admin, small.modules[0]!.id, 'original wording');
    await createQuestion(api, admin, small.modules[0]!.id, 'other question');
    const draft = await api.request('POST', `/api/v1/admin/tracks/${small.id}/settings-versions`, {
      token: admin.token,
      body: {
        settings: {
          expected_modules_count: 1,
          entry_total_q: 2,
          entry_per_module_q: 2,
          level_exam_total_q: 2,
          level_exam_pass_score: 1,
          k_exam: 1,
          level_exam_min_per_module: 1,
          level_exam_max_per_module: 2,
          rank_final_total_q: 2,
          rank_final_pass_score: 1,
          k_final: 1,
          rank_final_min_per_module: 1,
          rank_final_max_per_module: 2,
          content_k_weak_modules: 1,
        },
      },
    });
    expect(draft.status, draft.text).to.equal(201);
    await api.request('POST', `/api/v1/admin/settings-versions/${draft.body.id}/activate`, { token: admin.token });
    const learners = await Promise.all(Array.from({ length: 30 }, () => newLearner(api, { track_id: small.id })));

    const results = await Promise.all([
      ...learners.map((learner) => api.request('POST', '/api/v1/diagnostika/start', { token: learner.token })),
      ...learners.map((_, i) =>
        api.request('PATCH', `/api/v1/admin/questions/${target.id}`, {
          token: admin.token,
          body: { text: `wording ${i}` },
        }),
      ),
    ]);
    const starts = results.slice(0, 30);
    const edits = results.slice(30);
    expect(starts.every((r) => r.status === 201)).to.equal(true);
    expect(edits.every((r) => r.status === 200 || (r.status === 409 && r.body.code === 'question_in_use'))).to.equal(
      true,
    );
    // Every attempt showed the text the question has now: no edit landed after the first use.
    const shown = new Set(starts.map((r) => r.body.questions.find((q: { id: number }) => q.id === target.id).text));
    const now = (await api.request('GET', `/api/v1/admin/questions/${target.id}`, { token: admin.token })).body;
    expect([...shown]).to.deep.equal([now.text]);
    expect(now.usage.diagnostika).to.equal(30);
  });
});
