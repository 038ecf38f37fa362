-- Moving a learner along the ladder. Every statement is conditional on the row's current status,
-- so a transition applies once; the unique index on the current stage backs them up.

-- name: nextStage
SELECT id, rank, level, position
FROM stages
WHERE track_id = $1 AND position > $2
ORDER BY position
LIMIT 1;

-- name: lockStage
SELECT p.status, p.track_id
FROM user_stage_progress p
WHERE p.user_id = $1 AND p.stage_id = $2
FOR UPDATE OF p;

-- name: markPendingApproval
UPDATE user_stage_progress
SET status = 'pending_approval'
WHERE user_id = $1 AND stage_id = $2 AND status = 'active';

-- name: complete
UPDATE user_stage_progress
SET status = 'completed', completed_at = now()
WHERE user_id = $1 AND stage_id = $2 AND status = $3;

-- name: activate
-- Pinned to the track's active settings version at this very moment (docs/product.md, "Learner journey"): rules published
-- since the learner's previous stage apply from this stage on. No row when the track has none.
INSERT INTO user_stage_progress (user_id, stage_id, track_id, settings_version_id, status)
SELECT $1, $3, $2, v.id, 'active'
FROM settings_versions v
WHERE v.track_id = $2 AND v.status = 'active'
RETURNING settings_version_id;
