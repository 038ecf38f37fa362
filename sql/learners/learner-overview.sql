-- The admin's view of learners. A reporting read model: it reads the tables of progress,
-- diagnostika, exams and approvals, and writes nothing.

-- name: list
-- $1 ILIKE pattern (NULL: everyone), $2 track (NULL: any), $3 cursor (last id of the previous page), $4 limit.
-- Ordered by id so the cursor is stable while learners sign up.
SELECT u.id, u.email, u.full_name, u.track_id, t.name AS track_name, u.created_at, u.graduated_at, u.is_active, u.extra_time_pct,
       current.stage_id AS current_stage_id, stage.rank AS current_rank, stage.level AS current_level, current.status AS current_status
FROM users u
JOIN tracks t ON t.id = u.track_id
LEFT JOIN user_stage_progress current ON current.user_id = u.id AND current.status IN ('active', 'pending_approval')
LEFT JOIN stages stage ON stage.id = current.stage_id
WHERE ($1::text IS NULL OR u.email ILIKE $1::text ESCAPE '\' OR u.full_name ILIKE $1::text ESCAPE '\')
  AND ($2::bigint IS NULL OR u.track_id = $2::bigint)
  AND ($3::bigint IS NULL OR u.id > $3::bigint)
ORDER BY u.id
LIMIT $4;

-- name: detail
-- One statement: every part comes from the same snapshot. Nested rows travel as jsonb.
SELECT u.id, u.email, u.full_name, u.track_id, t.name AS track_name, u.created_at, u.graduated_at, u.is_active, u.extra_time_pct,
       current.stage_id AS current_stage_id, stage.rank AS current_rank, stage.level AS current_level, current.status AS current_status,
       COALESCE((
         SELECT jsonb_agg(jsonb_build_object(
                  'stage_id', p.stage_id, 'rank', s.rank, 'level', s.level, 'position', s.position, 'status', p.status,
                  'settings_version_id', p.settings_version_id, 'settings_version_no', v.version_no,
                  'activated_at', p.activated_at, 'completed_at', p.completed_at) ORDER BY s.position)
         FROM user_stage_progress p
         JOIN stages s ON s.id = p.stage_id
         JOIN settings_versions v ON v.id = p.settings_version_id
         WHERE p.user_id = u.id), '[]'::jsonb) AS stages,
       (SELECT jsonb_build_object(
                 'diagnostika_id', d.id, 'stage_id', d.stage_id, 'total_q', d.total_q, 'score_total', d.score_total,
                 'created_at', d.created_at, 'submitted_at', d.submitted_at,
                 'module_stats', COALESCE((
                   SELECT jsonb_agg(jsonb_build_object('module_id', ms.module_id, 'module_name', m.name, 'correct_cnt', ms.correct_cnt, 'total_cnt', ms.total_cnt) ORDER BY ms.module_id)
                   FROM diagnostika_module_stats ms JOIN modules m ON m.id = ms.module_id
                   WHERE ms.diagnostika_id = d.id), '[]'::jsonb))
        FROM diagnostika_results d WHERE d.user_id = u.id) AS diagnostika,
       COALESCE((
         SELECT jsonb_agg(to_jsonb(attempt) ORDER BY attempt.created_at DESC, attempt.attempt_id DESC)
         FROM (
           SELECT 'level_exam' AS kind, e.id AS attempt_id, e.attempt_no, e.stage_id, e.settings_version_id, e.total_q, e.pass_score,
                  e.score_total, e.passed, e.created_at, e.submitted_at, e.assembly
           FROM level_exam_attempts e WHERE e.user_id = u.id
           UNION ALL
           SELECT 'rank_final', f.id, f.attempt_no, f.stage_id, f.settings_version_id, f.total_q, f.pass_score,
                  f.score_total, f.passed, f.created_at, f.submitted_at, f.assembly
           FROM rank_final_attempts f WHERE f.user_id = u.id
         ) AS attempt), '[]'::jsonb) AS attempts,
       COALESCE((
         SELECT jsonb_agg(jsonb_build_object(
                  'request_id', r.id, 'type', r.type, 'status', r.status, 'from_stage_id', r.from_stage_id, 'to_stage_id', r.to_stage_id,
                  'comment', r.comment, 'created_at', r.created_at, 'decided_at', r.decided_at, 'decided_by_admin_id', r.decided_by_admin_id)
                ORDER BY r.created_at DESC, r.id DESC)
         FROM approval_requests r WHERE r.user_id = u.id), '[]'::jsonb) AS approvals
FROM users u
JOIN tracks t ON t.id = u.track_id
LEFT JOIN user_stage_progress current ON current.user_id = u.id AND current.status IN ('active', 'pending_approval')
LEFT JOIN stages stage ON stage.id = current.stage_id
WHERE u.id = $1;
