-- The admin audit trail (migration 0009): append-only, read newest first.

-- name: record
INSERT INTO admin_audit_log (admin_id, action, entity_type, entity_id, details)
VALUES ($1, $2, $3, $4, $5::jsonb);

-- name: list
-- $1 entity_type, $2 entity_id, $3 admin_id (each NULL: any), $4 cursor (id below which to read; NULL: newest), $5 limit
SELECT log.id, log.admin_id, admin.email AS admin_email, log.action, log.entity_type, log.entity_id, log.details, log.created_at
FROM admin_audit_log log
JOIN admin_users admin ON admin.id = log.admin_id
WHERE ($1::text IS NULL OR log.entity_type = $1::text)
  AND ($2::bigint IS NULL OR log.entity_id = $2::bigint)
  AND ($3::bigint IS NULL OR log.admin_id = $3::bigint)
  AND ($4::bigint IS NULL OR log.id < $4::bigint)
ORDER BY log.id DESC
LIMIT $5;
