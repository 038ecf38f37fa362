import { AssertionError } from 'chai';
import type pg from 'pg';

/**
 * Queries that must return ZERO rows in every state the API can reach. Each returns the offending
 * rows (with enough columns to find them). Many restate what a constraint or a unique index
 * already enforces — on purpose: the list still holds if a migration loosens the schema, and it
 * covers the rules only application code keeps (stats that add up, the ladder walked in order, an
 * approved request actually applied). Every reliability test calls assertInvariants() at its end.
 */
export interface Invariant {
  readonly name: string;
  /** The rule, in words, for the failure message. */
  readonly rule: string;
  readonly sql: string;
}

/** The three answer sheets share one shape; only the names differ. */
interface Sheet {
  readonly label: string;
  readonly attempts: string;
  readonly questions: string;
  readonly answers: string;
  readonly stats: string;
  /** Autosaved answers of open attempts (docs/product.md, "Exam sittings"). */
  readonly saved: string;
  /** The column naming the attempt in the child tables. */
  readonly key: string;
}

const LEVEL_EXAM: Sheet = {
  label: 'level exam',
  attempts: 'level_exam_attempts',
  questions: 'level_exam_attempt_questions',
  answers: 'level_exam_attempt_answers',
  stats: 'level_exam_attempt_module_stats',
  saved: 'level_exam_saved_answers',
  key: 'attempt_id',
};
const RANK_FINAL: Sheet = {
  label: 'rank final',
  attempts: 'rank_final_attempts',
  questions: 'rank_final_attempt_questions',
  answers: 'rank_final_attempt_answers',
  stats: 'rank_final_attempt_module_stats',
  saved: 'rank_final_saved_answers',
  key: 'attempt_id',
};
const DIAGNOSTIKA: Sheet = {
  label: 'diagnostika',
  attempts: 'diagnostika_results',
  questions: 'diagnostika_attempt_questions',
  answers: 'diagnostika_attempt_answers',
  stats: 'diagnostika_module_stats',
  saved: 'diagnostika_saved_answers',
  key: 'diagnostika_id',
};

const CURRENT = `('active', 'pending_approval')`;

