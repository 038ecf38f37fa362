-- Admin accounts (a perimeter separate from learners).

-- name: findCredentials
SELECT id, password_hash, is_active
FROM admin_users
WHERE lower(email) = lower($1);

-- name: findProfile
SELECT id, email, full_name, is_active
FROM admin_users
WHERE id = $1;

-- name: upsert
-- Create, or reset name and password and reactivate; `xmax = 0` tells an insert from an update.
INSERT INTO admin_users (email, full_name, password_hash)
VALUES ($1, $2, $3)
ON CONFLICT ((lower(email))) DO UPDATE
  SET full_name = EXCLUDED.full_name, password_hash = EXCLUDED.password_hash, is_active = true
RETURNING id, email, full_name, is_active, (xmax = 0) AS created;
