import { randomBytes } from 'node:crypto';
import type pg from 'pg';

/**
 * A learner's journey written straight into the tables, following docs/product.md to the letter (the
 * same rows the use cases write). It gives the invariant and object-access suites learners in
 * every state — diagnostika open or submitted, content closed, attempts open / failed / passed,
 * requests pending / rejected / approved, graduated — on the seeded catalog.
 */
type Db = Pick<pg.Pool | pg.PoolClient, 'query'>;
type ExamKind = 'level_exam' | 'rank_final';

export interface StageRow {
  readonly id: number;
  readonly rank: string;
  readonly level: number;
  readonly position: number;
}

interface QuestionRow {
  readonly id: number;
  readonly module_id: number;
  readonly correct_option_id: number;
  readonly wrong_option_id: number;
}

const SHEETS = {
  diagnostika: {
    attempts: 'diagnostika_results',
    questions: 'diagnostika_attempt_questions',
    answers: 'diagnostika_attempt_answers',
    stats: 'diagnostika_module_stats',
    key: 'diagnostika_id',
  },
  level_exam: {
    attempts: 'level_exam_attempts',
    questions: 'level_exam_attempt_questions',
    answers: 'level_exam_attempt_answers',
    stats: 'level_exam_attempt_module_stats',
    key: 'attempt_id',
  },
  rank_final: {
    attempts: 'rank_final_attempts',
    questions: 'rank_final_attempt_questions',
    answers: 'rank_final_attempt_answers',
    stats: 'rank_final_attempt_module_stats',
    key: 'attempt_id',
  },
} as const;
type Sheet = (typeof SHEETS)[keyof typeof SHEETS];

async function rows<T>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

async function one<T>(db: Db, sql: string, params: unknown[] = []): Promise<T> {
  const found = await rows<T>(db, sql, params);
  if (found.length !== 1) throw new Error(`expected one row, got ${found.length}: ${sql}`);
  return found[0]!;
}

export class JourneyRows {
  private adminId: number | undefined;

  constructor(private readonly db: Db) {}

  async stagesOf(userId: number): Promise<StageRow[]> {
    return rows<StageRow>(
      this.db,
      `SELECT s.id, s.rank, s.level, s.position FROM stages s JOIN users u ON u.track_id = s.track_id WHERE u.id = $1 ORDER BY s.position`,
      [userId],
    );
  }

  async currentStage(userId: number): Promise<StageRow & { status: string }> {
    return one(
      this.db,
      `SELECT s.id, s.rank, s.level, s.position, p.status FROM user_stage_progress p JOIN stages s ON s.id = p.stage_id
       WHERE p.user_id = $1 AND p.status IN ('active', 'pending_approval')`,
      [userId],
    );
  }

  /** Active questions of the learner's track spread round-robin over its modules. */
  private async drawQuestions(userId: number, count: number, salt: number): Promise<QuestionRow[]> {
    return rows<QuestionRow>(
      this.db,
      `SELECT q.id, q.module_id, q.correct_option_id,
              (SELECT o.id FROM answer_options o WHERE o.question_id = q.id AND o.id <> q.correct_option_id ORDER BY o.pos LIMIT 1) AS wrong_option_id
       FROM (SELECT q.*, row_number() OVER (PARTITION BY q.module_id ORDER BY (q.id * 7919 + $3) % 100003) AS rn
             FROM questions q JOIN modules m ON m.id = q.module_id JOIN users u ON u.track_id = m.track_id
             WHERE u.id = $1 AND q.is_active) q
       ORDER BY q.rn, q.module_id
       LIMIT $2`,
      [userId, count, salt],
    );
  }

  private async putQuestions(sheet: Sheet, id: number, questions: readonly QuestionRow[]): Promise<void> {
    for (const [index, question] of questions.entries()) {
      await this.db.query(
        `INSERT INTO ${sheet.questions} (${sheet.key}, question_id, module_id, pos) VALUES ($1, $2, $3, $4)`,
        [id, question.id, question.module_id, index + 1],
      );
    }
  }

