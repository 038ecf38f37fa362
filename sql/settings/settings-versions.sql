-- Settings versions of a track and their parameters (track_settings, 1:1). The parameters travel
-- as one JSON object whose keys are the track_settings column names, expanded with
-- jsonb_populate_record so the column list lives in the table, not in every query.

-- name: lockTrack
-- FOR NO KEY UPDATE: serialises version creation per track without blocking the KEY SHARE locks
-- that foreign-key checks (signups, new modules) take on the track row.
SELECT t.id, (SELECT count(*)::int FROM modules m WHERE m.track_id = t.id) AS module_count
FROM tracks t
WHERE t.id = $1
FOR NO KEY UPDATE OF t;

-- name: trackExists
SELECT t.id FROM tracks t WHERE t.id = $1;

-- name: moduleCount
SELECT count(*)::int AS module_count FROM modules m WHERE m.track_id = $1;

-- name: listByTrack
SELECT v.id, v.track_id, v.version_no, v.status, v.note, v.created_at, v.created_by_admin_id, v.activated_at, v.archived_at,
       to_jsonb(s) - 'settings_version_id' AS settings
FROM settings_versions v
JOIN track_settings s ON s.settings_version_id = v.id
WHERE v.track_id = $1
ORDER BY v.version_no DESC;

-- name: find
SELECT v.id, v.track_id, v.version_no, v.status, v.note, v.created_at, v.created_by_admin_id, v.activated_at, v.archived_at,
       to_jsonb(s) - 'settings_version_id' AS settings
FROM settings_versions v
JOIN track_settings s ON s.settings_version_id = v.id
WHERE v.id = $1;

-- name: findActive
SELECT v.id, v.track_id, v.version_no, v.status, v.note, v.created_at, v.created_by_admin_id, v.activated_at, v.archived_at,
       to_jsonb(s) - 'settings_version_id' AS settings
FROM settings_versions v
JOIN track_settings s ON s.settings_version_id = v.id
WHERE v.track_id = $1 AND v.status = 'active';

-- name: lockVersion
SELECT v.id, v.track_id, v.version_no, v.status, v.note, v.created_at, v.created_by_admin_id, v.activated_at, v.archived_at,
       to_jsonb(s) - 'settings_version_id' AS settings
FROM settings_versions v
JOIN track_settings s ON s.settings_version_id = v.id
WHERE v.id = $1
FOR UPDATE OF v;

-- name: lockVersionsOfTrackOf
-- Every version of the track of version $1, locked in id order (the sort runs below the lock, so
-- two activations take the locks in the same order and cannot deadlock).
SELECT v.id, v.track_id, v.version_no, v.status, v.note, v.created_at, v.created_by_admin_id, v.activated_at, v.archived_at,
       to_jsonb(s) - 'settings_version_id' AS settings
FROM settings_versions v
JOIN track_settings s ON s.settings_version_id = v.id
WHERE v.track_id = (SELECT target.track_id FROM settings_versions target WHERE target.id = $1)
ORDER BY v.id
FOR UPDATE OF v;

-- name: insertDraft
-- $1 track, $2 note, $3 admin, $4 settings (jsonb). The caller holds the track lock, so max + 1 is free.
WITH version AS (
  INSERT INTO settings_versions (track_id, version_no, status, note, created_by_admin_id)
  SELECT $1, COALESCE(max(existing.version_no), 0) + 1, 'draft', $2, $3
  FROM settings_versions existing
  WHERE existing.track_id = $1
  RETURNING id, track_id, version_no, status, note, created_at, created_by_admin_id, activated_at, archived_at
), settings AS (
  INSERT INTO track_settings
  SELECT (jsonb_populate_record(NULL::track_settings, $4::jsonb || jsonb_build_object('settings_version_id', version.id))).*
  FROM version
  RETURNING *
)
SELECT version.*, to_jsonb(settings) - 'settings_version_id' AS settings
FROM version
JOIN settings ON settings.settings_version_id = version.id;

-- name: updateDraft
-- $1 version, $2 note, $3 settings (jsonb). The trigger of migration 0003 refuses the parameters
-- of a version that is not a draft (ck_track_settings_version_is_draft).
WITH version AS (
  UPDATE settings_versions SET note = $2 WHERE id = $1 AND status = 'draft' RETURNING id
)
UPDATE track_settings t
SET expected_modules_count = r.expected_modules_count,
    entry_total_q = r.entry_total_q,
    entry_per_module_q = r.entry_per_module_q,
    level_exam_total_q = r.level_exam_total_q,
    level_exam_pass_score = r.level_exam_pass_score,
    k_exam = r.k_exam,
    level_exam_min_per_module = r.level_exam_min_per_module,
    level_exam_max_per_module = r.level_exam_max_per_module,
    rank_final_total_q = r.rank_final_total_q,
    rank_final_pass_score = r.rank_final_pass_score,
    k_final = r.k_final,
    rank_final_min_per_module = r.rank_final_min_per_module,
    rank_final_max_per_module = r.rank_final_max_per_module,
    content_k_weak_modules = r.content_k_weak_modules,
    content_optional_per_module = r.content_optional_per_module,
    item_min_responses = r.item_min_responses,
    item_min_facility_pct = r.item_min_facility_pct,
    item_max_facility_pct = r.item_max_facility_pct,
    item_min_discrimination_pct = r.item_min_discrimination_pct,
    exclude_flagged_items = r.exclude_flagged_items,
    level_exam_time_limit_minutes = r.level_exam_time_limit_minutes,
    rank_final_time_limit_minutes = r.rank_final_time_limit_minutes,
    diagnostika_time_limit_minutes = r.diagnostika_time_limit_minutes,
    weakness_metric = r.weakness_metric
FROM jsonb_populate_record(NULL::track_settings, $3::jsonb) AS r
WHERE t.settings_version_id = $1;

-- name: archiveActiveOfTrack
-- First half of an activation: the unique index allows one active version per track, so the
-- current one is archived before the draft is activated.
UPDATE settings_versions
SET status = 'archived', archived_at = now()
WHERE track_id = $1 AND status = 'active';

-- name: activateDraft
UPDATE settings_versions
SET status = 'active', activated_at = now()
WHERE id = $1 AND status = 'draft';

-- name: archiveDraft
UPDATE settings_versions
SET status = 'archived', archived_at = now()
WHERE id = $1 AND status = 'draft';