/** Rules every answer sheet (diagnostika, level exam, rank final) obeys. */
function sheetInvariants(s: Sheet): Invariant[] {
  return [
    {
      name: `${s.label}: questions fill positions 1..total_q`,
      rule: `a ${s.label} holds exactly total_q distinct questions at positions 1..total_q`,
      sql: `SELECT a.id, a.total_q, count(q.question_id)::int AS questions, min(q.pos) AS min_pos, max(q.pos) AS max_pos
            FROM ${s.attempts} a LEFT JOIN ${s.questions} q ON q.${s.key} = a.id
            GROUP BY a.id, a.total_q
            HAVING count(q.question_id) <> a.total_q OR min(q.pos) <> 1 OR max(q.pos) <> a.total_q`,
    },
    {
      name: `${s.label}: an open one is untouched`,
      rule: `an unsubmitted ${s.label} has no answers, no module stats and no score`,
      sql: `SELECT a.id FROM ${s.attempts} a
            WHERE a.submitted_at IS NULL
              AND (a.score_total IS NOT NULL
                   OR EXISTS (SELECT 1 FROM ${s.answers} x WHERE x.${s.key} = a.id)
                   OR EXISTS (SELECT 1 FROM ${s.stats} x WHERE x.${s.key} = a.id))`,
    },
    {
      name: `${s.label}: a submitted one answers every question`,
      rule: `a submitted ${s.label} has exactly total_q answers, unless it was closed on its saved answers when its time ran out (then at most total_q)`,
      sql: `SELECT a.id, a.total_q, a.expired, (SELECT count(*)::int FROM ${s.answers} x WHERE x.${s.key} = a.id) AS answers
            FROM ${s.attempts} a
            WHERE a.submitted_at IS NOT NULL
              AND CASE WHEN a.expired
                       THEN (SELECT count(*) FROM ${s.answers} x WHERE x.${s.key} = a.id) > a.total_q
                       ELSE (SELECT count(*) FROM ${s.answers} x WHERE x.${s.key} = a.id) <> a.total_q END`,
    },
    {
      name: `${s.label}: no save lands after the score`,
      rule: `a submitted ${s.label} keeps no autosaved answer: submit moves them into its answers, and a save arriving later is refused — so the score never disagrees with what was saved`,
      sql: `SELECT v.${s.key}, v.question_id, v.saved_at, a.submitted_at FROM ${s.saved} v
            JOIN ${s.attempts} a ON a.id = v.${s.key}
            WHERE a.submitted_at IS NOT NULL`,
    },
    {
      name: `${s.label}: saved answers answer its own questions with their options`,
      rule: `every autosaved answer of a ${s.label} answers one of its questions with an option of that question`,
      sql: `SELECT v.${s.key}, v.question_id, v.selected_option_id FROM ${s.saved} v
            LEFT JOIN ${s.questions} q ON q.${s.key} = v.${s.key} AND q.question_id = v.question_id
            LEFT JOIN answer_options o ON o.id = v.selected_option_id
            WHERE q.question_id IS NULL OR o.question_id IS DISTINCT FROM v.question_id`,
    },
    {
      name: `${s.label}: only a timed one expires`,
      rule: `a ${s.label} closed by expiry was timed and is closed, and a deadline follows its start`,
      sql: `SELECT a.id, a.created_at, a.deadline_at, a.submitted_at, a.expired FROM ${s.attempts} a
            WHERE a.deadline_at <= a.created_at OR (a.expired AND (a.deadline_at IS NULL OR a.submitted_at IS NULL))`,
    },
    {
      name: `${s.label}: answers answer its own questions`,
      rule: `every answer of a ${s.label} answers one of its questions`,
      sql: `SELECT x.${s.key}, x.question_id FROM ${s.answers} x
            WHERE NOT EXISTS (SELECT 1 FROM ${s.questions} q WHERE q.${s.key} = x.${s.key} AND q.question_id = x.question_id)`,
    },
    {
      name: `${s.label}: selected options belong to their question`,
      rule: `the option chosen in a ${s.label} answer is an option of that answer's question`,
      sql: `SELECT x.${s.key}, x.question_id, x.selected_option_id, o.question_id AS option_question_id
            FROM ${s.answers} x JOIN answer_options o ON o.id = x.selected_option_id
            WHERE o.question_id <> x.question_id`,
    },
    {
      name: `${s.label}: module stats add up to total_q and the score`,
      rule: `a submitted ${s.label}'s module stats sum to total_q (totals) and score_total (correct)`,
      sql: `SELECT a.id, a.total_q, a.score_total, sum(m.total_cnt)::int AS stats_total, sum(m.correct_cnt)::int AS stats_correct
            FROM ${s.attempts} a LEFT JOIN ${s.stats} m ON m.${s.key} = a.id
            WHERE a.submitted_at IS NOT NULL
            GROUP BY a.id, a.total_q, a.score_total
            HAVING coalesce(sum(m.total_cnt), 0) <> a.total_q OR coalesce(sum(m.correct_cnt), 0) <> a.score_total`,
    },
    {
      name: `${s.label}: module stats match the answers`,
      rule: `a submitted ${s.label}'s stats per module equal its answers counted per module (correct = the question's correct option)`,
      sql: `WITH computed AS (
              SELECT q.${s.key} AS id, q.module_id, count(*)::int AS total_cnt,
                     count(*) FILTER (WHERE x.selected_option_id = bank.correct_option_id)::int AS correct_cnt
              FROM ${s.questions} q
              JOIN ${s.attempts} a ON a.id = q.${s.key} AND a.submitted_at IS NOT NULL
              JOIN questions bank ON bank.id = q.question_id
              LEFT JOIN ${s.answers} x ON x.${s.key} = q.${s.key} AND x.question_id = q.question_id
              GROUP BY q.${s.key}, q.module_id
            ), stored AS (
              SELECT m.* FROM ${s.stats} m JOIN ${s.attempts} a ON a.id = m.${s.key} AND a.submitted_at IS NOT NULL
            )
            SELECT coalesce(c.id, st.${s.key}) AS id, coalesce(c.module_id, st.module_id) AS module_id,
                   c.total_cnt AS answered, st.total_cnt AS stored_total, c.correct_cnt AS correct, st.correct_cnt AS stored_correct
            FROM computed c FULL JOIN stored st ON st.${s.key} = c.id AND st.module_id = c.module_id
            WHERE (c.id IS NULL AND st.total_cnt <> 0)
               OR st.${s.key} IS NULL
               OR c.total_cnt <> st.total_cnt OR c.correct_cnt <> st.correct_cnt`,
    },
  ];
}

