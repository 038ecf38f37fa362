-- The entry diagnostika: one per learner (uq_diagnostika_results_user_once), its questions in the
-- stored order `pos`, and on submit its answers, per-module stats and score, written together.

-- name: findOfLearner
SELECT id, user_id, stage_id, total_q, submitted_at, deadline_at, expired
FROM diagnostika_results
WHERE user_id = $1;

-- name: lockOfLearner
-- Someone else's diagnostika is indistinguishable from a missing one.
SELECT id, user_id, stage_id, total_q, submitted_at, deadline_at, expired
FROM diagnostika_results
WHERE id = $1 AND user_id = $2
FOR UPDATE;

-- name: shareOfLearner
-- The learner's diagnostika under a share lock: autosaves run side by side, while a submit
-- (FOR UPDATE) waits for the saves in flight and a save arriving after it sees it submitted.
SELECT id, user_id, stage_id, total_q, submitted_at, deadline_at, expired
FROM diagnostika_results
WHERE user_id = $1
FOR SHARE;

-- name: create
-- $1 user, $2 stage, $3 total_q, then the questions as parallel arrays: $4 ids, $5 modules, $6 positions;
-- $7 the deadline (NULL: untimed)
WITH result AS (
  INSERT INTO diagnostika_results (user_id, stage_id, total_q, deadline_at)
  VALUES ($1, $2, $3, $7::timestamptz)
  RETURNING id
), questions AS (
  INSERT INTO diagnostika_attempt_questions (diagnostika_id, question_id, module_id, pos)
  SELECT result.id, q.question_id, q.module_id, q.pos
  FROM result, unnest($4::bigint[], $5::bigint[], $6::int[]) AS q (question_id, module_id, pos)
)
SELECT id FROM result;

-- name: questionsOf
-- The options never include which one is correct.
SELECT q.id, q.module_id, q.text,
       (SELECT jsonb_agg(jsonb_build_object('id', o.id, 'pos', o.pos, 'text', o.text) ORDER BY o.pos)
        FROM answer_options o WHERE o.question_id = q.id) AS options
FROM diagnostika_attempt_questions aq
JOIN questions q ON q.id = aq.question_id
WHERE aq.diagnostika_id = $1
ORDER BY aq.pos;

-- name: gradedQuestionsOf
SELECT aq.question_id, aq.module_id, q.correct_option_id,
       ARRAY(SELECT o.id FROM answer_options o WHERE o.question_id = q.id ORDER BY o.pos) AS option_ids
FROM diagnostika_attempt_questions aq
JOIN questions q ON q.id = aq.question_id
WHERE aq.diagnostika_id = $1
ORDER BY aq.pos;

-- name: saveAnswers
-- Last write wins per question: $2 question ids with $3 option ids, a NULL option clears the
-- question's saved answer. Answers how many questions have a saved answer afterwards.
WITH changes AS (
  SELECT * FROM unnest($2::bigint[], $3::bigint[]) AS c(question_id, option_id)
), cleared AS (
  DELETE FROM diagnostika_saved_answers s
  USING changes c
  WHERE s.diagnostika_id = $1 AND s.question_id = c.question_id AND c.option_id IS NULL
), chosen AS (
  INSERT INTO diagnostika_saved_answers (diagnostika_id, question_id, selected_option_id)
  SELECT $1, c.question_id, c.option_id FROM changes c WHERE c.option_id IS NOT NULL
  ON CONFLICT (diagnostika_id, question_id)
  DO UPDATE SET selected_option_id = EXCLUDED.selected_option_id, saved_at = now()
  RETURNING question_id
)
SELECT ((SELECT count(*) FROM diagnostika_saved_answers s
          WHERE s.diagnostika_id = $1 AND s.question_id NOT IN (SELECT question_id FROM changes))
        + (SELECT count(*) FROM chosen))::int AS answered;

-- name: savedAnswersOf
SELECT question_id, selected_option_id
FROM diagnostika_saved_answers
WHERE diagnostika_id = $1;

-- name: expiredOpen
-- Open diagnostikas whose deadline lies before $1 (now minus the grace), oldest deadline first; $2
-- one learner's only, or everyone's when NULL (the close-expired sweep).
SELECT id, user_id
FROM diagnostika_results
WHERE submitted_at IS NULL AND deadline_at < $1::timestamptz AND ($2::bigint IS NULL OR user_id = $2)
ORDER BY deadline_at, id
LIMIT $3;

-- name: saveSubmission
-- $1 diagnostika; answers $2 question ids, $3 option ids; stats $4 modules, $5 correct, $6 total; $7 score;
-- $8 closed on the saved answers after the deadline. One statement, so a submission is written
-- completely or not at all; the saved answers are replaced by the scored ones.
WITH moved AS (
  DELETE FROM diagnostika_saved_answers WHERE diagnostika_id = $1
), answers AS (
  INSERT INTO diagnostika_attempt_answers (diagnostika_id, question_id, selected_option_id)
  SELECT $1, a.question_id, a.option_id
  FROM unnest($2::bigint[], $3::bigint[]) AS a (question_id, option_id)
), stats AS (
  INSERT INTO diagnostika_module_stats (diagnostika_id, module_id, correct_cnt, total_cnt)
  SELECT $1, s.module_id, s.correct, s.total
  FROM unnest($4::bigint[], $5::int[], $6::int[]) AS s (module_id, correct, total)
)
UPDATE diagnostika_results
SET score_total = $7, submitted_at = now(), expired = $8
WHERE id = $1 AND submitted_at IS NULL;

-- name: resultOf
SELECT d.id, d.total_q, d.score_total, d.expired,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('module_id', ms.module_id, 'correct', ms.correct_cnt, 'total', ms.total_cnt) ORDER BY ms.module_id)
                 FROM diagnostika_module_stats ms WHERE ms.diagnostika_id = d.id), '[]'::jsonb) AS module_stats
FROM diagnostika_results d
WHERE d.user_id = $1 AND d.submitted_at IS NOT NULL;
