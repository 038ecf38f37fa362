-- Everything the level-exam admission report of one learner stage needs, in one statement:
-- the stage's assignments (with module names and titles) and whether each exam kind was passed.

-- name: checklistOf
-- $1 user id, $2 stage id
SELECT
  COALESCE((
    SELECT jsonb_agg(jsonb_build_object(
             'article_id', usa.article_id, 'module_id', a.module_id, 'module_name', m.name, 'title', a.title,
             'kind', usa.kind, 'is_read', usa.is_read, 'minitest_passed', usa.minitest_passed)
           ORDER BY a.module_id, usa.article_id)
    FROM user_stage_articles usa
    JOIN articles a ON a.id = usa.article_id
    JOIN modules m ON m.id = a.module_id
    WHERE usa.user_id = $1 AND usa.stage_id = $2
  ), '[]'::jsonb) AS assignments,
  EXISTS (SELECT 1 FROM level_exam_attempts e WHERE e.user_id = $1 AND e.stage_id = $2 AND e.passed) AS level_exam_passed,
  EXISTS (SELECT 1 FROM rank_final_attempts f WHERE f.user_id = $1 AND f.stage_id = $2 AND f.passed) AS rank_final_passed;
