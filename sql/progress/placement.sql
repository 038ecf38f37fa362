-- Where a new learner starts: the chosen track (or the default one), its first stage by
-- position, and its active settings version (which the first stage is pinned to).

-- name: findEntryPoint
-- $1 requested track id (NULL: default), $2 the default track's name
WITH chosen AS (
  SELECT t.id
  FROM tracks t
  WHERE t.id = COALESCE($1::bigint, (SELECT id FROM tracks WHERE name = $2), (SELECT min(id) FROM tracks))
)
SELECT c.id AS track_id,
       (SELECT s.id FROM stages s WHERE s.track_id = c.id ORDER BY s.position LIMIT 1) AS first_stage_id,
       (SELECT v.id FROM settings_versions v WHERE v.track_id = c.id AND v.status = 'active') AS settings_version_id
FROM chosen c;

-- name: placeOnFirstStage
INSERT INTO user_stage_progress (user_id, stage_id, track_id, settings_version_id, status)
VALUES ($1, $2, $3, $4, 'active');
