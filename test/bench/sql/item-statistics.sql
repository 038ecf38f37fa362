-- The item-statistics scenario's data set-up (test/bench/item-statistics.scenario.ts). The bench writes its
-- learners' answers set-based, past the submit use cases, so their item statistics are folded here the same way:
-- every answer of a submitted diagnostika, level exam or rank final, x = 1 when right, its rest score X = the
-- fraction right on the attempt's other questions (0 without any), striped by attempt id mod 8 like the submit's
-- fold. Run on one session: the scored answers are a TEMP table both stripe tables are built from.

-- name: scoreAnswers
CREATE TEMP TABLE bench_scored_answers ON COMMIT DROP AS
WITH answers AS (
  SELECT 'd' AS kind, x.diagnostika_id AS attempt_id, x.question_id, x.selected_option_id,
         (x.selected_option_id = q.correct_option_id)::int AS x
  FROM diagnostika_attempt_answers x
  JOIN diagnostika_results a ON a.id = x.diagnostika_id AND a.submitted_at IS NOT NULL
  JOIN questions q ON q.id = x.question_id
  UNION ALL
  SELECT 'l', x.attempt_id, x.question_id, x.selected_option_id, (x.selected_option_id = q.correct_option_id)::int
  FROM level_exam_attempt_answers x
  JOIN level_exam_attempts a ON a.id = x.attempt_id AND a.submitted_at IS NOT NULL
  JOIN questions q ON q.id = x.question_id
  UNION ALL
  SELECT 'r', x.attempt_id, x.question_id, x.selected_option_id, (x.selected_option_id = q.correct_option_id)::int
  FROM rank_final_attempt_answers x
  JOIN rank_final_attempts a ON a.id = x.attempt_id AND a.submitted_at IS NOT NULL
  JOIN questions q ON q.id = x.question_id
), totals AS (
  SELECT kind, attempt_id, count(*) AS n, sum(x) AS right_total FROM answers GROUP BY kind, attempt_id
)
SELECT a.attempt_id % 8 AS shard, a.question_id, a.selected_option_id, a.x,
       CASE WHEN t.n < 2 THEN 0 ELSE (t.right_total - a.x)::float8 / (t.n - 1) END AS rest
FROM answers a JOIN totals t USING (kind, attempt_id);

-- name: clearStripes
TRUNCATE item_statistic_stripes, item_option_stripes;

-- name: foldQuestionStripes
INSERT INTO item_statistic_stripes (question_id, shard, responses, sum_correct, sum_rest, sum_rest_squared, sum_correct_rest)
SELECT question_id, shard, count(*), sum(x), sum(rest), sum(rest * rest), sum(x * rest)
FROM bench_scored_answers GROUP BY question_id, shard;

-- name: foldOptionStripes
INSERT INTO item_option_stripes (option_id, shard, question_id, chosen, sum_rest)
SELECT selected_option_id, shard, question_id, count(*), sum(rest)
FROM bench_scored_answers GROUP BY selected_option_id, shard, question_id;

-- name: answersFolded
SELECT COALESCE(sum(responses), 0)::int AS answers FROM item_statistic_stripes;

-- name: modulesOfTrack
SELECT m.id FROM modules m JOIN tracks t ON t.id = m.track_id WHERE t.name = $1 ORDER BY m.id;
