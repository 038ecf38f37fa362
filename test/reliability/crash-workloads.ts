import type pg from 'pg';
import type { ApiResponse, TestApi } from '../support/api.js';
import { newLearner, uniqueEmail } from '../support/fixtures/identity.js';
import { JourneyApi } from '../support/reliability/journey-api.js';
import { JourneyRows } from '../support/reliability/journey-rows.js';
import { scaled } from '../support/reliability/long-runs.js';

/**
 * Writes a SIGKILL may interrupt, for crash.test.ts. Each workload prepares items, writes each
 * item exactly once, and classifies an item afterwards, from the database alone, as `whole`
 * (every row of the write is there), `absent` (none is) or anything else (a partial write,
 * described). The crash test fails on anything but whole/absent, and on a 2xx that is not whole.
 *
 * Another write joins by appending a workload to CRASH_WORKLOADS.
 */
type Client = Pick<TestApi, 'request' | 'raw'>;

export interface CrashWorkload<Item = any> {
  readonly name: string;
  /** Items per crash cycle (default run / RELIABILITY_LONG). */
  readonly items: number;
  /** Makes the items (through the API, on a server that stays up). */
  prepare(client: Client, pool: pg.Pool, count: number): Promise<Item[]>;
  /** The one write of an item. */
  write(client: Client, item: Item): Promise<ApiResponse>;
  /** 'whole' | 'absent' | a description of what is half there. */
  classify(pool: pg.Pool, item: Item): Promise<string>;
}

const signups: CrashWorkload<{ email: string }> = {
  name: 'signups (a learner row ⇔ its first stage row)',
  items: scaled(240, 1_200),
  prepare: async (_client, _pool, count) => Array.from({ length: count }, () => ({ email: uniqueEmail('crash') })),
  write: (client, item) =>
    client.raw('POST', '/api/v1/auth/signup', {
      body: { email: item.email, full_name: 'Crash Learner', password: 'crash-password' },
    }),
  async classify(pool, item) {
    const { rows } = await pool.query(
      `SELECT u.id,
              (SELECT count(*)::int FROM user_stage_progress p WHERE p.user_id = u.id) AS stages,
              (SELECT count(*)::int FROM user_stage_progress p JOIN stages s ON s.id = p.stage_id
                WHERE p.user_id = u.id AND p.status = 'active' AND s.position = 1) AS first_active
       FROM users u WHERE u.email = $1`,
      [item.email],
    );
    if (rows.length === 0) return 'absent';
    const [row] = rows;
    return row.stages === 1 && row.first_active === 1
      ? 'whole'
      : `user ${row.id} with ${row.stages} stage rows (${row.first_active} first active)`;
  },
};

interface OpenAttempt {
  readonly userId: number;
  readonly token: string;
  readonly attemptId: number;
  readonly body: unknown;
}

/**
 * Passing level-exam submits on trainee: one transaction writes the answers, the module stats,
 * the score, the stage's move to pending_approval and the approval request. Learners reach the
 * exam by rows (diagnostika and closed reading, JourneyRows) and start it through the API.
 */
const examSubmits: CrashWorkload<OpenAttempt> = {
  name: 'level exam submits (answers, stats, score, stage and approval request, all or nothing)',
  items: scaled(60, 400),
  async prepare(client, pool, count) {
    const rows = new JourneyRows(pool);
    const journey = new JourneyApi(client, pool);
    const items: OpenAttempt[] = [];
    for (let index = 0; index < count; index += 1) {
      const learner = await newLearner(client);
      await rows.diagnostika(learner.id, { submit: true });
      await rows.assignContent(learner.id, { close: true });
      const started = await journey.startExam('level', learner.token);
      items.push({
        userId: learner.id,
        token: learner.token,
        attemptId: started.attempt_id,
        body: { answers: await journey.answers(started.questions) },
      });
    }
    return items;
  },
  write: (client, item) =>
    client.raw('POST', `/api/v1/exams/level/${item.attemptId}/submit`, { token: item.token, body: item.body }),
  async classify(pool, item) {
    const { rows } = await pool.query(
      `SELECT a.submitted_at IS NOT NULL AS submitted, a.score_total, a.total_q, a.passed,
              (SELECT count(*)::int FROM level_exam_attempt_answers x WHERE x.attempt_id = a.id) AS answers,
              (SELECT coalesce(sum(total_cnt), 0)::int FROM level_exam_attempt_module_stats m WHERE m.attempt_id = a.id) AS stats_total,
              (SELECT p.status FROM user_stage_progress p WHERE p.user_id = a.user_id AND p.stage_id = a.stage_id) AS stage_status,
              (SELECT count(*)::int FROM approval_requests r WHERE r.user_id = a.user_id AND r.from_stage_id = a.stage_id) AS requests
       FROM level_exam_attempts a WHERE a.id = $1`,
      [item.attemptId],
    );
    const a = rows[0];
    if (
      a.submitted &&
      a.passed &&
      a.answers === a.total_q &&
      a.stats_total === a.total_q &&
      a.score_total === a.total_q &&
      a.stage_status === 'pending_approval' &&
      a.requests === 1
    )
      return 'whole';
    if (
      !a.submitted &&
      a.score_total === null &&
      a.answers === 0 &&
      a.stats_total === 0 &&
      a.stage_status === 'active' &&
      a.requests === 0
    )
      return 'absent';
    return `attempt ${item.attemptId}: ${JSON.stringify(a)}`;
  },
};

interface AutosaveItem {
  readonly token: string;
  readonly attemptId: number;
  readonly answers: readonly { question_id: number; selected_option_id: number }[];
}

/**
 * Autosaves (docs/product.md, "Exam sittings"): each item saves a whole 20-answer sheet of its own open level
 * exam in one request, so a cut transaction would show as some of its answers saved and others not.
 */
const autosaves: CrashWorkload<AutosaveItem> = {
  name: 'level exam autosaves (a 20-answer sheet saved all or nothing)',
  items: scaled(60, 300),
  async prepare(client, pool, count) {
    const rows = new JourneyRows(pool);
    const journey = new JourneyApi(client, pool);
    const items: AutosaveItem[] = [];
    for (let index = 0; index < count; index += 1) {
      const learner = await newLearner(client);
      await rows.diagnostika(learner.id, { submit: true });
      await rows.assignContent(learner.id, { close: true });
      const started = await journey.startExam('level', learner.token);
      items.push({
        token: learner.token,
        attemptId: started.attempt_id,
        answers: await journey.answers(started.questions, index % 21),
      });
    }
    return items;
  },
  write: (client, item) =>
    client.raw('PUT', `/api/v1/exams/level/${item.attemptId}/answers`, {
      token: item.token,
      body: { answers: item.answers },
    }),
  async classify(pool, item) {
    const { rows } = await pool.query(
      'SELECT question_id, selected_option_id FROM level_exam_saved_answers WHERE attempt_id = $1',
      [item.attemptId],
    );
    if (rows.length === 0) return 'absent';
    const stored = new Map(rows.map((row) => [Number(row.question_id), Number(row.selected_option_id)]));
    const whole =
      stored.size === item.answers.length &&
      item.answers.every((answer) => stored.get(answer.question_id) === answer.selected_option_id);
    return whole ? 'whole' : `attempt ${item.attemptId}: ${stored.size} of ${item.answers.length} answers saved`;
  },
};

export const CRASH_WORKLOADS: readonly CrashWorkload[] = [signups, examSubmits, autosaves];
