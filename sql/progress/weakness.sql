-- The evidence of a learner's weakness profile (docs/product.md, "Weakness"), one statement: every module of the
-- track with the summed (correct, total) of the submitted diagnostika and, when $3 is true
-- (metric error_rate), of every submitted level-exam and rank-final attempt of the learner.
-- A learner belongs to one track, so all their attempts are on it; joining the track's modules
-- ignores anything else.

-- name: evidenceOf
-- $1 user id, $2 track id, $3 include exam attempts
WITH evidence AS (
  SELECT ms.module_id, ms.correct_cnt, ms.total_cnt
  FROM diagnostika_results d
  JOIN diagnostika_module_stats ms ON ms.diagnostika_id = d.id
  WHERE d.user_id = $1 AND d.submitted_at IS NOT NULL
  UNION ALL
  SELECT ms.module_id, ms.correct_cnt, ms.total_cnt
  FROM level_exam_attempts e
  JOIN level_exam_attempt_module_stats ms ON ms.attempt_id = e.id
  WHERE $3::boolean AND e.user_id = $1 AND e.submitted_at IS NOT NULL
  UNION ALL
  SELECT ms.module_id, ms.correct_cnt, ms.total_cnt
  FROM rank_final_attempts f
  JOIN rank_final_attempt_module_stats ms ON ms.attempt_id = f.id
  WHERE $3::boolean AND f.user_id = $1 AND f.submitted_at IS NOT NULL
)
SELECT m.id AS module_id, m.name AS module_name,
       COALESCE(sum(e.correct_cnt), 0)::int AS correct,
       COALESCE(sum(e.total_cnt), 0)::int AS total
FROM modules m
LEFT JOIN evidence e ON e.module_id = m.id
WHERE m.track_id = $2
GROUP BY m.id, m.name
ORDER BY m.id;