  /** Answers every question (the first `correct` ones right), stores the module stats and the score. */
  private async submitSheet(
    sheet: Sheet,
    id: number,
    questions: readonly QuestionRow[],
    correct: number,
    extra = '',
  ): Promise<void> {
    for (const [index, question] of questions.entries()) {
      await this.db.query(
        `INSERT INTO ${sheet.answers} (${sheet.key}, question_id, selected_option_id) VALUES ($1, $2, $3)`,
        [id, question.id, index < correct ? question.correct_option_id : question.wrong_option_id],
      );
    }
    await this.db.query(
      `INSERT INTO ${sheet.stats} (${sheet.key}, module_id, correct_cnt, total_cnt)
       SELECT q.${sheet.key}, q.module_id, count(*) FILTER (WHERE x.selected_option_id = bank.correct_option_id), count(*)
       FROM ${sheet.questions} q JOIN questions bank ON bank.id = q.question_id
       JOIN ${sheet.answers} x ON x.${sheet.key} = q.${sheet.key} AND x.question_id = q.question_id
       WHERE q.${sheet.key} = $1 GROUP BY q.${sheet.key}, q.module_id`,
      [id],
    );
    await this.db.query(`UPDATE ${sheet.attempts} SET submitted_at = now(), score_total = $2${extra} WHERE id = $1`, [
      id,
      correct,
    ]);
    await this.foldItemStatistics(sheet, id);
  }

  /** What the submit use cases do for item statistics: the sheet's answers join the striped sums (shard id mod 8). */
  private async foldItemStatistics(sheet: Sheet, id: number): Promise<void> {
    const scored = `
      WITH answers AS (
        SELECT x.question_id, x.selected_option_id, (x.selected_option_id = bank.correct_option_id)::int AS x
        FROM ${sheet.answers} x JOIN questions bank ON bank.id = x.question_id WHERE x.${sheet.key} = $1
      ), scored AS (
        SELECT *, CASE WHEN count(*) OVER () < 2 THEN 0
                       ELSE (sum(x) OVER () - x)::float8 / (count(*) OVER () - 1) END AS rest
        FROM answers
      )`;
    await this.db.query(
      `${scored}
       INSERT INTO item_statistic_stripes AS s
         (question_id, shard, responses, sum_correct, sum_rest, sum_rest_squared, sum_correct_rest)
       SELECT question_id, $1 % 8, 1, x, rest, rest * rest, x * rest FROM scored ORDER BY question_id
       ON CONFLICT (question_id, shard) DO UPDATE
       SET responses = s.responses + 1, sum_correct = s.sum_correct + EXCLUDED.sum_correct,
           sum_rest = s.sum_rest + EXCLUDED.sum_rest, sum_rest_squared = s.sum_rest_squared + EXCLUDED.sum_rest_squared,
           sum_correct_rest = s.sum_correct_rest + EXCLUDED.sum_correct_rest`,
      [id],
    );
    await this.db.query(
      `${scored}
       INSERT INTO item_option_stripes AS s (option_id, shard, question_id, chosen, sum_rest)
       SELECT selected_option_id, $1 % 8, question_id, 1, rest FROM scored ORDER BY question_id
       ON CONFLICT (option_id, shard) DO UPDATE SET chosen = s.chosen + 1, sum_rest = s.sum_rest + EXCLUDED.sum_rest`,
      [id],
    );
  }

  /** The diagnostika on the first stage, open or submitted with `correct` right answers. */
  async diagnostika(userId: number, options: { submit: boolean; correct?: number }): Promise<number> {
    const first = (await this.stagesOf(userId))[0]!;
    const { total_q: total } = await one<{ total_q: number }>(
      this.db,
      `SELECT ts.entry_total_q AS total_q FROM user_stage_progress p JOIN track_settings ts ON ts.settings_version_id = p.settings_version_id
       WHERE p.user_id = $1 AND p.stage_id = $2`,
      [userId, first.id],
    );
    const questions = await this.drawQuestions(userId, total, 1);
    const { id } = await one<{ id: number }>(
      this.db,
      `INSERT INTO diagnostika_results (user_id, stage_id, total_q) VALUES ($1, $2, $3) RETURNING id`,
      [userId, first.id, questions.length],
    );
    await this.putQuestions(SHEETS.diagnostika, id, questions);
    if (options.submit)
      await this.submitSheet(SHEETS.diagnostika, id, questions, options.correct ?? Math.floor(questions.length / 2));
    return id;
  }

