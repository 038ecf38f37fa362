-- Learner accounts. Emails are stored trimmed and lower-cased; lookups compare lower(email) so
-- they use the unique index uq_users_email_lower.

-- name: insert
INSERT INTO users (email, full_name, password_hash, track_id)
VALUES ($1, $2, $3, $4)
RETURNING id, email, full_name, track_id, created_at, graduated_at;

-- name: findCredentials
SELECT id, password_hash, is_active
FROM users
WHERE lower(email) = lower($1);

-- name: findProfile
SELECT id, email, full_name, track_id, created_at, graduated_at
FROM users
WHERE id = $1;

-- name: markGraduated
-- Graduation is final: once set, graduated_at never changes.
UPDATE users
SET graduated_at = now()
WHERE id = $1 AND graduated_at IS NULL
RETURNING graduated_at;

-- name: isActive
SELECT is_active
FROM users
WHERE id = $1;

-- name: updatePassword
UPDATE users
SET password_hash = $2
WHERE id = $1;

-- name: setActive
UPDATE users
SET is_active = $2
WHERE id = $1
RETURNING id;

-- name: extraTimePct
SELECT extra_time_pct
FROM users
WHERE id = $1;

-- name: setExtraTimePct
UPDATE users
SET extra_time_pct = $2
WHERE id = $1
RETURNING id;
