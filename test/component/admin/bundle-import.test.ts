import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { DEFAULT_CONTENT_DIR } from '../../../src/adapters/postgres/seed/seed-database.js';
import { useApi } from '../../support/api.js';
import { auditOf, uniqueName } from '../../support/fixtures/admin.js';
import { newAdmin, type Admin } from '../../support/fixtures/identity.js';

const ZERO = { tracks: 0, modules: 0, questions: 0, articles: 0, minitests: 0 };

/** A small valid bundle: two modules with three questions each, a required and an optional article each. */
function smallBundle(track: string, prefix = uniqueName('ref')) {
  const module = (name: string) => ({
    name,
    questions: [1, 2, 3].map((n) => ({
      text: `${name} question ${n}`,
      options: ['right', 'wrong', 'also wrong'].map((o) => `${o} ${n}`),
      correct_pos: 1,
    })),
    articles: [
      {
        stage: 'trainee-0',
        kind: 'required',
        position: 1,
        title: `${name} basics`,
        content_ref: `${prefix}/${name}/basics`,
        body: `# ${name}`,
        minitest: [1, 2, 3],
      },
      {
        stage: { rank: 'trainee', level: 0 },
        kind: 'optional',
        title: `${name} extra`,
        content_ref: `${prefix}/${name}/extra`,
      },
    ],
  });
  return { track, modules: [module('alpha'), module('beta')] };
}