  /** Content of the current stage: one optional article per module and one required for the first three modules. */
  async assignContent(
    userId: number,
    options: { close: boolean },
  ): Promise<{ optional: number[]; required: number[] }> {
    const stage = await this.currentStage(userId);
    const picked = await rows<{ id: number; kind: 'optional' | 'required' }>(
      this.db,
      `SELECT DISTINCT ON (a.module_id, a.kind) a.id, a.kind, a.module_id
       FROM articles a
       WHERE a.stage_id = $1 AND a.is_active
         AND (a.kind = 'optional' OR (a.module_id IN (SELECT id FROM modules WHERE track_id = a.track_id ORDER BY id LIMIT 3)
                                     AND EXISTS (SELECT 1 FROM article_minitest_questions m WHERE m.article_id = a.id)))
       ORDER BY a.module_id, a.kind, a.position, a.id`,
      [stage.id],
    );
    for (const article of picked) {
      await this.db.query(
        `INSERT INTO user_stage_articles (user_id, stage_id, article_id, kind, is_read, read_at, minitest_passed, minitest_passed_at)
         VALUES ($1, $2, $3, $4::text, $5 AND $4::text = 'optional', CASE WHEN $5 AND $4::text = 'optional' THEN now() END,
                 $5 AND $4::text = 'required', CASE WHEN $5 AND $4::text = 'required' THEN now() END)`,
        [userId, stage.id, article.id, article.kind, options.close],
      );
    }
    return {
      optional: picked.filter((a) => a.kind === 'optional').map((a) => a.id),
      required: picked.filter((a) => a.kind === 'required').map((a) => a.id),
    };
  }

  /** An exam attempt on the current stage: left open, failed (pass_score − 1) or passed (exactly pass_score). */
  async examAttempt(kind: ExamKind, userId: number, outcome: 'open' | 'fail' | 'pass'): Promise<number> {
    const stage = await this.currentStage(userId);
    const sheet = SHEETS[kind];
    const attempt = await one<{ id: number; total_q: number; pass_score: number }>(
      this.db,
      `INSERT INTO ${sheet.attempts} (user_id, stage_id, settings_version_id, attempt_no, total_q, pass_score, seed)
       SELECT p.user_id, p.stage_id, p.settings_version_id,
              coalesce((SELECT max(attempt_no) FROM ${sheet.attempts} WHERE user_id = p.user_id AND stage_id = p.stage_id), 0) + 1,
              ts.${kind}_total_q, ts.${kind}_pass_score, 42
       FROM user_stage_progress p JOIN track_settings ts ON ts.settings_version_id = p.settings_version_id
       WHERE p.user_id = $1 AND p.stage_id = $2
       RETURNING id, total_q, pass_score`,
      [userId, stage.id],
    );
    const questions = await this.drawQuestions(userId, attempt.total_q, attempt.id);
    if (questions.length !== attempt.total_q)
      throw new Error(`the bank holds ${questions.length} questions, ${attempt.total_q} needed`);
    await this.putQuestions(sheet, attempt.id, questions);
    if (outcome !== 'open') {
      const passed = outcome === 'pass';
      await this.submitSheet(
        sheet,
        attempt.id,
        questions,
        passed ? attempt.pass_score : attempt.pass_score - 1,
        passed ? ', passed = true, passed_at = now()' : '',
      );
    }
    return attempt.id;
  }

  private async admin(): Promise<number> {
    this.adminId ??= (
      await one<{ id: number }>(
        this.db,
        `INSERT INTO admin_users (email, full_name, password_hash) VALUES ($1, 'Journey Admin', '$argon2id$fixture') RETURNING id`,
        [`journey-admin-${randomBytes(4).toString('hex')}@example.com`],
      )
    ).id;
    return this.adminId;
  }

