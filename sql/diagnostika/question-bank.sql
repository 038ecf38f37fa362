-- The active questions of a track, per module, for the diagnostika draw.

-- name: activePoolsOfTrack
-- Every module of the track, also one without active questions (an empty pool).
SELECT m.id AS module_id,
       ARRAY(SELECT q.id FROM questions q WHERE q.module_id = m.id AND q.is_active ORDER BY q.id) AS question_ids
FROM modules m
WHERE m.track_id = $1
ORDER BY m.id;
