-- The public catalog: tracks, their ladder of stages and their modules.

-- name: listTracks
SELECT id, name FROM tracks ORDER BY id;

-- name: findTrack
-- One statement: the track with its stages (by position) and modules (by id) as JSON arrays.
SELECT t.id, t.name,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('id', s.id, 'rank', s.rank, 'level', s.level, 'position', s.position) ORDER BY s.position)
                 FROM stages s WHERE s.track_id = t.id), '[]'::jsonb) AS stages,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('id', m.id, 'name', m.name) ORDER BY m.id)
                 FROM modules m WHERE m.track_id = t.id), '[]'::jsonb) AS modules
FROM tracks t
WHERE t.id = $1;
