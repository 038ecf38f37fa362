-- Refresh-token families (sessions). Tokens are looked up by their SHA-256 digest only. A family is
-- live while its unrotated token is neither revoked nor expired. Times come from the application's
-- clock ($n parameters), never now(), so tests can move time.

-- name: startFamily
-- The first token of a family is its own family id (the session id).
WITH next AS (SELECT nextval(pg_get_serial_sequence('refresh_tokens', 'id')) AS id)
INSERT INTO refresh_tokens
  (id, family_id, token_hash, user_id, admin_id, created_at, last_used_at, expires_at, family_expires_at,
   user_agent, created_ip)
SELECT next.id, next.id, $1, $2, $3, $4, $4, $5, $6, $7, $8
FROM next
RETURNING family_id;

-- name: ownerOfDigest
-- Unlocked: only to know whose row to lock first (owner row, then token rows: one lock order everywhere).
SELECT user_id, admin_id
FROM refresh_tokens
WHERE token_hash = $1;

-- name: shareLearner
-- Refreshes share the owner's row; revocations take it exclusively, so a revocation waits for the refreshes in
-- flight and its UPDATE then sees their successors, and later refreshes see the revocation.
SELECT is_active FROM users WHERE id = $1 FOR SHARE;

-- name: shareAdmin
SELECT is_active FROM admin_users WHERE id = $1 FOR SHARE;

-- name: lockLearner
SELECT is_active FROM users WHERE id = $1 FOR NO KEY UPDATE;

-- name: lockAdmin
SELECT is_active FROM admin_users WHERE id = $1 FOR NO KEY UPDATE;

-- name: lockByDigest
SELECT id, family_id, user_id, admin_id, expires_at, family_expires_at, rotated_at, revoked_at
FROM refresh_tokens
WHERE token_hash = $1
FOR UPDATE;

-- name: rotate
-- One statement: the rotated token names its successor and the successor joins the family; the
-- successor FK is checked at the end of the statement, when both rows exist.
WITH next AS (SELECT nextval(pg_get_serial_sequence('refresh_tokens', 'id')) AS id),
rotated AS (
  UPDATE refresh_tokens
  SET rotated_at = $2, last_used_at = $2, replaced_by_id = (SELECT id FROM next)
  WHERE id = $1 AND rotated_at IS NULL AND revoked_at IS NULL
  RETURNING family_id, user_id, admin_id, family_expires_at
)
INSERT INTO refresh_tokens
  (id, family_id, token_hash, user_id, admin_id, created_at, last_used_at, expires_at, family_expires_at,
   user_agent, created_ip)
SELECT next.id, rotated.family_id, $3, rotated.user_id, rotated.admin_id, $2, $2, $4, rotated.family_expires_at,
       $5, $6
FROM next, rotated;

-- name: revokeFamily
UPDATE refresh_tokens
SET revoked_at = greatest($2, created_at)
WHERE family_id = $1 AND revoked_at IS NULL;

-- name: revokeLearnerFamilies
-- $3: a family to keep (the caller's own session), or null.
UPDATE refresh_tokens
SET revoked_at = greatest($2, created_at)
WHERE user_id = $1 AND revoked_at IS NULL AND family_id IS DISTINCT FROM $3;

-- name: revokeAdminFamilies
UPDATE refresh_tokens
SET revoked_at = greatest($2, created_at)
WHERE admin_id = $1 AND revoked_at IS NULL AND family_id IS DISTINCT FROM $3;

-- name: revokeLiveLearnerFamily
-- Only a live family of this learner: another learner's or an ended session touches nothing (404).
UPDATE refresh_tokens
SET revoked_at = greatest($3, created_at)
WHERE family_id = $2 AND revoked_at IS NULL
  AND EXISTS (
    SELECT 1 FROM refresh_tokens live
    WHERE live.family_id = $2 AND live.user_id = $1
      AND live.rotated_at IS NULL AND live.revoked_at IS NULL AND live.expires_at > $3
  );

-- name: listLiveFamilies
-- The unrotated token of each live family carries its last use and current expiry; the family's
-- first token (id = family_id) its start and user agent.
SELECT live.family_id AS id, first.created_at, live.last_used_at, live.expires_at, first.user_agent
FROM refresh_tokens live
JOIN refresh_tokens first ON first.id = live.family_id
WHERE live.user_id = $1 AND live.rotated_at IS NULL AND live.revoked_at IS NULL AND live.expires_at > $2
ORDER BY live.last_used_at DESC, live.family_id DESC;

-- name: pruneEnded
-- A family has ended when no unrotated, unrevoked, unexpired token is left in it.
DELETE FROM refresh_tokens t
WHERE NOT EXISTS (
  SELECT 1 FROM refresh_tokens live
  WHERE live.family_id = t.family_id
    AND live.rotated_at IS NULL AND live.revoked_at IS NULL AND live.expires_at > $1
);

-- name: pruneEndedOfLearner
DELETE FROM refresh_tokens t
WHERE t.user_id = $2 AND NOT EXISTS (
  SELECT 1 FROM refresh_tokens live
  WHERE live.family_id = t.family_id
    AND live.rotated_at IS NULL AND live.revoked_at IS NULL AND live.expires_at > $1
);

-- name: pruneEndedOfAdmin
DELETE FROM refresh_tokens t
WHERE t.admin_id = $2 AND NOT EXISTS (
  SELECT 1 FROM refresh_tokens live
  WHERE live.family_id = t.family_id
    AND live.rotated_at IS NULL AND live.revoked_at IS NULL AND live.expires_at > $1
);