/** Rules of the two exam kinds (level exam, rank final). */
function examInvariants(s: Sheet, settingsPrefix: 'level_exam' | 'rank_final'): Invariant[] {
  return [
    {
      name: `${s.label}: one PASS per learner and stage`,
      rule: `at most one passed ${s.label} attempt per (learner, stage)`,
      sql: `SELECT user_id, stage_id, array_agg(id ORDER BY id) AS attempt_ids FROM ${s.attempts}
            WHERE passed GROUP BY user_id, stage_id HAVING count(*) > 1`,
    },
    {
      name: `${s.label}: at most one open attempt per learner and stage`,
      rule: `at most one unsubmitted ${s.label} attempt per (learner, stage)`,
      sql: `SELECT user_id, stage_id, array_agg(id ORDER BY id) AS attempt_ids FROM ${s.attempts}
            WHERE submitted_at IS NULL GROUP BY user_id, stage_id HAVING count(*) > 1`,
    },
    {
      name: `${s.label}: no attempt after the PASS`,
      rule: `a passed ${s.label} is the last attempt of its (learner, stage)`,
      sql: `SELECT p.id AS passed_id, later.id AS later_id FROM ${s.attempts} p
            JOIN ${s.attempts} later ON later.user_id = p.user_id AND later.stage_id = p.stage_id AND later.attempt_no > p.attempt_no
            WHERE p.passed`,
    },
    {
      name: `${s.label}: attempt numbers count 1, 2, 3 …`,
      rule: `the ${s.label} attempts of a (learner, stage) are numbered 1..n without gaps`,
      sql: `SELECT user_id, stage_id, count(*)::int AS attempts, max(attempt_no) AS max_no FROM ${s.attempts}
            GROUP BY user_id, stage_id HAVING count(*) <> max(attempt_no)`,
    },
    {
      name: `${s.label}: PASS means score ≥ pass_score`,
      rule: `a ${s.label} attempt is passed exactly when it is submitted with score_total ≥ pass_score`,
      sql: `SELECT id, score_total, pass_score, passed FROM ${s.attempts}
            WHERE passed IS DISTINCT FROM (submitted_at IS NOT NULL AND score_total >= pass_score)`,
    },
    {
      name: `${s.label}: snapshot matches the pinned settings`,
      rule: `a ${s.label} attempt's settings version is its stage row's, and total_q / pass_score are that version's`,
      sql: `SELECT a.id, a.settings_version_id, p.settings_version_id AS pinned, a.total_q, ts.${settingsPrefix}_total_q AS settings_total_q,
                   a.pass_score, ts.${settingsPrefix}_pass_score AS settings_pass_score
            FROM ${s.attempts} a
            JOIN user_stage_progress p ON p.user_id = a.user_id AND p.stage_id = a.stage_id
            JOIN track_settings ts ON ts.settings_version_id = a.settings_version_id
            WHERE a.settings_version_id <> p.settings_version_id
               OR a.total_q <> ts.${settingsPrefix}_total_q OR a.pass_score <> ts.${settingsPrefix}_pass_score`,
    },
    {
      name: `${s.label}: at most max_per_module questions of one module`,
      rule: `a ${s.label} attempt never holds more than ${settingsPrefix}_max_per_module questions of one module`,
      sql: `SELECT q.attempt_id, q.module_id, count(*)::int AS questions, ts.${settingsPrefix}_max_per_module AS max_per_module
            FROM ${s.questions} q
            JOIN ${s.attempts} a ON a.id = q.attempt_id
            JOIN track_settings ts ON ts.settings_version_id = a.settings_version_id
            GROUP BY q.attempt_id, q.module_id, ts.${settingsPrefix}_max_per_module
            HAVING count(*) > ts.${settingsPrefix}_max_per_module`,
    },
  ];
}

