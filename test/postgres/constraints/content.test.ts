import { expect } from 'chai';
import { useTestDatabase } from '../../support/database.js';
import {
  createArticle,
  createLearner,
  createQuestion,
  createTrack,
  insertId,
  unique,
  type TrackFixture,
} from '../fixtures/rows.js';
import { expectRefused, PG } from '../fixtures/refusal.js';

describe('schema constraints: content (questions, answer_options, articles, assignments, minitests)', () => {
  const db = useTestDatabase();
  let track: TrackFixture;
  let otherTrack: TrackFixture;
  let moduleId: number;
  let otherModuleId: number;

  before(async () => {
    track = await createTrack(db.pool);
    otherTrack = await createTrack(db.pool);
    [moduleId, otherModuleId] = track.moduleIds as [number, number];
  });

  describe('questions', () => {
    const insertQuestion = (fields: { moduleId?: number; text?: string; active?: boolean }) =>
      db.pool.query('INSERT INTO questions (module_id, text, is_active) VALUES ($1, $2, $3) RETURNING id', [
        fields.moduleId ?? moduleId,
        fields.text ?? unique('question'),
        fields.active ?? false,
      ]);

    it('is inactive until it has a correct option (insert inactive, add options, then activate)', async () => {
      await expectRefused(insertQuestion({ active: true }), PG.checkViolation, 'ck_questions_active_requires_correct');
      const { rows } = await db.pool.query(
        'INSERT INTO questions (module_id, text) VALUES ($1, $2) RETURNING is_active, correct_option_id',
        [moduleId, unique('q')],
      );
      expect(rows[0]).to.deep.equal({ is_active: false, correct_option_id: null });
      const question = await createQuestion(db.pool, moduleId);
      await expectRefused(
        db.pool.query('UPDATE questions SET correct_option_id = NULL WHERE id = $1', [question.id]),
        PG.checkViolation,
        'ck_questions_active_requires_correct',
      );
    });

    it('takes its correct option only among its own options', async () => {
      const question = await createQuestion(db.pool, moduleId);
      const stranger = await createQuestion(db.pool, moduleId);
      await expectRefused(
        db.pool.query('UPDATE questions SET correct_option_id = $2 WHERE id = $1', [
          question.id,
          stranger.optionIds[0],
        ]),
        PG.foreignKeyViolation,
        'fk_questions_correct_option_of_question',
      );
      await db.pool.query('UPDATE questions SET correct_option_id = $2 WHERE id = $1', [
        question.id,
        question.optionIds[3],
      ]);
    });

    it('keeps its correct option: it can be neither deleted nor moved to another question', async () => {
      const question = await createQuestion(db.pool, moduleId, { correctPos: 2 });
      const stranger = await createQuestion(db.pool, moduleId, { options: 3 });
      await expectRefused(
        db.pool.query('DELETE FROM answer_options WHERE id = $1', [question.correctOptionId]),
        PG.foreignKeyViolation,
        'fk_questions_correct_option_of_question',
      );
      await expectRefused(
        db.pool.query('UPDATE answer_options SET question_id = $2, pos = 4 WHERE id = $1', [
          question.correctOptionId,
          stranger.id,
        ]),
        PG.foreignKeyViolation,
        'fk_questions_correct_option_of_question',
      );
    });

    it('is unique by text within its module (the natural key), not across modules', async () => {
      const text = unique('What does len([1, 2]) return?');
      await insertQuestion({ text });
      await expectRefused(insertQuestion({ text }), PG.uniqueViolation, 'uq_questions_module_text');
      await insertQuestion({ text, moduleId: otherModuleId });
    });

    it('refuses a blank or oversized text', async () => {
      await expectRefused(insertQuestion({ text: ' \t ' }), PG.checkViolation, 'ck_questions_text_not_blank');
      await expectRefused(insertQuestion({ text: 'é'.repeat(1001) }), PG.checkViolation, 'ck_questions_text_length');
      await insertQuestion({ text: unique('é'.repeat(900)) });
    });

    it('belongs to an existing module', async () => {
      await expectRefused(insertQuestion({ moduleId: -1 }), PG.foreignKeyViolation, 'fk_questions_module_id_modules');
    });

    it('gets a random sort key in [0, 1)', async () => {
      const { rows } = await db.pool.query(
        `INSERT INTO questions (module_id, text) SELECT $1, $2 || n FROM generate_series(1, 20) AS n RETURNING random_key`,
        [moduleId, unique('rk')],
      );
      const keys = rows.map((row) => Number(row.random_key));
      expect(keys.every((key) => key >= 0 && key < 1)).to.equal(true);
      expect(new Set(keys).size).to.equal(20);
    });
  });

  describe('answer_options', () => {
    const newQuestionId = () =>
      insertId(db.pool, 'INSERT INTO questions (module_id, text) VALUES ($1, $2) RETURNING id', [
        moduleId,
        unique('q'),
      ]);
    const insertOption = (questionId: number, pos: number, text = 'an option') =>
      db.pool.query('INSERT INTO answer_options (question_id, pos, text) VALUES ($1, $2, $3)', [questionId, pos, text]);

    it('sits at positions 1 to 4', async () => {
      const questionId = await newQuestionId();
      await expectRefused(insertOption(questionId, 0), PG.checkViolation, 'ck_answer_options_pos_1_4');
      await expectRefused(insertOption(questionId, 5), PG.checkViolation, 'ck_answer_options_pos_1_4');
      await insertOption(questionId, 1);
      await insertOption(questionId, 4);
    });

    it('holds one option per position of a question', async () => {
      const questionId = await newQuestionId();
      await insertOption(questionId, 2);
      await expectRefused(insertOption(questionId, 2), PG.uniqueViolation, 'uq_answer_options_question_pos');
      await insertOption(await newQuestionId(), 2);
    });

    it('refuses a blank text', async () => {
      await expectRefused(
        insertOption(await newQuestionId(), 1, '  '),
        PG.checkViolation,
        'ck_answer_options_text_not_blank',
      );
    });

    it('belongs to an existing question', async () => {
      await expectRefused(insertOption(-1, 1), PG.foreignKeyViolation, 'fk_answer_options_question_id_questions');
    });
  });

  describe('articles', () => {
    const insertArticle = (fields: {
      moduleId?: number;
      stageId?: number;
      kind?: string;
      position?: number;
      title?: string;
      contentRef?: string;
    }) =>
      db.pool.query(
        `INSERT INTO articles (track_id, module_id, stage_id, kind, position, title, content_ref)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, body, is_active`,
        [
          track.trackId,
          fields.moduleId ?? moduleId,
          fields.stageId ?? track.stages['junior-1'],
          fields.kind ?? 'optional',
          fields.position ?? 1,
          fields.title ?? 'Reading list',
          fields.contentRef ?? unique('local://articles'),
        ],
      );

    it('is required or optional, explicitly', async () => {
      await expectRefused(insertArticle({ kind: 'bonus' }), PG.checkViolation, 'ck_articles_kind');
      await insertArticle({ kind: 'required' });
      const { rows } = await insertArticle({ kind: 'optional' });
      expect(rows[0]).to.deep.include({ body: '', is_active: true });
    });

    it('starts positions at 1', async () => {
      await expectRefused(insertArticle({ position: 0 }), PG.checkViolation, 'ck_articles_position_min');
    });

    it('refuses a blank title or content_ref, and an oversized content_ref', async () => {
      await expectRefused(insertArticle({ title: ' ' }), PG.checkViolation, 'ck_articles_title_not_blank');
      await expectRefused(insertArticle({ contentRef: '' }), PG.checkViolation, 'ck_articles_content_ref_not_blank');
      await expectRefused(
        insertArticle({ contentRef: 'r'.repeat(2001) }),
        PG.checkViolation,
        'ck_articles_content_ref_length',
      );
    });

    it('is identified by its content_ref', async () => {
      const contentRef = unique('local://articles/intro');
      await insertArticle({ contentRef });
      await expectRefused(insertArticle({ contentRef }), PG.uniqueViolation, 'uq_articles_content_ref');
    });

    it('has its module and its stage on its own track', async () => {
      await expectRefused(
        insertArticle({ moduleId: otherTrack.moduleIds[0]! }),
        PG.foreignKeyViolation,
        'fk_articles_module_track',
      );
      await expectRefused(
        insertArticle({ stageId: otherTrack.stages['junior-1'] }),
        PG.foreignKeyViolation,
        'fk_articles_stage_track',
      );
    });
  });

  describe('user_stage_articles', () => {
    interface AssignmentFields {
      userId: number;
      articleId: number;
      kind: string;
      stageId?: number;
      isRead?: boolean;
      readAt?: boolean;
      passed?: boolean;
      passedAt?: boolean;
    }
    const assign = (fields: AssignmentFields) =>
      db.pool.query(
        `INSERT INTO user_stage_articles (user_id, stage_id, article_id, kind, is_read, read_at, minitest_passed, minitest_passed_at)
         VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN now() END, $7, CASE WHEN $8 THEN now() END)`,
        [
          fields.userId,
          fields.stageId ?? track.stages['junior-1'],
          fields.articleId,
          fields.kind,
          fields.isRead ?? false,
          fields.readAt ?? false,
          fields.passed ?? false,
          fields.passedAt ?? false,
        ],
      );
    let optional: number;
    let required: number;

    before(async () => {
      optional = await createArticle(db.pool, track, moduleId, 'junior-1', 'optional');
      required = await createArticle(db.pool, track, moduleId, 'junior-1', 'required');
    });
    const learner = () => createLearner(db.pool, track, 'junior-1');

    it('assigns an article once per learner and stage', async () => {
      const userId = await learner();
      await assign({ userId, articleId: optional, kind: 'optional' });
      await expectRefused(
        assign({ userId, articleId: optional, kind: 'optional' }),
        PG.uniqueViolation,
        'pk_user_stage_articles',
      );
    });

    it('assigns only on a stage the learner has a progress row on', async () => {
      const userId = await createLearner(db.pool, track, 'trainee-0');
      await expectRefused(
        assign({ userId, articleId: optional, kind: 'optional' }),
        PG.foreignKeyViolation,
        'fk_user_stage_articles_progress',
      );
    });

    it("copies the article's kind, never another", async () => {
      const userId = await learner();
      await expectRefused(
        assign({ userId, articleId: optional, kind: 'required' }),
        PG.foreignKeyViolation,
        'fk_user_stage_articles_article_kind',
      );
      await expectRefused(
        assign({ userId, articleId: required, kind: 'optional' }),
        PG.foreignKeyViolation,
        'fk_user_stage_articles_article_kind',
      );
      await expectRefused(
        assign({ userId, articleId: required, kind: 'bonus' }),
        PG.checkViolation,
        'ck_user_stage_articles_kind',
      );
      await assign({ userId, articleId: required, kind: 'required' });
    });

    it("assigns only articles of the assignment's stage", async () => {
      const userId = await learner(); // trainee-0 completed, junior-1 active
      const traineeArticle = await createArticle(db.pool, track, moduleId, 'trainee-0', 'optional');
      await expectRefused(
        assign({ userId, articleId: traineeArticle, kind: 'optional' }),
        PG.foreignKeyViolation,
        'fk_user_stage_articles_article_stage',
      );
      await assign({ userId, articleId: traineeArticle, kind: 'optional', stageId: track.stages['trainee-0'] });
    });

    it('closes an optional article only by reading it', async () => {
      const userId = await learner();
      await expectRefused(
        assign({ userId, articleId: optional, kind: 'optional', passed: true, passedAt: true }),
        PG.checkViolation,
        'ck_user_stage_articles_optional_no_minitest',
      );
      await assign({ userId, articleId: optional, kind: 'optional', isRead: true, readAt: true });
    });

    it('closes a required article only by its minitest, never by reading', async () => {
      const userId = await learner();
      await expectRefused(
        assign({ userId, articleId: required, kind: 'required', isRead: true, readAt: true }),
        PG.checkViolation,
        'ck_user_stage_articles_required_never_read',
      );
      await assign({ userId, articleId: required, kind: 'required', passed: true, passedAt: true });
    });

    it('stamps a read exactly when it is read', async () => {
      const userId = await learner();
      await expectRefused(
        assign({ userId, articleId: optional, kind: 'optional', isRead: true }),
        PG.checkViolation,
        'ck_user_stage_articles_read_has_ts',
      );
      await expectRefused(
        assign({ userId, articleId: optional, kind: 'optional', readAt: true }),
        PG.checkViolation,
        'ck_user_stage_articles_read_has_ts',
      );
    });

    it('stamps a minitest pass exactly when it is passed', async () => {
      const userId = await learner();
      await expectRefused(
        assign({ userId, articleId: required, kind: 'required', passed: true }),
        PG.checkViolation,
        'ck_user_stage_articles_minitest_has_ts',
      );
      await expectRefused(
        assign({ userId, articleId: required, kind: 'required', passedAt: true }),
        PG.checkViolation,
        'ck_user_stage_articles_minitest_has_ts',
      );
    });

    it('refuses changing the kind of an article that is assigned', async () => {
      const article = await createArticle(db.pool, track, moduleId, 'junior-1', 'optional');
      await assign({ userId: await learner(), articleId: article, kind: 'optional' });
      await expectRefused(
        db.pool.query(`UPDATE articles SET kind = 'required' WHERE id = $1`, [article]),
        PG.foreignKeyViolation,
        'fk_user_stage_articles_article_kind',
      );
    });
  });

  describe('article_minitest_questions', () => {
    const bind = (
      articleId: number,
      pos: number,
      questionId: number,
      fields: { moduleId?: number; kind?: string } = {},
    ) =>
      db.pool.query(
        `INSERT INTO article_minitest_questions (article_id, pos, question_id, module_id, kind) VALUES ($1, $2, $3, $4, $5)`,
        [articleId, pos, questionId, fields.moduleId ?? moduleId, fields.kind ?? 'required'],
      );
    const requiredArticle = () => createArticle(db.pool, track, moduleId, 'junior-2', 'required');
    const question = async (ofModule = moduleId) => (await createQuestion(db.pool, ofModule)).id;

    it('binds 3 questions at positions 1 to 3', async () => {
      const articleId = await requiredArticle();
      for (const pos of [1, 2, 3]) await bind(articleId, pos, await question());
      await expectRefused(
        bind(articleId, 4, await question()),
        PG.checkViolation,
        'ck_article_minitest_questions_pos_1_3',
      );
      await expectRefused(
        bind(articleId, 0, await question()),
        PG.checkViolation,
        'ck_article_minitest_questions_pos_1_3',
      );
      await expectRefused(bind(articleId, 3, await question()), PG.uniqueViolation, 'pk_article_minitest_questions');
    });

    it('uses a question once per minitest', async () => {
      const articleId = await requiredArticle();
      const questionId = await question();
      await bind(articleId, 1, questionId);
      await expectRefused(
        bind(articleId, 2, questionId),
        PG.uniqueViolation,
        'uq_article_minitest_questions_article_question',
      );
    });

    it('exists only on a required article', async () => {
      const optionalArticle = await createArticle(db.pool, track, moduleId, 'junior-2', 'optional');
      await expectRefused(
        bind(optionalArticle, 1, await question()),
        PG.foreignKeyViolation,
        'fk_article_minitest_questions_article_kind',
      );
      await expectRefused(
        bind(optionalArticle, 1, await question(), { kind: 'optional' }),
        PG.checkViolation,
        'ck_article_minitest_questions_kind_required',
      );
    });

    it("draws only on the article's own module", async () => {
      const articleId = await requiredArticle();
      const foreign = await question(otherModuleId);
      await expectRefused(
        bind(articleId, 1, foreign),
        PG.foreignKeyViolation,
        'fk_article_minitest_questions_question_module',
      );
      await expectRefused(
        bind(articleId, 1, foreign, { moduleId: otherModuleId }),
        PG.foreignKeyViolation,
        'fk_article_minitest_questions_article_module',
      );
    });

    it('keeps its article required and in its module', async () => {
      const articleId = await requiredArticle();
      await bind(articleId, 1, await question());
      await expectRefused(
        db.pool.query(`UPDATE articles SET kind = 'optional' WHERE id = $1`, [articleId]),
        PG.foreignKeyViolation,
        'fk_article_minitest_questions_article_kind',
      );
      await expectRefused(
        db.pool.query('UPDATE articles SET module_id = $2 WHERE id = $1', [articleId, otherModuleId]),
        PG.foreignKeyViolation,
        'fk_article_minitest_questions_article_module',
      );
    });
  });
});