describe('admin: bundle import', () => {
  const api = useApi();
  let admin: Admin;

  before(async () => {
    admin = await newAdmin(api);
  });

  const importBundle = (bundle: unknown) =>
    api.request('POST', '/api/v1/admin/import', { token: admin.token, body: bundle });
  const tableCounts = async () =>
    (
      await api.db.pool
        .query(`SELECT (SELECT count(*)::int FROM tracks) AS tracks, (SELECT count(*)::int FROM stages) AS stages, (SELECT count(*)::int FROM modules) AS modules,
      (SELECT count(*)::int FROM questions) AS questions, (SELECT count(*)::int FROM answer_options) AS options, (SELECT count(*)::int FROM articles) AS articles,
      (SELECT count(*)::int FROM article_minitest_questions) AS minitest_questions`)
    ).rows[0];

  it('creates a whole track from a bundle (ladder, modules, active questions, articles, minitests) and reports what it created', async () => {
    const name = uniqueName('imported');
    const bundle = smallBundle(name);
    const response = await importBundle(bundle);
    expect(response.status, response.text).to.equal(200);
    expect(response.body).to.deep.equal({
      track_id: response.body.track_id,
      created: { tracks: 1, modules: 2, questions: 6, articles: 4, minitests: 2 },
      unchanged: ZERO,
    });

    const track = (await api.request('GET', `/api/v1/admin/tracks/${response.body.track_id}`, { token: admin.token }))
      .body;
    expect(track).to.include({ name, active_settings_version_id: null });
    expect(track.stages).to.have.length(10);
    expect(track.modules.map((m: { name: string }) => m.name)).to.deep.equal(['alpha', 'beta']);
    const alpha = track.modules[0].id;
    const questions = (await api.request('GET', `/api/v1/admin/modules/${alpha}/questions`, { token: admin.token }))
      .body.items;
    expect(
      questions.map(
        (q: { text: string; is_active: boolean; correct_option_pos: number; options: { text: string }[] }) => [
          q.text,
          q.is_active,
          q.correct_option_pos,
          q.options.map((o) => o.text),
        ],
      ),
    ).to.deep.equal(
      [1, 2, 3].map((n) => [`alpha question ${n}`, true, 1, [`right ${n}`, `wrong ${n}`, `also wrong ${n}`]]),
    );
    const articles = (await api.request('GET', `/api/v1/admin/articles?module_id=${alpha}`, { token: admin.token }))
      .body.items;
    expect(
      articles.map(
        (a: { kind: string; stage_id: number; position: number; body: string; minitest_question_ids: number[] }) => [
          a.kind,
          a.stage_id,
          a.position,
          a.body,
          a.minitest_question_ids,
        ],
      ),
    ).to.deep.equal([
      ['required', track.stages[0].id, 1, '# alpha', questions.map((q: { id: number }) => q.id)],
      ['optional', track.stages[0].id, 1, '', []],
    ]);
    expect(
      (await auditOf(api, admin, 'track', response.body.track_id)).map((entry) => [entry.action, entry.details]),
    ).to.deep.equal([['bundle.import', { track: name, created: response.body.created, unchanged: ZERO }]]);
  });

  it('is idempotent: the same bundle again creates nothing and reports everything unchanged', async () => {
    const bundle = smallBundle(uniqueName('twice'));
    const first = await importBundle(bundle);
    const before = await tableCounts();
    const second = await importBundle(bundle);
    expect(second.status).to.equal(200);
    expect(second.body).to.deep.equal({
      track_id: first.body.track_id,
      created: ZERO,
      unchanged: { tracks: 1, modules: 2, questions: 6, articles: 4, minitests: 2 },
    });
    expect(await tableCounts()).to.deep.equal(before);
  });

  it('adds only what is new to an existing track, leaves existing rows untouched and resolves minitests by text against the bank', async () => {
    const name = uniqueName('growing');
    const first = await importBundle(smallBundle(name, 'grow1'));
    const alphaId = (await api.request('GET', `/api/v1/admin/tracks/${first.body.track_id}`, { token: admin.token }))
      .body.modules[0].id;
    const existing = (await api.request('GET', `/api/v1/admin/modules/${alphaId}/questions`, { token: admin.token }))
      .body.items[0];
    await api.request('PATCH', `/api/v1/admin/questions/${existing.id}`, {
      token: admin.token,
      body: { text: 'alpha question 1, reworded' },
    });

    const response = await importBundle({
      track: name,
      modules: [
        {
          name: 'alpha',
          questions: [
            { text: 'alpha question 2', options: ['changed', 'options'], correct_pos: 2 },
            { text: 'alpha question 4', options: ['a', 'b'], correct_pos: 2 },
          ],
          articles: [
            {
              stage: 'junior-1',
              kind: 'required',
              title: 'More alpha',
              content_ref: 'grow2/alpha/more',
              minitest: ['alpha question 1, reworded', 'alpha question 3', 2],
            },
          ],
        },
        { name: 'gamma' },
      ],
    });
    expect(response.status, response.text).to.equal(200);
    expect(response.body).to.deep.equal({
      track_id: first.body.track_id,
      created: { tracks: 0, modules: 1, questions: 1, articles: 1, minitests: 1 },
      unchanged: { tracks: 1, modules: 1, questions: 1, articles: 0, minitests: 0 },
    });
    const questions = (await api.request('GET', `/api/v1/admin/modules/${alphaId}/questions`, { token: admin.token }))
      .body.items;
    // question 2 kept its stored options; question 4 is new
    expect(
      questions.map((q: { text: string; options: { text: string }[] }) => [q.text, q.options.map((o) => o.text)]),
    ).to.deep.equal([
      ['alpha question 1, reworded', ['right 1', 'wrong 1', 'also wrong 1']],
      ['alpha question 2', ['right 2', 'wrong 2', 'also wrong 2']],
      ['alpha question 3', ['right 3', 'wrong 3', 'also wrong 3']],
      ['alpha question 4', ['a', 'b']],
    ]);
    const more = (
      await api.request('GET', `/api/v1/admin/articles?module_id=${alphaId}&kind=required`, { token: admin.token })
    ).body.items.find((a: { content_ref: string }) => a.content_ref === 'grow2/alpha/more');
    // by text (a bank question and a bundle one), then by index into this bundle's questions of the module
    expect(more.minitest_question_ids).to.deep.equal([questions[0].id, questions[2].id, questions[3].id]);
  });

  it('refuses a bundle that breaks rules on its own with 422 import_invalid listing every problem, and writes nothing', async () => {
    const before = await tableCounts();
    const response = await importBundle({
      track: uniqueName('broken'),
      modules: [
        {
          name: 'alpha',
          questions: [
            { text: 'same', options: ['a', 'b'], correct_pos: 1 },
            { text: 'same', options: ['a', 'b'], correct_pos: 1 },
            { text: 'one option', options: ['a'], correct_pos: 1 },
            { text: 'bad correct', options: ['a', 'b'], correct_pos: 3 },
            { text: 'twins', options: ['a', 'a'], correct_pos: 1 },
          ],
          articles: [
            { stage: 'junior-4', kind: 'required', title: 't', content_ref: 'broken/1', minitest: [1, 2] },
            {
              stage: { rank: 'trainee', level: 1 },
              kind: 'mandatory',
              position: 0,
              title: ' ',
              content_ref: 'broken/1',
            },
            { stage: 'trainee-0', kind: 'optional', title: 't', content_ref: 'broken/3', minitest: [1] },
            { stage: 'trainee-0', kind: 'required', title: 't', content_ref: 'broken/4', minitest: [1, 3, 9] },
          ],
        },
        { name: ' alpha ' },
      ],
    });
    expect(response.status).to.equal(422);
    expect(response.body.code).to.equal('import_invalid');
    expect(response.body.errors.map((e: { code: string; path: string }) => `${e.code} ${e.path}`)).to.deep.equal([
      'duplicate_question /body/modules/0/questions/1/text',
      'option_count /body/modules/0/questions/2/options',
      'correct_option_out_of_range /body/modules/0/questions/3/correct_pos',
      'duplicate_option /body/modules/0/questions/4/options',
      'unknown_stage /body/modules/0/articles/0/stage',
      'minitest_size /body/modules/0/articles/0/minitest',
      'unknown_stage /body/modules/0/articles/1/stage',
      'unknown_kind /body/modules/0/articles/1/kind',
      'position_below_one /body/modules/0/articles/1/position',
      'blank /body/modules/0/articles/1/title',
      'duplicate_content_ref /body/modules/0/articles/1/content_ref',
      'minitest_on_optional /body/modules/0/articles/2/minitest',
      'question_index_out_of_range /body/modules/0/articles/3/minitest/2',
      'duplicate_module /body/modules/1/name',
    ]);
    expect(await tableCounts()).to.deep.equal(before);
  });

  it('refuses a bundle that does not fit the catalog (stage missing on the track, content_ref of another module, kind change, unknown or inactive minitest question), writing nothing', async () => {
    // A track arranged with SQL with a short ladder, and a module whose bank has an inactive question.
    const name = uniqueName('short');
    const track = (await api.db.pool.query('INSERT INTO tracks (name) VALUES ($1) RETURNING id', [name])).rows[0].id;
    await api.db.pool.query("INSERT INTO stages (track_id, rank, level, position) VALUES ($1, 'trainee', 0, 1)", [
      track,
    ]);
    const module = (
      await api.request('POST', `/api/v1/admin/tracks/${track}/modules`, {
        token: admin.token,
        body: { name: 'alpha' },
      })
    ).body.id;
    const dormant = await api.request('POST', `/api/v1/admin/modules/${module}/questions`, {
      token: admin.token,
      body: { text: 'dormant', options: ['a', 'b'], correct_option_pos: 1 },
    });
    await api.request('PATCH', `/api/v1/admin/questions/${dormant.body.id}`, {
      token: admin.token,
      body: { is_active: false },
    });
    const required = await api.request('POST', '/api/v1/admin/articles', {
      token: admin.token,
      body: {
        module_id: module,
        stage_id: (await api.request('GET', `/api/v1/admin/tracks/${track}`, { token: admin.token })).body.stages[0].id,
        kind: 'required',
        title: 't',
        content_ref: `${name}/required`,
      },
    });
    expect(required.status).to.equal(201);
    const seeded = (await api.db.pool.query('SELECT content_ref FROM articles ORDER BY id LIMIT 1')).rows[0]
      .content_ref;
    const before = await tableCounts();

    const response = await importBundle({
      track: name,
      modules: [
        {
          name: 'alpha',
          questions: [{ text: 'fresh', options: ['a', 'b'], correct_pos: 1 }],
          articles: [
            { stage: 'junior-1', kind: 'optional', title: 't', content_ref: `${name}/junior` },
            { stage: 'trainee-0', kind: 'optional', title: 't', content_ref: seeded },
            { stage: 'trainee-0', kind: 'optional', title: 't', content_ref: `${name}/required` },
            {
              stage: 'trainee-0',
              kind: 'required',
              title: 't',
              content_ref: `${name}/new`,
              minitest: ['fresh', 'dormant', 'nowhere'],
            },
          ],
        },
        { name: 'beta', questions: [{ text: 'beta q', options: ['a', 'b'], correct_pos: 1 }] },
      ],
    });
    expect(response.status).to.equal(422);
    expect(response.body.code).to.equal('import_invalid');
    expect(response.body.errors.map((e: { code: string; path: string }) => `${e.code} ${e.path}`)).to.deep.equal([
      'stage_not_on_track /body/modules/0/articles/0/stage',
      'content_ref_taken /body/modules/0/articles/1/content_ref',
      'article_kind_differs /body/modules/0/articles/2/kind',
      'question_inactive /body/modules/0/articles/3/minitest/1',
      'question_not_found /body/modules/0/articles/3/minitest/2',
    ]);
    expect(await tableCounts()).to.deep.equal(before);
  });

  it('accepts the seed content documents as a bundle for the seeded track: everything is already there', async () => {
    const files = readdirSync(DEFAULT_CONTENT_DIR)
      .filter((file) => file.endsWith('.json'))
      .sort();
    const modules = files.map((file) => {
      const { module, ...content } = JSON.parse(readFileSync(join(DEFAULT_CONTENT_DIR, file), 'utf8'));
      return { name: module, ...content };
    });
    const before = await tableCounts();
    const response = await importBundle({ track: 'default', modules });
    expect(response.status, response.text.slice(0, 500)).to.equal(200);
    const questions = modules.reduce((sum, m) => sum + m.questions.length, 0);
    const articles = modules.reduce((sum, m) => sum + m.articles.length, 0);
    const required = modules.reduce(
      (sum, m) => sum + m.articles.filter((a: { kind: string }) => a.kind === 'required').length,
      0,
    );
    expect(response.body.created).to.deep.equal(ZERO);
    expect(response.body.unchanged).to.deep.equal({
      tracks: 1,
      modules: modules.length,
      questions,
      articles,
      minitests: required,
    });
    expect(await tableCounts()).to.deep.equal(before);
  });

  it('serialises 30 concurrent imports of one new bundle: one creates everything, the others find it all there', async () => {
    const bundle = smallBundle(uniqueName('raced'));
    const responses = await Promise.all(Array.from({ length: 30 }, () => importBundle(bundle)));
    expect(responses.every((r) => r.status === 200)).to.equal(true);
    const creators = responses.filter((r) => r.body.created.tracks === 1);
    expect(creators).to.have.length(1);
    expect(creators[0]!.body.created).to.deep.equal({ tracks: 1, modules: 2, questions: 6, articles: 4, minitests: 2 });
    expect(
      responses
        .filter((r) => r.body.created.tracks === 0)
        .every((r) => JSON.stringify(r.body.created) === JSON.stringify(ZERO)),
    ).to.equal(true);
  });

  it('lets one of 30 imports into different tracks claim a shared content_ref; the others are refused (409 conflict or 422 import_invalid) and write nothing', async () => {
    const shared = uniqueName('contested');
    const bundles = Array.from({ length: 30 }, () => ({
      track: uniqueName('contender'),
      modules: [{ name: 'm', articles: [{ stage: 'trainee-0', kind: 'optional', title: 't', content_ref: shared }] }],
    }));
    const responses = await Promise.all(bundles.map(importBundle));
    expect(responses.filter((r) => r.status === 200)).to.have.length(1);
    const refused = responses.filter((r) => r.status !== 200);
    expect(
      refused.every(
        (r) =>
          (r.status === 409 && r.body.code === 'conflict') || (r.status === 422 && r.body.code === 'import_invalid'),
      ),
    ).to.equal(true);
    const tracks = await api.db.pool.query('SELECT count(*)::int AS n FROM tracks WHERE name = ANY($1)', [
      bundles.map((b) => b.track),
    ]);
    expect(tracks.rows[0].n).to.equal(1);
  });

  it('answers 409 conflict, writing nothing, when another transaction takes a content_ref of the bundle while it is imported', async () => {
    const contested = uniqueName('contested');
    const other = (await importBundle({ track: uniqueName('holder'), modules: [{ name: 'm' }] })).body.track_id;
    const holder = (await api.request('GET', `/api/v1/admin/tracks/${other}`, { token: admin.token })).body;
    const name = uniqueName('loser');
    // An uncommitted article with that content_ref: the import does not see it when it checks the
    // catalog, then waits on it at its own insert.
    const client = await api.db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        "INSERT INTO articles (track_id, module_id, stage_id, kind, title, content_ref) VALUES ($1, $2, $3, 'optional', 't', $4)",
        [other, holder.modules[0].id, holder.stages[0].id, contested],
      );
      const pending = importBundle({
        track: name,
        modules: [
          { name: 'm', articles: [{ stage: 'trainee-0', kind: 'optional', title: 't', content_ref: contested }] },
        ],
      });
      for (let i = 0; i < 200; i++) {
        const waiting = await api.db.pool.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO articles%'",
        );
        if (waiting.rows[0].n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await client.query('COMMIT');
      const response = await pending;
      expect(response.status, response.text).to.equal(409);
      expect(response.body.code).to.equal('conflict');
    } finally {
      client.release();
    }
    const tracks = await api.db.pool.query('SELECT count(*)::int AS n FROM tracks WHERE name = $1', [name]);
    expect(tracks.rows[0].n).to.equal(0);
  });

  it('imports a 10,000-question bundle in one request (a body far above the global limit), and again as all unchanged', async function () {
    this.timeout(120_000);
    const modules = Array.from({ length: 10 }, (_, m) => ({
      name: `bulk-${m}`,
      questions: Array.from({ length: 1000 }, (_, q) => ({
        text: `Bulk module ${m} question ${q}: which option is right?`,
        options: ['first option', 'second option', 'third option', 'fourth option'],
        correct_pos: (q % 4) + 1,
      })),
      articles: [
        {
          stage: 'trainee-0',
          kind: 'required',
          title: `Bulk ${m}`,
          content_ref: uniqueName(`bulk-${m}`),
          minitest: [1, 2, 3],
        },
      ],
    }));
    const bundle = { track: uniqueName('bulk'), modules };
    expect(JSON.stringify(bundle).length).to.be.greaterThan(api.config.bodyLimitKb * 1024 * 10);

    const first = await importBundle(bundle);
    expect(first.status, first.text.slice(0, 500)).to.equal(200);
    expect(first.body.created).to.deep.equal({
      tracks: 1,
      modules: 10,
      questions: 10_000,
      articles: 10,
      minitests: 10,
    });
    const stored = await api.db.pool.query(
      `SELECT count(*)::int AS questions, count(*) FILTER (WHERE q.is_active AND o.pos = (regexp_match(q.text, 'question (\\d+)'))[1]::int % 4 + 1)::int AS correct_as_sent,
              (SELECT count(*)::int FROM answer_options ao JOIN questions qq ON qq.id = ao.question_id JOIN modules mm ON mm.id = qq.module_id WHERE mm.track_id = $1) AS options
         FROM questions q JOIN modules m ON m.id = q.module_id JOIN answer_options o ON o.id = q.correct_option_id WHERE m.track_id = $1`,
      [first.body.track_id],
    );
    expect(stored.rows[0]).to.deep.equal({ questions: 10_000, correct_as_sent: 10_000, options: 40_000 });

    const again = await importBundle(bundle);
    expect(again.status).to.equal(200);
    expect(again.body.created).to.deep.equal(ZERO);
    expect(again.body.unchanged).to.deep.equal({
      tracks: 1,
      modules: 10,
      questions: 10_000,
      articles: 10,
      minitests: 10,
    });
  });

  it('keeps the global body limit on every other route, and caps the import at 20 MB (413 payload_too_large)', async function () {
    this.timeout(60_000);
    const big = await api.request('POST', '/api/v1/admin/tracks', {
      token: admin.token,
      body: { name: 'x'.repeat(200 * 1024) },
    });
    expect(big.status).to.equal(413);
    expect(big.body.code).to.equal('payload_too_large');
    const huge = await api.request('POST', '/api/v1/admin/import', {
      token: admin.token,
      body: {
        track: 'huge',
        modules: [{ name: 'm', questions: [{ text: 'x'.repeat(21 * 1024 * 1024), options: [], correct_pos: 1 }] }],
      },
    });
    expect(huge.status).to.equal(413);
    expect(huge.body.code).to.equal('payload_too_large');
  });

  it('refuses a structurally wrong bundle with 400 validation_failed', async () => {
    for (const body of [
      { modules: [] },
      { track: 't', modules: [{ name: 'm', extra: true }] },
      { track: 't', modules: [{ name: 'm', questions: [{ text: 'q', options: 'ab', correct_pos: 1 }] }] },
    ]) {
      const response = await importBundle(body);
      expect(response.status, JSON.stringify(body)).to.equal(400);
      expect(response.body.code).to.equal('validation_failed');
    }
  });
});
