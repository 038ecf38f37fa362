-- Tracks, their ladder of stages and their modules, as the admin workspace shapes them.

-- name: listTracks
-- Every track, or the one of $1 (the detail view reads the same shape).
SELECT t.id, t.name, t.created_at,
       (SELECT v.id FROM settings_versions v WHERE v.track_id = t.id AND v.status = 'active') AS active_settings_version_id,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('id', s.id, 'rank', s.rank, 'level', s.level, 'position', s.position) ORDER BY s.position)
                 FROM stages s WHERE s.track_id = t.id), '[]'::jsonb) AS stages,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('id', m.id, 'track_id', m.track_id, 'name', m.name) ORDER BY m.id)
                 FROM modules m WHERE m.track_id = t.id), '[]'::jsonb) AS modules
FROM tracks t
WHERE $1::bigint IS NULL OR t.id = $1
ORDER BY t.id;

-- name: insertTrack
INSERT INTO tracks (name) VALUES ($1) RETURNING id;

-- name: insertStages
-- $2: the ladder as [{rank, level, position}]
INSERT INTO stages (track_id, rank, level, position)
SELECT $1, ladder.rank, ladder.level, ladder.position
FROM jsonb_to_recordset($2::jsonb) AS ladder (rank text, level integer, position integer)
ORDER BY ladder.position;

-- name: insertModule
-- no row when the track does not exist
INSERT INTO modules (track_id, name)
SELECT t.id, $2 FROM tracks t WHERE t.id = $1
RETURNING id, track_id, name;

-- name: renameModule
-- the self-join reads the name as it was before this statement
UPDATE modules module
SET name = $2
FROM modules before
WHERE module.id = $1 AND before.id = module.id
RETURNING module.id, module.track_id, module.name, before.name AS previous_name;
