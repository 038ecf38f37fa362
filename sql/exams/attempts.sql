-- Level-exam attempts. The rank final has identical tables (rank_final_*) and runs the same
-- queries from sql/exams/rank-final-attempts.sql. Change both files together: a test
-- (test/postgres/platform/exam-sql-twins.test.ts) fails when they differ in anything but the prefix.

-- name: lockStageForStart
-- The first statement of a start: the learner's current stage row locked exactly as
-- progress/stages.lockCurrentStage locks it, with its pinned settings (a pinned version's settings never
-- change), and two hints. The hints are read under this statement's snapshot, taken before the lock was
-- granted: a start, submit or close that committed while this one waited is not in them (READ COMMITTED
-- re-checks the locked row, it does not re-read the others). So they only route; the statements they
-- route to read afresh (docs/decisions.md, "Fewer round trips per exam start and submit").
-- open_seen: an attempt of this kind looked open on the stage. expired_seen: one of the learner's open
-- attempts of this kind, on any stage, looked past $2 (now minus the grace). One row even without a
-- current stage (its columns NULL). $1 user id, $2 expiry cutoff.
SELECT st.user_id, st.track_id, st.stage_id, st.rank, st.level, st.position, st.status, st.settings_version_id,
       st.activated_at, st.settings,
       EXISTS (SELECT 1 FROM level_exam_attempts a
                WHERE a.user_id = $1 AND a.stage_id = st.stage_id AND a.submitted_at IS NULL) AS open_seen,
       EXISTS (SELECT 1 FROM level_exam_attempts a
                WHERE a.user_id = $1 AND a.submitted_at IS NULL AND a.deadline_at < $2::timestamptz) AS expired_seen
FROM (SELECT) AS learner
LEFT JOIN (
  SELECT p.user_id, p.track_id, p.stage_id, s.rank, s.level, s.position, p.status, p.settings_version_id,
         p.activated_at, to_jsonb(ts) AS settings
  FROM user_stage_progress p
  JOIN stages s ON s.id = p.stage_id
  LEFT JOIN track_settings ts ON ts.settings_version_id = p.settings_version_id
  WHERE p.user_id = $1 AND p.status IN ('active', 'pending_approval')
  FOR UPDATE OF p
) st ON true;

-- name: findOpen
-- The open attempt read afresh, after the stage lock (see lockStageForStart).
SELECT id AS attempt_id, attempt_no, total_q, pass_score, created_at, deadline_at
FROM level_exam_attempts
WHERE user_id = $1 AND stage_id = $2 AND submitted_at IS NULL;

-- name: candidates
-- Random questions without scanning a module's bank: start at a random point of the indexed
-- random_key order (wrapping around) and read a small window per module, never seen ones first.
-- $1 user, $2 stage, $3 module ids, $4 questions needed per module, $5 random start in [0, 1).
WITH wanted AS (
  SELECT * FROM unnest($3::bigint[], $4::int[]) AS w(module_id, need)
), seen AS (
  SELECT DISTINCT aq.question_id
  FROM level_exam_attempts a
  JOIN level_exam_attempt_questions aq ON aq.attempt_id = a.id
  WHERE a.user_id = $1 AND a.stage_id = $2
)
SELECT w.module_id, c.question_id, c.seen
FROM wanted w
CROSS JOIN LATERAL (
  (SELECT q.id AS question_id, false AS seen
     FROM questions q
    WHERE q.module_id = w.module_id AND q.is_active AND q.random_key >= $5
      AND NOT EXISTS (SELECT 1 FROM seen s WHERE s.question_id = q.id)
    ORDER BY q.random_key
    LIMIT w.need * 2)
  UNION ALL
  (SELECT q.id, false
     FROM questions q
    WHERE q.module_id = w.module_id AND q.is_active AND q.random_key < $5
      AND NOT EXISTS (SELECT 1 FROM seen s WHERE s.question_id = q.id)
    ORDER BY q.random_key
    LIMIT w.need * 2)
  UNION ALL
  (SELECT q.id, true
     FROM seen s
     JOIN questions q ON q.id = s.question_id
    WHERE q.module_id = w.module_id AND q.is_active)
) c;