  /** Puts the current stage in pending_approval with a pending request for the next step. */
  async requestApproval(userId: number): Promise<number> {
    const stage = await this.currentStage(userId);
    const stages = await this.stagesOf(userId);
    const next = stages.find((candidate) => candidate.position === stage.position + 1);
    await this.db.query(
      `UPDATE user_stage_progress SET status = 'pending_approval' WHERE user_id = $1 AND stage_id = $2`,
      [userId, stage.id],
    );
    return (
      await one<{ id: number }>(
        this.db,
        `INSERT INTO approval_requests (user_id, track_id, from_stage_id, to_stage_id, type, comment)
         SELECT $1, u.track_id, $2, $3, $4, 'requested automatically after the PASS' FROM users u WHERE u.id = $1 RETURNING id`,
        [userId, stage.id, next?.id ?? null, next === undefined ? 'graduation' : 'rank_transition'],
      )
    ).id;
  }

  /** Resubmits after a rejection: a new pending request of the same type and target. */
  async resubmit(requestId: number): Promise<number> {
    return (
      await one<{ id: number }>(
        this.db,
        `INSERT INTO approval_requests (user_id, track_id, from_stage_id, to_stage_id, type)
         SELECT user_id, track_id, from_stage_id, to_stage_id, type FROM approval_requests WHERE id = $1 RETURNING id`,
        [requestId],
      )
    ).id;
  }

  async reject(requestId: number): Promise<void> {
    await this.db.query(
      `UPDATE approval_requests SET status = 'rejected', decided_at = now(), decided_by_admin_id = $2, comment = 'not yet' WHERE id = $1`,
      [requestId, await this.admin()],
    );
  }

  /** Approves and applies: the from-stage completed, then the next stage opened or the learner graduated. */
  async approve(requestId: number): Promise<void> {
    const request = await one<{ user_id: number; from_stage_id: number; to_stage_id: number | null }>(
      this.db,
      `UPDATE approval_requests SET status = 'approved', decided_at = now(), decided_by_admin_id = $2 WHERE id = $1 RETURNING user_id, from_stage_id, to_stage_id`,
      [requestId, await this.admin()],
    );
    await this.complete(request.user_id, request.from_stage_id);
    if (request.to_stage_id === null)
      await this.db.query(`UPDATE users SET graduated_at = now() WHERE id = $1`, [request.user_id]);
    else await this.open(request.user_id, request.to_stage_id);
  }

  private async complete(userId: number, stageId: number): Promise<void> {
    await this.db.query(
      `UPDATE user_stage_progress SET status = 'completed', completed_at = now() WHERE user_id = $1 AND stage_id = $2`,
      [userId, stageId],
    );
  }

  /** Opens a stage pinned to the track's active settings version now. */
  private async open(userId: number, stageId: number): Promise<void> {
    await this.db.query(
      `INSERT INTO user_stage_progress (user_id, stage_id, track_id, settings_version_id)
       SELECT u.id, $2, u.track_id, v.id FROM users u JOIN settings_versions v ON v.track_id = u.track_id AND v.status = 'active' WHERE u.id = $1`,
      [userId, stageId],
    );
  }

  /**
   * Plays the whole current stage: closed content, a failed then a passed level exam and, on
   * level 3, a failed then a passed rank final; then the move the PASS triggers. Stops at a
   * pending approval (returns its id) unless `approve` is set.
   */
  async clearStage(userId: number, options: { approve: boolean }): Promise<number | undefined> {
    const stage = await this.currentStage(userId);
    await this.assignContent(userId, { close: true });
    await this.examAttempt('level_exam', userId, 'fail');
    await this.examAttempt('level_exam', userId, 'pass');
    if (stage.level === 1 || stage.level === 2) {
      await this.complete(userId, stage.id);
      const next = (await this.stagesOf(userId)).find((candidate) => candidate.position === stage.position + 1)!;
      await this.open(userId, next.id);
      return undefined;
    }
    if (stage.level === 3) {
      await this.examAttempt('rank_final', userId, 'fail');
      await this.examAttempt('rank_final', userId, 'pass');
    }
    const requestId = await this.requestApproval(userId);
    if (!options.approve) return requestId;
    await this.approve(requestId);
    return undefined;
  }

  /** Diagnostika submitted, then every stage cleared and approved: a graduate. */
  async graduate(userId: number): Promise<void> {
    await this.diagnostika(userId, { submit: true });
    const stages = await this.stagesOf(userId);
    for (let index = 0; index < stages.length; index += 1) await this.clearStage(userId, { approve: true });
  }
}