/**
 * Every answer of a submitted diagnostika, level exam or rank final with x (1 = correct) and its
 * rest score X (the fraction correct on the attempt's other questions, 0 when it has no other).
 * Float sums may differ from the stripes' in the last bits (another summation order): 1e-9 allowed.
 */
const SCORED_ANSWERS = `WITH answers AS (
    ${[DIAGNOSTIKA, LEVEL_EXAM, RANK_FINAL]
      .map(
        (s) => `SELECT '${s.label}' AS kind, x.${s.key} AS attempt_id, x.question_id, x.selected_option_id,
             (x.selected_option_id = q.correct_option_id)::int AS x
      FROM ${s.answers} x
      JOIN ${s.attempts} a ON a.id = x.${s.key} AND a.submitted_at IS NOT NULL
      JOIN questions q ON q.id = x.question_id`,
      )
      .join('\n    UNION ALL\n    ')}
  ), scored AS (
    SELECT answers.*,
           CASE WHEN count(*) OVER w < 2 THEN 0 ELSE (sum(x) OVER w - x)::float8 / (count(*) OVER w - 1) END AS rest
    FROM answers WINDOW w AS (PARTITION BY kind, attempt_id)
  )`;

export const INVARIANTS: readonly Invariant[] = [
  // --- the ladder ---
  {
    name: 'one current stage per learner',
    rule: 'a learner has at most one stage that is active or pending_approval',
    sql: `SELECT user_id, array_agg(stage_id ORDER BY stage_id) AS current_stage_ids FROM user_stage_progress
          WHERE status IN ${CURRENT} GROUP BY user_id HAVING count(*) > 1`,
  },
  {
    name: 'a learner on the way has a current stage',
    rule: 'a learner who has not graduated has a current stage (signup places them, every move closes one row and opens the next in one transaction)',
    sql: `SELECT u.id AS user_id FROM users u
          WHERE u.graduated_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM user_stage_progress p WHERE p.user_id = u.id AND p.status IN ${CURRENT})`,
  },
  {
    name: 'graduated ⇒ no current stage',
    rule: 'a graduated learner has only completed stages',
    sql: `SELECT p.user_id, p.stage_id, p.status FROM user_stage_progress p JOIN users u ON u.id = p.user_id
          WHERE u.graduated_at IS NOT NULL AND p.status <> 'completed'`,
  },
  {
    name: 'graduated ⇒ the last stage completed',
    rule: 'a graduated learner completed the last stage of their track',
    sql: `SELECT u.id AS user_id FROM users u
          WHERE u.graduated_at IS NOT NULL
            AND NOT EXISTS (
              SELECT 1 FROM user_stage_progress p JOIN stages s ON s.id = p.stage_id
              WHERE p.user_id = u.id AND p.status = 'completed'
                AND s.position = (SELECT max(position) FROM stages WHERE track_id = u.track_id))`,
  },
  {
    name: 'progress rows are coherent with the learner, stage and settings version',
    rule: "a stage row's track is the learner's, the stage's and the pinned version's track, and the pinned version was published (never a draft)",
    sql: `SELECT p.user_id, p.stage_id, p.track_id, u.track_id AS user_track, s.track_id AS stage_track, v.track_id AS version_track, v.status AS version_status
          FROM user_stage_progress p
          JOIN users u ON u.id = p.user_id
          JOIN stages s ON s.id = p.stage_id
          JOIN settings_versions v ON v.id = p.settings_version_id
          WHERE p.track_id <> u.track_id OR s.track_id <> p.track_id OR v.track_id <> p.track_id OR v.status = 'draft'`,
  },
  {
    name: 'the ladder is climbed in order',
    rule: "a learner's stage rows are the positions 1..n of their track, one each",
    sql: `SELECT p.user_id, count(*)::int AS stage_rows, min(s.position) AS min_position, max(s.position) AS max_position
          FROM user_stage_progress p JOIN stages s ON s.id = p.stage_id
          GROUP BY p.user_id HAVING count(*) <> max(s.position) OR min(s.position) <> 1`,
  },
  {
    name: 'only the latest stage is current',
    rule: 'every stage below the highest one a learner reached is completed',
    sql: `SELECT p.user_id, p.stage_id, p.status FROM user_stage_progress p JOIN stages s ON s.id = p.stage_id
          WHERE p.status <> 'completed'
            AND s.position < (SELECT max(s2.position) FROM user_stage_progress p2 JOIN stages s2 ON s2.id = p2.stage_id WHERE p2.user_id = p.user_id)`,
  },
  {
    name: 'a completed stage passed its exams',
    rule: 'a completed stage has a passed level exam, and on level 3 a passed rank final',
    sql: `SELECT p.user_id, p.stage_id, s.rank, s.level FROM user_stage_progress p JOIN stages s ON s.id = p.stage_id
          WHERE p.status = 'completed'
            AND (NOT EXISTS (SELECT 1 FROM level_exam_attempts a WHERE a.user_id = p.user_id AND a.stage_id = p.stage_id AND a.passed)
                 OR (s.level = 3 AND NOT EXISTS (SELECT 1 FROM rank_final_attempts f WHERE f.user_id = p.user_id AND f.stage_id = p.stage_id AND f.passed)))`,
  },
  {
    name: 'a decisive PASS moves the learner on',
    rule: 'a stage stays active only until its decisive exam is passed (the level exam on trainee and levels 1-2, the rank final on level 3)',
    sql: `SELECT p.user_id, p.stage_id, s.rank, s.level FROM user_stage_progress p JOIN stages s ON s.id = p.stage_id
          WHERE p.status = 'active'
            AND ((s.level < 3 AND EXISTS (SELECT 1 FROM level_exam_attempts a WHERE a.user_id = p.user_id AND a.stage_id = p.stage_id AND a.passed))
                 OR (s.level = 3 AND EXISTS (SELECT 1 FROM rank_final_attempts f WHERE f.user_id = p.user_id AND f.stage_id = p.stage_id AND f.passed)))`,
  },
  {
    name: 'pending_approval only after the decisive PASS of trainee or level 3',
    rule: 'a stage waits for approval only on trainee (level exam passed) or level 3 (rank final passed)',
    sql: `SELECT p.user_id, p.stage_id, s.rank, s.level FROM user_stage_progress p JOIN stages s ON s.id = p.stage_id
          WHERE p.status = 'pending_approval'
            AND NOT ((s.level = 0 AND EXISTS (SELECT 1 FROM level_exam_attempts a WHERE a.user_id = p.user_id AND a.stage_id = p.stage_id AND a.passed))
                  OR (s.level = 3 AND EXISTS (SELECT 1 FROM rank_final_attempts f WHERE f.user_id = p.user_id AND f.stage_id = p.stage_id AND f.passed)))`,
  },
  // --- approvals ---
  {
    name: 'one pending approval per learner and from-stage',
    rule: 'at most one pending approval request per (learner, from_stage)',
    sql: `SELECT user_id, from_stage_id, array_agg(id ORDER BY id) AS request_ids FROM approval_requests
          WHERE status = 'pending' GROUP BY user_id, from_stage_id HAVING count(*) > 1`,
  },
  {
    name: 'a pending request waits on its stage',
    rule: "a pending request's from-stage is the learner's stage in pending_approval",
    sql: `SELECT r.id, r.user_id, r.from_stage_id, p.status AS stage_status FROM approval_requests r
          LEFT JOIN user_stage_progress p ON p.user_id = r.user_id AND p.stage_id = r.from_stage_id
          WHERE r.status = 'pending' AND p.status IS DISTINCT FROM 'pending_approval'`,
  },
  {
    name: 'a stage pending approval has an undecided or rejected request',
    rule: 'a stage in pending_approval has a pending or rejected request and no approved one',
    sql: `SELECT p.user_id, p.stage_id FROM user_stage_progress p
          WHERE p.status = 'pending_approval'
            AND (NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.user_id = p.user_id AND r.from_stage_id = p.stage_id AND r.status IN ('pending', 'rejected'))
                 OR EXISTS (SELECT 1 FROM approval_requests r WHERE r.user_id = p.user_id AND r.from_stage_id = p.stage_id AND r.status = 'approved'))`,
  },
  {
    name: 'an approved request was applied',
    rule: 'approving completes the from-stage and opens the to-stage (rank_transition) or graduates the learner (graduation)',
    sql: `SELECT r.id, r.type, p.status AS from_stage_status, u.graduated_at FROM approval_requests r
          JOIN users u ON u.id = r.user_id
          LEFT JOIN user_stage_progress p ON p.user_id = r.user_id AND p.stage_id = r.from_stage_id
          WHERE r.status = 'approved'
            AND (p.status IS DISTINCT FROM 'completed'
                 OR (r.type = 'rank_transition' AND NOT EXISTS (SELECT 1 FROM user_stage_progress n WHERE n.user_id = r.user_id AND n.stage_id = r.to_stage_id))
                 OR (r.type = 'graduation' AND u.graduated_at IS NULL))`,
  },
  {
    name: 'a request leads to the next stage',
    rule: 'rank_transition goes from trainee or a level 3 to the next position; graduation leaves the last stage',
    sql: `SELECT r.id, r.type, f.position AS from_position, f.level AS from_level, t.position AS to_position FROM approval_requests r
          JOIN stages f ON f.id = r.from_stage_id
          LEFT JOIN stages t ON t.id = r.to_stage_id
          WHERE (r.type = 'rank_transition' AND (t.position IS DISTINCT FROM f.position + 1 OR f.level NOT IN (0, 3)))
             OR (r.type = 'graduation' AND f.position <> (SELECT max(position) FROM stages WHERE track_id = f.track_id))`,
  },
  // --- diagnostika ---
  {
    name: 'one diagnostika per learner',
    rule: 'a learner has at most one diagnostika, ever',
    sql: `SELECT user_id, array_agg(id ORDER BY id) AS diagnostika_ids FROM diagnostika_results GROUP BY user_id HAVING count(*) > 1`,
  },
  {
    name: 'the diagnostika is taken on the first stage',
    rule: "a diagnostika belongs to the first stage (position 1) of the learner's track",
    sql: `SELECT d.id, d.user_id, s.position FROM diagnostika_results d JOIN stages s ON s.id = d.stage_id WHERE s.position <> 1`,
  },
  {
    name: 'diagnostika submitted ⇔ answered',
    rule: 'a diagnostika has answers exactly when it is submitted (one closed by expiry may have none: nothing was saved)',
    sql: `SELECT d.id, d.submitted_at FROM diagnostika_results d
          WHERE (d.submitted_at IS NULL AND EXISTS (SELECT 1 FROM diagnostika_attempt_answers x WHERE x.diagnostika_id = d.id))
             OR (d.submitted_at IS NOT NULL AND NOT d.expired
                 AND NOT EXISTS (SELECT 1 FROM diagnostika_attempt_answers x WHERE x.diagnostika_id = d.id))`,
  },
  ...sheetInvariants(DIAGNOSTIKA),
  // --- content ---
  {
    name: 'content is assigned only after the diagnostika',
    rule: 'a learner with assigned articles has submitted their diagnostika',
    sql: `SELECT DISTINCT a.user_id FROM user_stage_articles a
          WHERE NOT EXISTS (SELECT 1 FROM diagnostika_results d WHERE d.user_id = a.user_id AND d.submitted_at IS NOT NULL)`,
  },
  {
    name: 'assigned articles are of the learner track',
    rule: "an assigned article lies on the learner's track, on the assignment's stage, with the assignment's kind",
    sql: `SELECT x.user_id, x.stage_id, x.article_id FROM user_stage_articles x
          JOIN users u ON u.id = x.user_id JOIN articles a ON a.id = x.article_id
          WHERE a.track_id <> u.track_id OR a.stage_id <> x.stage_id OR a.kind <> x.kind`,
  },
  {
    name: 'minitest questions are of the article module',
    rule: "a minitest question belongs to the article's module",
    sql: `SELECT m.article_id, m.question_id, q.module_id AS question_module, a.module_id AS article_module
          FROM article_minitest_questions m JOIN questions q ON q.id = m.question_id JOIN articles a ON a.id = m.article_id
          WHERE q.module_id <> a.module_id OR a.kind <> 'required'`,
  },
  {
    name: 'a minitest has exactly three questions',
    rule: 'a configured minitest holds exactly 3 distinct questions',
    sql: `SELECT article_id, count(DISTINCT question_id)::int AS questions FROM article_minitest_questions GROUP BY article_id HAVING count(DISTINCT question_id) <> 3`,
  },
  {
    name: 'a passed minitest exists',
    rule: 'minitest_passed is set only on a required article whose minitest is configured',
    sql: `SELECT x.user_id, x.article_id FROM user_stage_articles x
          WHERE x.minitest_passed AND (x.kind <> 'required' OR NOT EXISTS (SELECT 1 FROM article_minitest_questions m WHERE m.article_id = x.article_id))`,
  },
  {
    name: 'a level exam starts only after the reading is done',
    rule: 'a learner has level exam attempts on a stage only once content was assigned there and every assignment was closed',
    sql: `SELECT DISTINCT a.user_id, a.stage_id FROM level_exam_attempts a
          WHERE NOT EXISTS (SELECT 1 FROM user_stage_articles x WHERE x.user_id = a.user_id AND x.stage_id = a.stage_id)
             OR EXISTS (SELECT 1 FROM user_stage_articles x WHERE x.user_id = a.user_id AND x.stage_id = a.stage_id
                        AND NOT (x.is_read OR x.minitest_passed))`,
  },
  // --- exams ---
  ...examInvariants(LEVEL_EXAM, 'level_exam'),
  ...sheetInvariants(LEVEL_EXAM),
  ...examInvariants(RANK_FINAL, 'rank_final'),
  ...sheetInvariants(RANK_FINAL),
  {
    name: 'a rank final follows the level exam PASS on level 3',
    rule: 'rank final attempts exist only on a level-3 stage whose level exam is passed',
    sql: `SELECT f.id, f.user_id, f.stage_id, s.level FROM rank_final_attempts f JOIN stages s ON s.id = f.stage_id
          WHERE s.level <> 3
             OR NOT EXISTS (SELECT 1 FROM level_exam_attempts a WHERE a.user_id = f.user_id AND a.stage_id = f.stage_id AND a.passed)`,
  },
  // --- sessions ---
  {
    name: 'no live family of an inactive owner',
    rule: 'a deactivated learner or admin has no refresh-token family with a usable (unrotated, unrevoked) token',
    sql: `SELECT t.id, t.family_id, t.user_id, t.admin_id
          FROM refresh_tokens t
          LEFT JOIN users u ON u.id = t.user_id
          LEFT JOIN admin_users a ON a.id = t.admin_id
          WHERE t.rotated_at IS NULL AND t.revoked_at IS NULL AND NOT coalesce(u.is_active, a.is_active)`,
  },
  {
    name: 'a refresh-token family never forks',
    rule: 'each family has at most one unrotated token, and every rotated token names a successor in its family',
    sql: `SELECT family_id FROM refresh_tokens WHERE rotated_at IS NULL GROUP BY family_id HAVING count(*) > 1
          UNION ALL
          SELECT t.family_id FROM refresh_tokens t
          LEFT JOIN refresh_tokens next ON next.id = t.replaced_by_id AND next.family_id = t.family_id
          WHERE t.rotated_at IS NOT NULL AND next.id IS NULL`,
  },

  // --- item statistics ---
  {
    name: 'item statistics: the striped sums of a question equal its answers',
    rule: 'per question, the stripes add up to the responses, Σx, ΣX, ΣX² and ΣxX of the answers of submitted attempts',
    sql: `${SCORED_ANSWERS},
          direct AS (
            SELECT question_id, count(*)::int AS responses, sum(x)::int AS sum_correct, sum(rest) AS sum_rest,
                   sum(rest * rest) AS sum_rest_squared, sum(x * rest) AS sum_correct_rest
            FROM scored GROUP BY question_id
          ), striped AS (
            SELECT question_id, sum(responses)::int AS responses, sum(sum_correct)::int AS sum_correct,
                   sum(sum_rest) AS sum_rest, sum(sum_rest_squared) AS sum_rest_squared,
                   sum(sum_correct_rest) AS sum_correct_rest
            FROM item_statistic_stripes GROUP BY question_id
          )
          SELECT question_id, d.responses AS answered, s.responses AS striped, d.sum_rest AS answered_rest,
                 s.sum_rest AS striped_rest
          FROM direct d FULL JOIN striped s USING (question_id)
          WHERE d.responses IS DISTINCT FROM s.responses OR d.sum_correct IS DISTINCT FROM s.sum_correct
             OR abs(d.sum_rest - s.sum_rest) > 1e-9 OR abs(d.sum_rest_squared - s.sum_rest_squared) > 1e-9
             OR abs(d.sum_correct_rest - s.sum_correct_rest) > 1e-9`,
  },
  {
    name: 'item statistics: the striped sums of an option equal its choosers',
    rule: 'per option, the stripes add up to how many answers chose it and the sum of their rest scores',
    sql: `${SCORED_ANSWERS},
          direct AS (
            SELECT selected_option_id AS option_id, count(*)::int AS chosen, sum(rest) AS sum_rest
            FROM scored GROUP BY selected_option_id
          ), striped AS (
            SELECT option_id, sum(chosen)::int AS chosen, sum(sum_rest) AS sum_rest
            FROM item_option_stripes GROUP BY option_id
          )
          SELECT option_id, d.chosen AS answered, s.chosen AS striped
          FROM direct d FULL JOIN striped s USING (option_id)
          WHERE d.chosen IS DISTINCT FROM s.chosen OR abs(d.sum_rest - s.sum_rest) > 1e-9`,
  },
  // --- settings ---
  {
    name: 'one active settings version per track',
    rule: 'a track has at most one active settings version',
    sql: `SELECT track_id, array_agg(id ORDER BY id) AS version_ids FROM settings_versions WHERE status = 'active' GROUP BY track_id HAVING count(*) > 1`,
  },
];