-- name: insert
-- The attempt and its questions in stored (shuffled) order, in one statement that also answers
-- with what the learner sees (as questionsOf does), saving the round trip of reading it back;
-- attempt_no is the next number on this stage (the caller holds the learner's stage row lock);
-- $11 is the deadline (NULL: untimed). Nothing is inserted (no row) when an attempt is open on the
-- stage: read under the lock, this is what makes one attempt of concurrent starts whose hint missed it.
WITH attempt AS (
  INSERT INTO level_exam_attempts (user_id, stage_id, settings_version_id, attempt_no, total_q, pass_score, seed, assembly, deadline_at)
  SELECT $1, $2, $3, COALESCE(max(attempt_no), 0) + 1, $4, $5, $6, $10::jsonb, $11::timestamptz
  FROM level_exam_attempts
  WHERE user_id = $1 AND stage_id = $2
  HAVING count(*) FILTER (WHERE submitted_at IS NULL) = 0
  RETURNING id, attempt_no, total_q, pass_score, created_at, deadline_at
), stored_order AS (
  INSERT INTO level_exam_attempt_questions (attempt_id, question_id, module_id, pos)
  SELECT attempt.id, q.question_id, q.module_id, q.pos
  FROM attempt, unnest($7::bigint[], $8::bigint[], $9::int[]) AS q(question_id, module_id, pos)
)
SELECT a.id AS attempt_id, a.attempt_no, a.total_q, a.pass_score, a.created_at, a.deadline_at,
       (SELECT json_agg(v.question ORDER BY v.pos)
          FROM unnest($7::bigint[], $9::int[]) AS picked(question_id, pos)
          CROSS JOIN LATERAL (
            SELECT picked.pos,
                   json_build_object('id', qq.id, 'module_id', qq.module_id, 'text', qq.text,
                     'options', json_agg(json_build_object('id', o.id, 'pos', o.pos, 'text', o.text) ORDER BY o.pos)) AS question
            FROM questions qq
            JOIN answer_options o ON o.question_id = qq.id
            WHERE qq.id = picked.question_id
            GROUP BY qq.id
          ) v) AS questions
FROM attempt a;

-- name: questionsOf
-- What the learner sees: text and options in stored order, never the correct option.
-- Each question is looked up by primary key from its attempt row (the LATERAL aggregate cannot be
-- flattened into a join): joined plainly, the generic plan merge-joined the attempt's 20 rows with
-- the whole questions_pkey — 70 ms at 100,000 questions per module (docs/benchmarks.md).
SELECT q.id, q.module_id, q.text, q.options
FROM level_exam_attempt_questions aq
CROSS JOIN LATERAL (
  SELECT qq.id, qq.module_id, qq.text,
         json_agg(json_build_object('id', o.id, 'pos', o.pos, 'text', o.text) ORDER BY o.pos) AS options
  FROM questions qq
  JOIN answer_options o ON o.question_id = qq.id
  WHERE qq.id = aq.question_id
  GROUP BY qq.id
) q
WHERE aq.attempt_id = $1
ORDER BY aq.pos;

-- name: lockForSubmit
-- The attempt row locked (serialises submits of one attempt; another learner's attempt is simply
-- not found), one row per question with its grading sheet in stored order. Each question is looked
-- up by primary key, for the same reason as questionsOf.
SELECT a.id AS attempt_id, a.user_id, a.stage_id, a.settings_version_id, a.total_q, a.pass_score, a.submitted_at,
       a.deadline_at, a.expired,
       aq.question_id, aq.module_id, g.correct_option_id, g.option_ids
FROM level_exam_attempts a
JOIN level_exam_attempt_questions aq ON aq.attempt_id = a.id
CROSS JOIN LATERAL (
  SELECT q.correct_option_id, array_agg(o.id ORDER BY o.pos) AS option_ids
  FROM questions q
  JOIN answer_options o ON o.question_id = q.id
  WHERE q.id = aq.question_id
  GROUP BY q.id
) g
WHERE a.id = $1 AND a.user_id = $2
ORDER BY aq.pos
FOR UPDATE OF a;

-- name: lockForSave
-- lockForSubmit's rows under a share lock: autosaves of one attempt run side by side, while a
-- submit (FOR UPDATE) waits for the saves in flight and a save arriving after it sees it submitted.
SELECT a.id AS attempt_id, a.user_id, a.stage_id, a.settings_version_id, a.total_q, a.pass_score, a.submitted_at,
       a.deadline_at, a.expired,
       aq.question_id, aq.module_id, g.correct_option_id, g.option_ids
FROM level_exam_attempts a
JOIN level_exam_attempt_questions aq ON aq.attempt_id = a.id
CROSS JOIN LATERAL (
  SELECT q.correct_option_id, array_agg(o.id ORDER BY o.pos) AS option_ids
  FROM questions q
  JOIN answer_options o ON o.question_id = q.id
  WHERE q.id = aq.question_id
  GROUP BY q.id
) g
WHERE a.id = $1 AND a.user_id = $2
ORDER BY aq.pos
FOR SHARE OF a;

-- name: saveAnswers
-- Last write wins per question: $2 question ids with $3 option ids, a NULL option clears the
-- question's saved answer. Answers how many questions have a saved answer afterwards.
WITH changes AS (
  SELECT * FROM unnest($2::bigint[], $3::bigint[]) AS c(question_id, option_id)
), cleared AS (
  DELETE FROM level_exam_saved_answers s
  USING changes c
  WHERE s.attempt_id = $1 AND s.question_id = c.question_id AND c.option_id IS NULL
), chosen AS (
  INSERT INTO level_exam_saved_answers (attempt_id, question_id, selected_option_id)
  SELECT $1, c.question_id, c.option_id FROM changes c WHERE c.option_id IS NOT NULL
  ON CONFLICT (attempt_id, question_id)
  DO UPDATE SET selected_option_id = EXCLUDED.selected_option_id, saved_at = now()
  RETURNING question_id
)
SELECT ((SELECT count(*) FROM level_exam_saved_answers s
          WHERE s.attempt_id = $1 AND s.question_id NOT IN (SELECT question_id FROM changes))
        + (SELECT count(*) FROM chosen))::int AS answered;

-- name: savedAnswersOf
SELECT question_id, selected_option_id
FROM level_exam_saved_answers
WHERE attempt_id = $1;

-- name: expiredOpen
-- Open attempts whose deadline lies before $1 (now minus the grace), oldest deadline first; $2 one
-- learner's only, or everyone's when NULL (the close-expired sweep).
SELECT id AS attempt_id, user_id
FROM level_exam_attempts
WHERE submitted_at IS NULL AND deadline_at < $1::timestamptz AND ($2::bigint IS NULL OR user_id = $2)
ORDER BY deadline_at, id
LIMIT $3;

-- name: recordSubmission
-- Answers, per-module stats and the verdict land together or not at all; the saved answers are
-- replaced by the submitted ones. $9: closed on the saved answers after the deadline.
WITH moved AS (
  DELETE FROM level_exam_saved_answers WHERE attempt_id = $1
), answers AS (
  INSERT INTO level_exam_attempt_answers (attempt_id, question_id, selected_option_id)
  SELECT $1, a.question_id, a.option_id FROM unnest($2::bigint[], $3::bigint[]) AS a(question_id, option_id)
), stats AS (
  INSERT INTO level_exam_attempt_module_stats (attempt_id, module_id, correct_cnt, total_cnt)
  SELECT $1, s.module_id, s.correct_cnt, s.total_cnt FROM unnest($4::bigint[], $5::int[], $6::int[]) AS s(module_id, correct_cnt, total_cnt)
)
UPDATE level_exam_attempts
SET submitted_at = now(), score_total = $7, passed = $8, passed_at = CASE WHEN $8 THEN now() END, expired = $9
WHERE id = $1 AND submitted_at IS NULL
RETURNING submitted_at;

-- name: listForUser
SELECT id AS attempt_id, attempt_no, stage_id, created_at, submitted_at, score_total, total_q, pass_score, passed,
       deadline_at, expired
FROM level_exam_attempts
WHERE user_id = $1
ORDER BY created_at DESC, id DESC;

-- name: findWithAssembly
-- One attempt of the learner ($2) with its stored assembly; another learner's is not found.
SELECT id AS attempt_id, attempt_no, stage_id, created_at, submitted_at, score_total, total_q, pass_score, passed,
       deadline_at, expired, assembly
FROM level_exam_attempts
WHERE id = $1 AND user_id = $2;

-- name: listOnStage
SELECT id AS attempt_id, attempt_no, stage_id, created_at, submitted_at, score_total, total_q, pass_score, passed,
       deadline_at, expired
FROM level_exam_attempts
WHERE user_id = $1 AND stage_id = $2
ORDER BY created_at, id;
