import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import {
  checkContentDocuments,
  ContentDocumentsInvalid,
  type ContentProblem,
} from '../../src/adapters/postgres/seed/content-document.js';
import {
  DEFAULT_CONTENT_DIR,
  readContentDocuments,
  seedDatabase,
  type SeedSummary,
} from '../../src/adapters/postgres/seed/seed-database.js';
import { useTestDatabase } from '../support/database.js';
import { SEEDED_SETTINGS } from '../support/fixtures/settings-presets.js';
import { unique } from './fixtures/rows.js';

const FIXTURE_CONTENT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'content');

const TABLES = [
  'tracks',
  'stages',
  'modules',
  'settings_versions',
  'track_settings',
  'questions',
  'answer_options',
  'articles',
  'article_minitest_questions',
] as const;

type TrackSettings = typeof SEEDED_SETTINGS;

/** The problems of a refused seed content, failing the test when the content was accepted. */
function refusedProblems(check: () => unknown): readonly ContentProblem[] {
  try {
    check();
  } catch (error) {
    expect(error).to.be.instanceOf(ContentDocumentsInvalid);
    return (error as ContentDocumentsInvalid).problems;
  }
  expect.fail('the content was accepted');
}

/** Per-module question counts of an exam (docs/product.md, "Exam assembly"), given the modules in weakness order. */
function allocate(
  weakFirst: readonly number[],
  k: number,
  total: number,
  min: number,
  max: number,
): Map<number, number> {
  const weak = weakFirst.slice(0, k);
  const others = weakFirst.slice(k);
  const counts = new Map(weakFirst.map((module) => [module, 0]));
  for (const module of weak) counts.set(module, min);
  let assigned = weak.length * min;
  for (const group of [weak, others]) {
    let progressed = true;
    while (assigned < total && progressed) {
      progressed = false;
      for (const module of group) {
        if (assigned < total && counts.get(module)! < max) {
          counts.set(module, counts.get(module)! + 1);
          assigned += 1;
          progressed = true;
        }
      }
    }
  }
  return counts;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('seed (sql/seed, seedDatabase)', () => {
  const db = useTestDatabase();
  let first: SeedSummary;

  const tableCounts = async () => {
    const counts: Record<string, number> = {};
    for (const table of TABLES)
      counts[table] = (await db.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    return counts;
  };
  const defaultTrackId = async () =>
    (await db.pool.query(`SELECT id FROM tracks WHERE name = 'default'`)).rows[0].id as string;

  before(async function () {
    this.timeout(120_000);
    first = await seedDatabase(db.pool);
  });

  it('reports what the first run inserted', async () => {
    expect(first).to.include({ tracks: 1, stages: 10, modules: 5, settingsVersions: 1 });
    const counts = await tableCounts();
    expect(first.questions).to.equal(counts.questions).and.to.be.at.least(150);
    expect(first.answerOptions).to.equal(counts.answer_options);
    expect(first.articles).to.equal(counts.articles).and.to.be.at.least(150);
    expect(first.minitestQuestions).to.equal(counts.article_minitest_questions);
  });

  it('changes nothing when run again', async () => {
    const before = await tableCounts();
    const sequences = await db.pool.query('SELECT sequencename, last_value FROM pg_sequences ORDER BY 1');
    const second = await seedDatabase(db.pool);
    expect(second).to.deep.equal({
      tracks: 0,
      stages: 0,
      modules: 0,
      settingsVersions: 0,
      questions: 0,
      answerOptions: 0,
      articles: 0,
      minitestQuestions: 0,
    });
    expect(await tableCounts()).to.deep.equal(before);
    // not even identity values are burnt by the re-run
    expect((await db.pool.query('SELECT sequencename, last_value FROM pg_sequences ORDER BY 1')).rows).to.deep.equal(
      sequences.rows,
    );
  });

  it('builds the default ladder: trainee 0, junior/middle/senior 1-3 at positions 1-10', async () => {
    const { rows } = await db.pool.query(
      'SELECT rank, level, position FROM stages WHERE track_id = $1 ORDER BY position',
      [await defaultTrackId()],
    );
    expect(rows.map((row) => `${row.position}:${row.rank}-${row.level}`)).to.deep.equal([
      '1:trainee-0',
      '2:junior-1',
      '3:junior-2',
      '4:junior-3',
      '5:middle-1',
      '6:middle-2',
      '7:middle-3',
      '8:senior-1',
      '9:senior-2',
      '10:senior-3',
    ]);
  });

  it('creates the five modules in order', async () => {
    const { rows } = await db.pool.query('SELECT name FROM modules WHERE track_id = $1 ORDER BY id', [
      await defaultTrackId(),
    ]);
    expect(rows.map((row) => row.name)).to.deep.equal([
      'python-basics',
      'sql-basics',
      'backend-architecture',
      'testing',
      'devops',
    ]);
  });

  it('activates settings version 1 with the values of the demo seed', async () => {
    const { rows } = await db.pool.query(
      `SELECT v.version_no, v.status, (v.activated_at IS NOT NULL) AS activated, s.*
         FROM settings_versions v JOIN track_settings s ON s.settings_version_id = v.id
        WHERE v.track_id = $1`,
      [await defaultTrackId()],
    );
    expect(rows).to.have.length(1);
    const { settings_version_id: _id, version_no, status, activated, ...settings } = rows[0];
    expect({ version_no, status, activated }).to.deep.equal({ version_no: 1, status: 'active', activated: true });
    expect(settings).to.deep.equal(SEEDED_SETTINGS);
  });

  it('gives every module at least 30 active questions of 4 options, correct positions spread over 1-4', async () => {
    const { rows } = await db.pool.query(
      `SELECT m.name, count(*)::int AS questions,
              count(*) FILTER (WHERE (SELECT count(*) FROM answer_options o WHERE o.question_id = q.id) = 4)::int AS with_four_options,
              array_agg(c.pos ORDER BY q.id) AS correct_positions
         FROM modules m
         JOIN questions q ON q.module_id = m.id AND q.is_active
         JOIN answer_options c ON c.id = q.correct_option_id
        WHERE m.track_id = $1
        GROUP BY m.name ORDER BY m.name`,
      [await defaultTrackId()],
    );
    expect(rows).to.have.length(5);
    for (const row of rows) {
      expect(row.questions, row.name).to.be.at.least(30);
      expect(row.with_four_options, row.name).to.equal(row.questions);
      const positions = row.correct_positions as number[];
      for (const pos of [1, 2, 3, 4]) {
        // every position carries at least half its fair share of the correct answers
        expect(positions.filter((p) => p === pos).length, `${row.name}: correct at pos ${pos}`).to.be.at.least(
          Math.floor(positions.length / 8),
        );
      }
    }
  });

  it('serves every stage × module: an active optional article and 2 active required ones with a 3-question minitest of their module', async () => {
    const { rows } = await db.pool.query(
      `SELECT s.rank || '-' || s.level AS stage, m.name AS module,
              count(a.id) FILTER (WHERE a.kind = 'optional' AND a.is_active AND a.body ~ '\\S')::int AS optional,
              count(a.id) FILTER (
                WHERE a.kind = 'required' AND a.is_active AND a.body ~ '\\S'
                  AND (SELECT count(*) FROM article_minitest_questions mq
                         JOIN questions q ON q.id = mq.question_id AND q.is_active AND q.module_id = a.module_id
                        WHERE mq.article_id = a.id) = 3
              )::int AS required_with_minitest
         FROM stages s
         JOIN modules m ON m.track_id = s.track_id
         LEFT JOIN articles a ON a.stage_id = s.id AND a.module_id = m.id
        WHERE s.track_id = $1
        GROUP BY s.position, s.rank, s.level, m.id, m.name
        ORDER BY s.position, m.id`,
      [await defaultTrackId()],
    );
    expect(rows).to.have.length(50);
    const short = rows.filter((row) => row.optional < 1 || row.required_with_minitest < 2);
    expect(short).to.deep.equal([]);
  });

  it('binds minitests only to required articles', async () => {
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM article_minitest_questions mq JOIN articles a ON a.id = mq.article_id WHERE a.kind <> 'required'`,
    );
    expect(rows[0].n).to.equal(0);
  });

  it('lets the seeded settings serve the diagnostika, the content assignment, a level exam and a rank final for ANY weak-module choice', async () => {
    const trackId = await defaultTrackId();
    const settings: TrackSettings = (
      await db.pool.query(
        `SELECT s.* FROM track_settings s JOIN settings_versions v ON v.id = s.settings_version_id WHERE v.track_id = $1 AND v.status = 'active'`,
        [trackId],
      )
    ).rows[0];
    const { rows } = await db.pool.query(
      `SELECT m.id, count(q.id)::int AS active FROM modules m LEFT JOIN questions q ON q.module_id = m.id AND q.is_active
        WHERE m.track_id = $1 GROUP BY m.id ORDER BY m.id`,
      [trackId],
    );
    const active = new Map<number, number>(rows.map((row) => [Number(row.id), row.active]));
    const modules = [...active.keys()];
    expect(modules).to.have.length(settings.expected_modules_count);

    // diagnostika: entry_per_module_q from every module, topped up to entry_total_q
    for (const module of modules) expect(active.get(module)).to.be.at.least(settings.entry_per_module_q);
    expect([...active.values()].reduce((a, b) => a + b, 0)).to.be.at.least(settings.entry_total_q);

    // content: K weak modules exist, and every stage × module has the optional quota
    expect(settings.content_k_weak_modules).to.be.at.most(modules.length);
    const optional = await db.pool.query(
      `SELECT min(n)::int AS fewest FROM (
         SELECT count(a.id) AS n FROM stages s JOIN modules m ON m.track_id = s.track_id
           LEFT JOIN articles a ON a.stage_id = s.id AND a.module_id = m.id AND a.kind = 'optional' AND a.is_active
          WHERE s.track_id = $1 GROUP BY s.id, m.id) per_stage_module`,
      [trackId],
    );
    expect(optional.rows[0].fewest).to.be.at.least(settings.content_optional_per_module);

    const exams = [
      {
        name: 'level exam',
        total: settings.level_exam_total_q,
        k: settings.k_exam,
        min: settings.level_exam_min_per_module,
        max: settings.level_exam_max_per_module,
      },
      {
        name: 'rank final',
        total: settings.rank_final_total_q,
        k: settings.k_final,
        min: settings.rank_final_min_per_module,
        max: settings.rank_final_max_per_module,
      },
    ];
    for (const exam of exams) {
      let orders = 0;
      for (const order of permutations(modules)) {
        const counts = allocate(order, exam.k, exam.total, exam.min, exam.max);
        const planned = [...counts.values()].reduce((a, b) => a + b, 0);
        expect(planned, `${exam.name} for weakness order ${order.join(',')}`).to.equal(exam.total);
        for (const [module, count] of counts) {
          expect(count, `${exam.name}: module ${module} for weakness order ${order.join(',')}`).to.be.at.most(
            active.get(module)!,
          );
        }
        orders += 1;
      }
      expect(orders).to.equal(120);
      // any module may be asked for up to max questions
      for (const module of modules)
        expect(active.get(module), `${exam.name}: module ${module}`).to.be.at.least(exam.max);
    }
  });

  describe('content documents', () => {
    it('resolves stages, correct options and minitest indexes of a document', async () => {
      const track = unique('seed-fixture');
      const summary = await seedDatabase(db.pool, { trackName: track, contentDir: FIXTURE_CONTENT });
      expect(summary).to.deep.equal({
        tracks: 1,
        stages: 10,
        modules: 5,
        settingsVersions: 1,
        questions: 4,
        answerOptions: 16,
        articles: 2,
        minitestQuestions: 3,
      });
      const questions = await db.pool.query(
        `SELECT q.text, q.is_active, c.pos AS correct_pos
           FROM questions q JOIN modules m ON m.id = q.module_id JOIN tracks t ON t.id = m.track_id
           JOIN answer_options c ON c.id = q.correct_option_id
          WHERE t.name = $1 ORDER BY q.id`,
        [track],
      );
      expect(questions.rows.map((row) => [row.correct_pos, row.is_active])).to.deep.equal([
        [2, true],
        [3, true],
        [4, true],
        [1, true],
      ]);
      const minitest = await db.pool.query(
        `SELECT s.rank || '-' || s.level AS stage, a.kind, a.position, mq.pos, q.text
           FROM articles a JOIN stages s ON s.id = a.stage_id
           JOIN article_minitest_questions mq ON mq.article_id = a.id JOIN questions q ON q.id = mq.question_id
          WHERE a.content_ref = 'fixture://python-basics/junior-2/functions' ORDER BY mq.pos`,
      );
      expect(minitest.rows).to.deep.equal([
        { stage: 'junior-2', kind: 'required', position: 2, pos: 1, text: 'Which keyword defines a function?' },
        { stage: 'junior-2', kind: 'required', position: 2, pos: 2, text: 'Which value is falsy?' },
        { stage: 'junior-2', kind: 'required', position: 2, pos: 3, text: 'What is the type of {}?' },
      ]);
    });

    it('rolls the whole seed back when a document cannot be applied', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'seed-content-'));
      try {
        writeFileSync(join(dir, 'ops.json'), JSON.stringify({ module: 'no-such-module', questions: [], articles: [] }));
        const track = unique('seed-rollback');
        let failure: Error | undefined;
        try {
          await seedDatabase(db.pool, { trackName: track, contentDir: dir });
        } catch (error) {
          failure = error as Error;
        }
        expect(failure?.message).to.match(/no-such-module/);
        const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM tracks WHERE name = $1', [track]);
        expect(rows[0].n).to.equal(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses a broken document before touching the database, naming every problem at its JSON Pointer', () => {
      const broken = {
        module: 'python-basics',
        questions: [
          { text: 'Q1', options: ['a', 'b', 'c', 'd'], correct_pos: 5 },
          { text: 'Q1', options: ['a'], correct_pos: 1 },
        ],
        articles: [
          {
            stage: 'junior-4',
            kind: 'required',
            position: 0,
            title: 'T',
            content_ref: 'r',
            body: '',
            minitest: [1, 1, 9],
          },
          { stage: 'trainee-0', kind: 'optional', position: 1, title: ' ', content_ref: 'r', body: '', minitest: [1] },
        ],
      };
      const problems = refusedProblems(() =>
        checkContentDocuments([{ source: 'broken.json', json: broken }], 'default'),
      );
      expect(problems.map((p) => `${p.source}#${p.pointer} ${p.code}`)).to.deep.equal([
        'broken.json#/questions/0/correct_pos correct_option_out_of_range',
        'broken.json#/questions/1/options option_count',
        'broken.json#/questions/1/text duplicate_question',
        'broken.json#/articles/0/stage unknown_stage',
        'broken.json#/articles/0/position position_below_one',
        'broken.json#/articles/0/minitest/2 question_index_out_of_range',
        'broken.json#/articles/0/minitest minitest_size',
        'broken.json#/articles/1/title blank',
        'broken.json#/articles/1/content_ref duplicate_content_ref',
        'broken.json#/articles/1/minitest minitest_on_optional',
      ]);
    });

    it('refuses wrong JSON types first, at their pointers, and finds a module named by two documents', () => {
      const shape = refusedProblems(() =>
        checkContentDocuments(
          [{ source: 'a.json', json: { module: 7, questions: [{ text: 'Q', options: 'a,b', correct_pos: 1 }] } }],
          'default',
        ),
      );
      expect(shape.map((p) => `${p.pointer} ${p.message}`)).to.deep.equal([
        '/module must be a string',
        '/questions/0/options must be an array of strings',
        '/articles must be an array',
      ]);
      const empty = { module: 'devops', questions: [], articles: [] };
      const twice = refusedProblems(() =>
        checkContentDocuments(
          [
            { source: 'a.json', json: empty },
            { source: 'b.json', json: empty },
          ],
          'default',
        ),
      );
      expect(twice).to.deep.equal([
        {
          source: 'b.json',
          code: 'duplicate_module',
          message: 'module "devops" appears twice in the bundle',
          pointer: '/module',
        },
      ]);
    });

    it('ships one valid document per seeded module', () => {
      const documents = readContentDocuments(DEFAULT_CONTENT_DIR);
      expect(documents.map((document) => document.module).sort()).to.deep.equal([
        'backend-architecture',
        'devops',
        'python-basics',
        'sql-basics',
        'testing',
      ]);
      for (const document of documents) {
        expect(
          document.questions.filter((question) => question.options.length === 4),
          document.module,
        ).to.have.length(document.questions.length);
      }
    });
  });
});
