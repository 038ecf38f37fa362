-- Articles as admins author them, with the question ids of their minitest in order.

-- name: list
-- $1 track, $2 stage, $3 module, $4 kind (each NULL: any), $5 cursor (last id of the previous page), $6 limit
SELECT a.id, a.track_id, a.module_id, a.stage_id, a.kind, a.position, a.title, a.content_ref, a.body, a.is_active, a.created_at,
       COALESCE((SELECT array_agg(mq.question_id ORDER BY mq.pos) FROM article_minitest_questions mq WHERE mq.article_id = a.id), '{}') AS minitest_question_ids
FROM articles a
WHERE ($1::bigint IS NULL OR a.track_id = $1::bigint)
  AND ($2::bigint IS NULL OR a.stage_id = $2::bigint)
  AND ($3::bigint IS NULL OR a.module_id = $3::bigint)
  AND ($4::text IS NULL OR a.kind = $4::text)
  AND ($5::bigint IS NULL OR a.id > $5::bigint)
ORDER BY a.id
LIMIT $6;

-- name: find
SELECT a.id, a.track_id, a.module_id, a.stage_id, a.kind, a.position, a.title, a.content_ref, a.body, a.is_active, a.created_at,
       COALESCE((SELECT array_agg(mq.question_id ORDER BY mq.pos) FROM article_minitest_questions mq WHERE mq.article_id = a.id), '{}') AS minitest_question_ids
FROM articles a
WHERE a.id = $1;

-- name: placement
-- is the module there, and is the stage on the module's track?
SELECT m.id, EXISTS (SELECT 1 FROM stages s WHERE s.id = $2 AND s.track_id = m.track_id) AS stage_on_track
FROM modules m
WHERE m.id = $1;

-- name: insert
-- $1 module, $2 stage, $3 kind, $4 position, $5 title, $6 content_ref, $7 body; the track is the module's
INSERT INTO articles (track_id, module_id, stage_id, kind, position, title, content_ref, body)
SELECT m.track_id, m.id, $2, $3, $4, $5, $6, $7
FROM modules m
WHERE m.id = $1
RETURNING id;

-- name: lock
-- NO KEY UPDATE: learners' content assignment (a foreign key to the article) is not blocked
SELECT a.id, a.module_id, a.kind
FROM articles a
WHERE a.id = $1
FOR NO KEY UPDATE OF a;

-- name: update
-- each NULL parameter keeps the current value
UPDATE articles
SET title = COALESCE($2, title),
    content_ref = COALESCE($3, content_ref),
    body = COALESCE($4, body),
    position = COALESCE($5, position),
    is_active = COALESCE($6, is_active)
WHERE id = $1;

-- name: deleteMinitest
DELETE FROM article_minitest_questions WHERE article_id = $1;

-- name: insertMinitest
-- $3 the question ids in minitest order (positions 1..3); the composite foreign keys prove the
-- article is required and every question is of its module
INSERT INTO article_minitest_questions (article_id, pos, question_id, module_id, kind)
SELECT $1, pick.pos, pick.question_id, $2, 'required'
FROM unnest($3::bigint[]) WITH ORDINALITY AS pick (question_id, pos);
