import { expect } from 'chai';
import { useTestDatabase } from '../../support/database.js';
import {
  createLearner,
  createQuestion,
  createTrack,
  type QuestionFixture,
  type TrackFixture,
} from '../fixtures/rows.js';
import { expectRefused, PG } from '../fixtures/refusal.js';

describe('schema constraints: diagnostika', () => {
  const db = useTestDatabase();
  let track: TrackFixture;
  let moduleId: number;
  let otherModuleId: number;

  before(async () => {
    track = await createTrack(db.pool);
    [moduleId, otherModuleId] = track.moduleIds as [number, number];
  });

  const insertResult = (
    userId: number,
    fields: { stageId?: number; totalQ?: number; score?: number | null; submitted?: boolean } = {},
  ) =>
    db.pool.query(
      `INSERT INTO diagnostika_results (user_id, stage_id, total_q, score_total, submitted_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END) RETURNING id`,
      [
        userId,
        fields.stageId ?? track.stages['trainee-0'],
        fields.totalQ ?? 20,
        fields.score ?? null,
        fields.submitted ?? false,
      ],
    );
  const newDiagnostika = async () => {
    const userId = await createLearner(db.pool, track, 'trainee-0');
    return Number((await insertResult(userId)).rows[0].id);
  };
  const addQuestion = (diagnostikaId: number, question: QuestionFixture, pos: number, module = question.moduleId) =>
    db.pool.query(
      'INSERT INTO diagnostika_attempt_questions (diagnostika_id, question_id, module_id, pos) VALUES ($1, $2, $3, $4)',
      [diagnostikaId, question.id, module, pos],
    );
  const answer = (diagnostikaId: number, questionId: number, optionId: number) =>
    db.pool.query(
      'INSERT INTO diagnostika_attempt_answers (diagnostika_id, question_id, selected_option_id) VALUES ($1, $2, $3)',
      [diagnostikaId, questionId, optionId],
    );

  describe('diagnostika_results', () => {
    it('happens once per learner, ever', async () => {
      const userId = await createLearner(db.pool, track, 'junior-1');
      await insertResult(userId);
      await expectRefused(insertResult(userId), PG.uniqueViolation, 'uq_diagnostika_results_user_once');
      await expectRefused(
        insertResult(userId, { score: 12, submitted: true }),
        PG.uniqueViolation,
        'uq_diagnostika_results_user_once',
      );
    });

    it('is taken on the first stage of the track only', async () => {
      const userId = await createLearner(db.pool, track, 'junior-1'); // trainee-0 completed, junior-1 active
      await expectRefused(
        insertResult(userId, { stageId: track.stages['junior-1'] }),
        PG.foreignKeyViolation,
        'fk_diagnostika_results_first_stage',
      );
      await expectRefused(
        db.pool.query(
          `INSERT INTO diagnostika_results (user_id, stage_id, total_q, stage_position) VALUES ($1, $2, 20, 2)`,
          [userId, track.stages['junior-1']],
        ),
        PG.checkViolation,
        'ck_diagnostika_results_first_stage',
      );
      await insertResult(userId, { stageId: track.stages['trainee-0'] });
    });

    it('is taken on a stage the learner has a progress row on', async () => {
      const userId = await createLearner(db.pool, track, 'trainee-0');
      await expectRefused(
        insertResult(userId, { stageId: track.stages['junior-1'] }),
        PG.foreignKeyViolation,
        'fk_diagnostika_results_progress',
      );
    });

    it('has at least one question', async () => {
      const userId = await createLearner(db.pool, track);
      await expectRefused(insertResult(userId, { totalQ: 0 }), PG.checkViolation, 'ck_diagnostika_results_total_q_min');
      await insertResult(userId, { totalQ: 1 });
    });

    it('scores between 0 and its number of questions', async () => {
      const userId = await createLearner(db.pool, track);
      await expectRefused(
        insertResult(userId, { score: 21, submitted: true }),
        PG.checkViolation,
        'ck_diagnostika_results_score_range',
      );
      await expectRefused(
        insertResult(userId, { score: -1, submitted: true }),
        PG.checkViolation,
        'ck_diagnostika_results_score_range',
      );
      await insertResult(userId, { score: 20, submitted: true });
    });

    it('has a score exactly when it is submitted', async () => {
      const userId = await createLearner(db.pool, track);
      await expectRefused(
        insertResult(userId, { score: 0 }),
        PG.checkViolation,
        'ck_diagnostika_results_score_iff_submitted',
      );
      await expectRefused(
        insertResult(userId, { submitted: true }),
        PG.checkViolation,
        'ck_diagnostika_results_score_iff_submitted',
      );
      const id = (await insertResult(userId)).rows[0].id;
      await db.pool.query('UPDATE diagnostika_results SET score_total = 0, submitted_at = now() WHERE id = $1', [id]);
    });
  });

  describe('diagnostika_attempt_questions', () => {
    it('orders its questions from position 1, one question per position', async () => {
      const diagnostikaId = await newDiagnostika();
      await expectRefused(
        addQuestion(diagnostikaId, await createQuestion(db.pool, moduleId), 0),
        PG.checkViolation,
        'ck_diagnostika_attempt_questions_pos_min',
      );
      await addQuestion(diagnostikaId, await createQuestion(db.pool, moduleId), 1);
      await expectRefused(
        addQuestion(diagnostikaId, await createQuestion(db.pool, moduleId), 1),
        PG.uniqueViolation,
        'uq_diagnostika_attempt_questions_pos',
      );
    });

    it('never holds the same question twice', async () => {
      const diagnostikaId = await newDiagnostika();
      const question = await createQuestion(db.pool, moduleId);
      await addQuestion(diagnostikaId, question, 1);
      await expectRefused(
        addQuestion(diagnostikaId, question, 2),
        PG.uniqueViolation,
        'pk_diagnostika_attempt_questions',
      );
    });

    it("records the question's own module", async () => {
      const diagnostikaId = await newDiagnostika();
      await expectRefused(
        addQuestion(diagnostikaId, await createQuestion(db.pool, moduleId), 1, otherModuleId),
        PG.foreignKeyViolation,
        'fk_diag_att_q_question_module',
      );
    });

    it('belongs to an existing diagnostika', async () => {
      await expectRefused(
        addQuestion(-1, await createQuestion(db.pool, moduleId), 1),
        PG.foreignKeyViolation,
        'fk_diag_att_q_diagnostika',
      );
    });
  });

  describe('diagnostika_attempt_answers', () => {
    it('answers only questions of its own attempt', async () => {
      const diagnostikaId = await newDiagnostika();
      const asked = await createQuestion(db.pool, moduleId);
      const notAsked = await createQuestion(db.pool, moduleId);
      await addQuestion(diagnostikaId, asked, 1);
      await expectRefused(
        answer(diagnostikaId, notAsked.id, notAsked.optionIds[0]!),
        PG.foreignKeyViolation,
        'fk_diag_ans_attempt_question',
      );
      const otherDiagnostika = await newDiagnostika();
      await addQuestion(otherDiagnostika, notAsked, 1);
      await expectRefused(
        answer(diagnostikaId, notAsked.id, notAsked.optionIds[0]!),
        PG.foreignKeyViolation,
        'fk_diag_ans_attempt_question',
      );
      await answer(diagnostikaId, asked.id, asked.optionIds[2]!);
    });

    it('chooses an option of the answered question', async () => {
      const diagnostikaId = await newDiagnostika();
      const question = await createQuestion(db.pool, moduleId);
      const stranger = await createQuestion(db.pool, moduleId);
      await addQuestion(diagnostikaId, question, 1);
      await expectRefused(
        answer(diagnostikaId, question.id, stranger.optionIds[0]!),
        PG.foreignKeyViolation,
        'fk_diag_ans_option_of_question',
      );
    });

    it('answers each question once', async () => {
      const diagnostikaId = await newDiagnostika();
      const question = await createQuestion(db.pool, moduleId);
      await addQuestion(diagnostikaId, question, 1);
      await answer(diagnostikaId, question.id, question.optionIds[0]!);
      await expectRefused(
        answer(diagnostikaId, question.id, question.optionIds[1]!),
        PG.uniqueViolation,
        'pk_diagnostika_attempt_answers',
      );
    });
  });

  describe('diagnostika_module_stats', () => {
    const stats = (diagnostikaId: number, correct: number, total: number, module = moduleId) =>
      db.pool.query(
        'INSERT INTO diagnostika_module_stats (diagnostika_id, module_id, correct_cnt, total_cnt) VALUES ($1, $2, $3, $4)',
        [diagnostikaId, module, correct, total],
      );

    it('keeps 0 ≤ correct ≤ total', async () => {
      const diagnostikaId = await newDiagnostika();
      await expectRefused(stats(diagnostikaId, -1, 4), PG.checkViolation, 'ck_diagnostika_module_stats_correct_nonneg');
      await expectRefused(
        stats(diagnostikaId, 5, 4),
        PG.checkViolation,
        'ck_diagnostika_module_stats_correct_le_total',
      );
      await stats(diagnostikaId, 4, 4);
      await stats(diagnostikaId, 0, 0, otherModuleId);
    });

    it('holds one row per module, of an existing module', async () => {
      const diagnostikaId = await newDiagnostika();
      await stats(diagnostikaId, 1, 4);
      await expectRefused(stats(diagnostikaId, 2, 4), PG.uniqueViolation, 'pk_diagnostika_module_stats');
      await expectRefused(stats(diagnostikaId, 2, 4, -1), PG.foreignKeyViolation, 'fk_diagnostika_module_stats_module');
    });
  });

  it('deletes its questions, answers and stats with the diagnostika', async () => {
    const diagnostikaId = await newDiagnostika();
    const question = await createQuestion(db.pool, moduleId);
    await addQuestion(diagnostikaId, question, 1);
    await answer(diagnostikaId, question.id, question.correctOptionId);
    await db.pool.query(
      'INSERT INTO diagnostika_module_stats (diagnostika_id, module_id, correct_cnt, total_cnt) VALUES ($1, $2, 1, 1)',
      [diagnostikaId, moduleId],
    );
    await db.pool.query('DELETE FROM diagnostika_results WHERE id = $1', [diagnostikaId]);
    const { rows } = await db.pool.query(
      `SELECT (SELECT count(*) FROM diagnostika_attempt_questions WHERE diagnostika_id = $1)::int
            + (SELECT count(*) FROM diagnostika_attempt_answers WHERE diagnostika_id = $1)::int
            + (SELECT count(*) FROM diagnostika_module_stats WHERE diagnostika_id = $1)::int AS left_over`,
      [diagnostikaId],
    );
    expect(rows[0].left_over).to.equal(0);
  });
});
