-- The learner's stage rows. "Current" = the one row that is active or pending_approval (the
-- partial unique index uq_user_stage_progress_one_current_per_user finds it).

-- name: findCurrentStage
SELECT p.user_id, p.track_id, p.stage_id, s.rank, s.level, s.position, p.status, p.settings_version_id, p.activated_at
FROM user_stage_progress p
JOIN stages s ON s.id = p.stage_id
WHERE p.user_id = $1 AND p.status IN ('active', 'pending_approval');

-- name: lockCurrentStage
-- Locks only the learner's own progress row: stages are shared by every learner of the track.
SELECT p.user_id, p.track_id, p.stage_id, s.rank, s.level, s.position, p.status, p.settings_version_id, p.activated_at
FROM user_stage_progress p
JOIN stages s ON s.id = p.stage_id
WHERE p.user_id = $1 AND p.status IN ('active', 'pending_approval')
FOR UPDATE OF p;

-- name: findOverview
-- One statement for GET /progress/current-stage: the current row, else (graduated) the latest one.
-- A learner has at most ten rows, all reached through the primary key's user_id prefix.
SELECT p.user_id, p.track_id, t.name AS track_name, p.stage_id, s.rank, s.level, s.position, p.status,
       p.settings_version_id, p.activated_at, p.completed_at, u.graduated_at
FROM user_stage_progress p
JOIN stages s ON s.id = p.stage_id
JOIN tracks t ON t.id = p.track_id
JOIN users u ON u.id = p.user_id
WHERE p.user_id = $1
ORDER BY (p.status <> 'completed') DESC, s.position DESC
LIMIT 1;

-- name: listHistory
SELECT p.stage_id, s.rank, s.level, s.position, p.status, p.settings_version_id, p.activated_at, p.completed_at
FROM user_stage_progress p
JOIN stages s ON s.id = p.stage_id
WHERE p.user_id = $1
ORDER BY s.position;
