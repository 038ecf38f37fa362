import { expect } from 'chai';
import { useTestDatabase } from '../../support/database.js';
import {
  createLearner,
  createQuestion,
  createSettingsVersion,
  createTrack,
  type QuestionFixture,
  type StageKey,
  type TrackFixture,
} from '../fixtures/rows.js';
import { expectRefused, PG } from '../fixtures/refusal.js';

/** The level exam and the rank final share one shape; every rule is proved on both. */
const EXAMS = [
  { kind: 'level exam', table: 'level_exam', short: 'lexam', stage: 'junior-1' },
  { kind: 'rank final', table: 'rank_final', short: 'rfinal', stage: 'junior-3' },
] as const satisfies ReadonlyArray<{ kind: string; table: string; short: string; stage: StageKey }>;

for (const exam of EXAMS) {
  describe(`schema constraints: ${exam.kind} (${exam.table}_*)`, () => {
    const db = useTestDatabase();
    let track: TrackFixture;
    let moduleId: number;
    let otherModuleId: number;
    let versionNo = 1;

    before(async () => {
      track = await createTrack(db.pool);
      [moduleId, otherModuleId] = track.moduleIds as [number, number];
    });

    interface AttemptFields {
      userId: number;
      stageId?: number;
      versionId?: number;
      attemptNo?: number;
      totalQ?: number;
      passScore?: number;
      seed?: bigint | number;
      /** submitted with this score */
      score?: number | null;
      submitted?: boolean;
      passed?: boolean;
      passedAt?: boolean;
    }

    /** An open attempt no. 1 of 20 questions (pass 15) unless told otherwise. */
    const insertAttempt = (fields: AttemptFields) => {
      const submitted = fields.submitted ?? (fields.score !== undefined && fields.score !== null);
      const passed = fields.passed ?? (submitted && (fields.score ?? 0) >= (fields.passScore ?? 15));
      return db.pool.query(
        `INSERT INTO ${exam.table}_attempts
           (user_id, stage_id, settings_version_id, attempt_no, total_q, pass_score, seed, submitted_at, score_total, passed, passed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8 THEN now() END, $9, $10, CASE WHEN $11 THEN now() END)
         RETURNING id`,
        [
          fields.userId,
          fields.stageId ?? track.stages[exam.stage],
          fields.versionId ?? track.settingsVersionId,
          fields.attemptNo ?? 1,
          fields.totalQ ?? 20,
          fields.passScore ?? 15,
          String(fields.seed ?? 42),
          submitted,
          fields.score ?? null,
          passed,
          fields.passedAt ?? passed,
        ],
      );
    };
    const learner = () => createLearner(db.pool, track, exam.stage);
    const newAttempt = async () => Number((await insertAttempt({ userId: await learner() })).rows[0].id);
    const addQuestion = (attemptId: number, question: QuestionFixture, pos: number, module = question.moduleId) =>
      db.pool.query(
        `INSERT INTO ${exam.table}_attempt_questions (attempt_id, question_id, module_id, pos) VALUES ($1, $2, $3, $4)`,
        [attemptId, question.id, module, pos],
      );
    const answer = (attemptId: number, questionId: number, optionId: number) =>
      db.pool.query(
        `INSERT INTO ${exam.table}_attempt_answers (attempt_id, question_id, selected_option_id) VALUES ($1, $2, $3)`,
        [attemptId, questionId, optionId],
      );
    const name = (suffix: string) => `${exam.short}_${suffix}`;

    describe(`${exam.table}_attempts`, () => {
      it('belongs to a stage the learner has a progress row on', async () => {
        const userId = await learner();
        await expectRefused(
          insertAttempt({ userId, stageId: track.stages['senior-3'] }),
          PG.foreignKeyViolation,
          `fk_${name('att_progress')}`,
        );
        await insertAttempt({ userId });
      });

      if (exam.table === 'rank_final') {
        it('is taken only on a level-3 stage', async () => {
          const userId = await createLearner(db.pool, track, 'junior-2'); // progress on trainee-0, junior-1, junior-2
          for (const stage of ['trainee-0', 'junior-1', 'junior-2'] as const) {
            await expectRefused(
              insertAttempt({ userId, stageId: track.stages[stage] }),
              PG.foreignKeyViolation,
              'fk_rfinal_att_stage_level',
            );
          }
          await expectRefused(
            db.pool.query(
              `INSERT INTO rank_final_attempts (user_id, stage_id, settings_version_id, attempt_no, total_q, pass_score, seed, stage_level)
               VALUES ($1, $2, $3, 1, 40, 30, 7, 2)`,
              [userId, track.stages['junior-2'], track.settingsVersionId],
            ),
            PG.checkViolation,
            'ck_rfinal_att_stage_level_3',
          );
          await insertAttempt({ userId: await learner() });
        });
      }

      it('is assembled under the settings version pinned on that stage, not another one', async () => {
        const userId = await learner();
        versionNo += 1;
        const draft = await createSettingsVersion(db.pool, track.trackId, { versionNo, status: 'draft' });
        await expectRefused(
          insertAttempt({ userId, versionId: draft }),
          PG.foreignKeyViolation,
          `fk_${name('att_progress')}`,
        );
      });

      it('numbers attempts from 1, once per (learner, stage)', async () => {
        const userId = await learner();
        await expectRefused(insertAttempt({ userId, attemptNo: 0 }), PG.checkViolation, `ck_${name('att_no_min')}`);
        await insertAttempt({ userId, attemptNo: 1, score: 3 });
        await expectRefused(insertAttempt({ userId, attemptNo: 1 }), PG.uniqueViolation, `uq_${name('att_no')}`);
        await insertAttempt({ userId, attemptNo: 2 });
      });

      it('snapshots a pass score between 1 and its number of questions', async () => {
        const userId = await learner();
        await expectRefused(
          insertAttempt({ userId, passScore: 0 }),
          PG.checkViolation,
          `ck_${name('pass_score_range')}`,
        );
        await expectRefused(
          insertAttempt({ userId, passScore: 21 }),
          PG.checkViolation,
          `ck_${name('pass_score_range')}`,
        );
        await expectRefused(
          insertAttempt({ userId, totalQ: 0, passScore: 1 }),
          PG.checkViolation,
          `ck_${name('pass_score_range')}`,
        );
        await insertAttempt({ userId, totalQ: 1, passScore: 1 });
      });

      it('keeps the random seed a safe integer', async () => {
        const userId = await learner();
        await expectRefused(insertAttempt({ userId, seed: 2n ** 53n }), PG.checkViolation, `ck_${name('seed_safe')}`);
        await expectRefused(
          insertAttempt({ userId, seed: -(2n ** 53n) }),
          PG.checkViolation,
          `ck_${name('seed_safe')}`,
        );
        await insertAttempt({ userId, seed: 2n ** 53n - 1n });
      });

      it('scores between 0 and its number of questions', async () => {
        const userId = await learner();
        await expectRefused(insertAttempt({ userId, score: 21 }), PG.checkViolation, `ck_${name('score_range')}`);
        await expectRefused(insertAttempt({ userId, score: -1 }), PG.checkViolation, `ck_${name('score_range')}`);
        await insertAttempt({ userId, score: 20 });
      });

      it('has a score exactly when it is submitted', async () => {
        const userId = await learner();
        await expectRefused(
          insertAttempt({ userId, score: 5, submitted: false }),
          PG.checkViolation,
          `ck_${name('score_iff_submitted')}`,
        );
        await expectRefused(
          insertAttempt({ userId, submitted: true }),
          PG.checkViolation,
          `ck_${name('score_iff_submitted')}`,
        );
        const { rows } = await insertAttempt({ userId });
        expect(rows).to.have.length(1);
      });

      it('stamps a pass exactly when it passes', async () => {
        const userId = await learner();
        await expectRefused(
          insertAttempt({ userId, score: 18, passed: true, passedAt: false }),
          PG.checkViolation,
          `ck_${name('passed_has_ts')}`,
        );
        await expectRefused(
          insertAttempt({ userId, score: 3, passed: false, passedAt: true }),
          PG.checkViolation,
          `ck_${name('passed_has_ts')}`,
        );
      });

      it('cannot pass while open', async () => {
        const userId = await learner();
        await expectRefused(
          insertAttempt({ userId, submitted: false, passed: true, passedAt: true }),
          PG.checkViolation,
          `ck_${name('open_not_passed')}`,
        );
      });

      it('passes exactly when the score reaches the snapshotted pass score', async () => {
        const userId = await learner();
        await expectRefused(
          insertAttempt({ userId, score: 15, passed: false }),
          PG.checkViolation,
          `ck_${name('passed_matches_score')}`,
        );
        await expectRefused(
          insertAttempt({ userId, score: 14, passed: true }),
          PG.checkViolation,
          `ck_${name('passed_matches_score')}`,
        );
        await insertAttempt({ userId, attemptNo: 1, score: 14 }); // a FAIL
        await insertAttempt({ userId, attemptNo: 2, score: 15 }); // a PASS at exactly the pass score
        const { rows } = await db.pool.query(
          `SELECT attempt_no, passed FROM ${exam.table}_attempts WHERE user_id = $1 ORDER BY attempt_no`,
          [userId],
        );
        expect(rows).to.deep.equal([
          { attempt_no: 1, passed: false },
          { attempt_no: 2, passed: true },
        ]);
      });

      it('keeps at most one open attempt per (learner, stage)', async () => {
        const userId = await learner();
        await insertAttempt({ userId, attemptNo: 1 });
        await expectRefused(insertAttempt({ userId, attemptNo: 2 }), PG.uniqueViolation, `uq_${name('one_open')}`);
        // once the first is submitted (failed), a retry may open
        await db.pool.query(
          `UPDATE ${exam.table}_attempts SET submitted_at = now(), score_total = 2 WHERE user_id = $1 AND attempt_no = 1`,
          [userId],
        );
        await insertAttempt({ userId, attemptNo: 2 });
        // another learner is independent
        await insertAttempt({ userId: await learner(), attemptNo: 1 });
      });

      it('records at most one PASS per (learner, stage)', async () => {
        const userId = await learner();
        await insertAttempt({ userId, attemptNo: 1, score: 16 });
        await expectRefused(
          insertAttempt({ userId, attemptNo: 2, score: 17 }),
          PG.uniqueViolation,
          `uq_${name('passed_once')}`,
        );
        await insertAttempt({ userId, attemptNo: 2, score: 3 });
      });

      it('opens no attempt after the PASS', async () => {
        const userId = await learner();
        await insertAttempt({ userId, attemptNo: 1, score: 20 });
        await expectRefused(
          insertAttempt({ userId, attemptNo: 2 }),
          PG.uniqueViolation,
          `uq_${name('open_or_passed_once')}`,
        );
      });

      it('lets a retry pass after a FAIL, and never turns the FAIL into a second PASS', async () => {
        const userId = await learner();
        const first = (await insertAttempt({ userId, attemptNo: 1, score: 1 })).rows[0].id;
        const retry = (await insertAttempt({ userId, attemptNo: 2 })).rows[0].id;
        await db.pool.query(
          `UPDATE ${exam.table}_attempts SET submitted_at = now(), score_total = 19, passed = true, passed_at = now() WHERE id = $1`,
          [retry],
        );
        await expectRefused(
          db.pool.query(
            `UPDATE ${exam.table}_attempts SET score_total = 18, passed = true, passed_at = now() WHERE id = $1`,
            [first],
          ),
          PG.uniqueViolation,
          `uq_${name('passed_once')}`,
        );
      });
    });

    describe(`${exam.table}_attempt_questions`, () => {
      it('orders its questions from position 1, one question per position', async () => {
        const attemptId = await newAttempt();
        await expectRefused(
          addQuestion(attemptId, await createQuestion(db.pool, moduleId), 0),
          PG.checkViolation,
          `ck_${name('att_q_pos_min')}`,
        );
        await addQuestion(attemptId, await createQuestion(db.pool, moduleId), 1);
        await expectRefused(
          addQuestion(attemptId, await createQuestion(db.pool, moduleId), 1),
          PG.uniqueViolation,
          `uq_${name('att_q_pos')}`,
        );
        await addQuestion(attemptId, await createQuestion(db.pool, moduleId), 2);
      });

      it('never holds the same question twice', async () => {
        const attemptId = await newAttempt();
        const question = await createQuestion(db.pool, moduleId);
        await addQuestion(attemptId, question, 1);
        await expectRefused(addQuestion(attemptId, question, 2), PG.uniqueViolation, `pk_${name('att_q')}`);
      });

      it("records the question's own module", async () => {
        const attemptId = await newAttempt();
        await expectRefused(
          addQuestion(attemptId, await createQuestion(db.pool, moduleId), 1, otherModuleId),
          PG.foreignKeyViolation,
          `fk_${name('att_q_question_module')}`,
        );
      });

      it('belongs to an existing attempt', async () => {
        await expectRefused(
          addQuestion(-1, await createQuestion(db.pool, moduleId), 1),
          PG.foreignKeyViolation,
          `fk_${name('att_q_attempt')}`,
        );
      });
    });

    describe(`${exam.table}_attempt_answers`, () => {
      it('answers only questions of its own attempt', async () => {
        const attemptId = await newAttempt();
        const asked = await createQuestion(db.pool, moduleId);
        const notAsked = await createQuestion(db.pool, moduleId);
        await addQuestion(attemptId, asked, 1);
        await expectRefused(
          answer(attemptId, notAsked.id, notAsked.correctOptionId),
          PG.foreignKeyViolation,
          `fk_${name('ans_attempt_question')}`,
        );
        const otherAttempt = await newAttempt();
        await addQuestion(otherAttempt, notAsked, 1);
        await expectRefused(
          answer(attemptId, notAsked.id, notAsked.correctOptionId),
          PG.foreignKeyViolation,
          `fk_${name('ans_attempt_question')}`,
        );
        await answer(attemptId, asked.id, asked.optionIds[1]!);
      });

      it('chooses an option of the answered question', async () => {
        const attemptId = await newAttempt();
        const question = await createQuestion(db.pool, moduleId);
        const stranger = await createQuestion(db.pool, moduleId);
        await addQuestion(attemptId, question, 1);
        await expectRefused(
          answer(attemptId, question.id, stranger.correctOptionId),
          PG.foreignKeyViolation,
          `fk_${name('ans_option_of_question')}`,
        );
      });

      it('answers each question once', async () => {
        const attemptId = await newAttempt();
        const question = await createQuestion(db.pool, moduleId);
        await addQuestion(attemptId, question, 1);
        await answer(attemptId, question.id, question.optionIds[0]!);
        await expectRefused(
          answer(attemptId, question.id, question.optionIds[1]!),
          PG.uniqueViolation,
          `pk_${name('att_ans')}`,
        );
      });
    });

    describe(`${exam.table}_attempt_module_stats`, () => {
      const stats = (attemptId: number, correct: number, total: number, module = moduleId) =>
        db.pool.query(
          `INSERT INTO ${exam.table}_attempt_module_stats (attempt_id, module_id, correct_cnt, total_cnt) VALUES ($1, $2, $3, $4)`,
          [attemptId, module, correct, total],
        );

      it('keeps 0 ≤ correct ≤ total', async () => {
        const attemptId = await newAttempt();
        await expectRefused(stats(attemptId, -1, 6), PG.checkViolation, `ck_${name('mod_stats_correct_nonneg')}`);
        await expectRefused(stats(attemptId, 7, 6), PG.checkViolation, `ck_${name('mod_stats_correct_le_total')}`);
        await stats(attemptId, 6, 6);
      });

      it('holds one row per module, of an existing module and attempt', async () => {
        const attemptId = await newAttempt();
        await stats(attemptId, 1, 6);
        await expectRefused(stats(attemptId, 2, 6), PG.uniqueViolation, `pk_${name('mod_stats')}`);
        await expectRefused(stats(attemptId, 2, 6, -1), PG.foreignKeyViolation, `fk_${name('mod_stats_module')}`);
        await expectRefused(stats(-1, 2, 6), PG.foreignKeyViolation, `fk_${name('mod_stats_attempt')}`);
      });
    });

    it('deletes its questions, answers and stats with the attempt', async () => {
      const attemptId = await newAttempt();
      const question = await createQuestion(db.pool, moduleId);
      await addQuestion(attemptId, question, 1);
      await answer(attemptId, question.id, question.correctOptionId);
      await db.pool.query(
        `INSERT INTO ${exam.table}_attempt_module_stats (attempt_id, module_id, correct_cnt, total_cnt) VALUES ($1, $2, 1, 1)`,
        [attemptId, moduleId],
      );
      await db.pool.query(`DELETE FROM ${exam.table}_attempts WHERE id = $1`, [attemptId]);
      const { rows } = await db.pool.query(
        `SELECT (SELECT count(*) FROM ${exam.table}_attempt_questions WHERE attempt_id = $1)::int
              + (SELECT count(*) FROM ${exam.table}_attempt_answers WHERE attempt_id = $1)::int
              + (SELECT count(*) FROM ${exam.table}_attempt_module_stats WHERE attempt_id = $1)::int AS left_over`,
        [attemptId],
      );
      expect(rows[0].left_over).to.equal(0);
    });
  });
}