export interface InvariantViolation {
  readonly invariant: Invariant;
  readonly rows: readonly Record<string, unknown>[];
}

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Runs every invariant and returns those that found rows. */
export async function findViolations(
  db: Queryable,
  invariants: readonly Invariant[] = INVARIANTS,
): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];
  for (const invariant of invariants) {
    let rows: Record<string, unknown>[];
    try {
      rows = (await db.query(invariant.sql)).rows as Record<string, unknown>[];
    } catch (error) {
      throw new Error(`invariant "${invariant.name}" could not run: ${(error as Error).message}`);
    }
    if (rows.length > 0) violations.push({ invariant, rows });
  }
  return violations;
}

/** Fails, listing every broken invariant with (up to 5 of) its offending rows. */
export async function assertInvariants(db: Queryable): Promise<void> {
  const violations = await findViolations(db);
  if (violations.length === 0) return;
  const report = violations
    .map(
      ({ invariant, rows }) =>
        `✗ ${invariant.name} — ${invariant.rule}\n${rows
          .slice(0, 5)
          .map((row) => `    ${JSON.stringify(row)}`)
          .join('\n')}${rows.length > 5 ? `\n    … ${rows.length - 5} more` : ''}`,
    )
    .join('\n');
  throw new AssertionError(`${violations.length} invariant(s) broken:\n${report}`);
}
