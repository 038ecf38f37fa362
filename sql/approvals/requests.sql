-- Approval requests (rank transitions and graduation) and the admin queue.

-- name: create
INSERT INTO approval_requests (user_id, track_id, type, from_stage_id, to_stage_id, comment)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id, user_id, track_id, type, status, from_stage_id, to_stage_id, created_at, decided_at, comment;

-- name: decide
-- Only a pending request can be decided: of two admins racing, one updates the row, the other none.
UPDATE approval_requests
SET status = $2, decided_at = now(), decided_by_admin_id = $3, comment = COALESCE($4, comment)
WHERE id = $1 AND status = 'pending'
RETURNING id, user_id, track_id, type, status, from_stage_id, to_stage_id, created_at, decided_at, comment;

-- name: exists
SELECT EXISTS (SELECT 1 FROM approval_requests WHERE id = $1) AS found;

-- name: listMine
SELECT id, user_id, track_id, type, status, from_stage_id, to_stage_id, created_at, decided_at, comment
FROM approval_requests
WHERE user_id = $1
ORDER BY created_at DESC, id DESC;

-- name: lockOwn
SELECT r.id, r.user_id, r.track_id, r.type, r.status, r.from_stage_id, r.to_stage_id, r.created_at, r.decided_at, r.comment,
       (SELECT l.status FROM approval_requests l
         WHERE l.user_id = r.user_id AND l.from_stage_id = r.from_stage_id
         ORDER BY l.created_at DESC, l.id DESC LIMIT 1) AS latest_status
FROM approval_requests r
WHERE r.id = $1 AND r.user_id = $2
FOR UPDATE OF r;

-- name: listOldestFirst
-- Keyset paging on the id (the order requests were made in): $3 is the last id of the previous
-- page. Ids, unlike timestamps cut to milliseconds in JSON, make an exact cursor.
SELECT * FROM approval_request_details
WHERE status = $1 AND ($2::text IS NULL OR type = $2) AND ($3::bigint IS NULL OR id > $3)
ORDER BY id
LIMIT $4;

-- name: listNewestFirst
SELECT * FROM approval_request_details
WHERE status = $1 AND ($2::text IS NULL OR type = $2) AND ($3::bigint IS NULL OR id < $3)
ORDER BY id DESC
LIMIT $4;

-- name: find
SELECT * FROM approval_request_details WHERE id = $1;
