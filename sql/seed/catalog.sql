-- Seed, part 1: the `default` track, its ladder of 10 stages, its 5 modules and the bootstrap
-- settings version (the demo seed). $1 is the track name.
-- Every statement inserts only what is missing (natural keys) and RETURNS one row per inserted row,
-- so a second run returns nothing. The NOT EXISTS filters keep re-runs from burning identity
-- values; ON CONFLICT … DO NOTHING still settles a concurrent seed.

-- name: upsertTrack
INSERT INTO tracks (name)
SELECT $1::text
WHERE NOT EXISTS (SELECT 1 FROM tracks WHERE name = $1::text)
ON CONFLICT (name) DO NOTHING
RETURNING id;

-- name: upsertStages
INSERT INTO stages (track_id, rank, level, position)
SELECT track.id, ladder.rank, ladder.level, ladder.position
FROM tracks track
CROSS JOIN (VALUES
  ('trainee', 0, 1),
  ('junior', 1, 2), ('junior', 2, 3), ('junior', 3, 4),
  ('middle', 1, 5), ('middle', 2, 6), ('middle', 3, 7),
  ('senior', 1, 8), ('senior', 2, 9), ('senior', 3, 10)
) AS ladder (rank, level, position)
WHERE track.name = $1::text
  AND NOT EXISTS (
    SELECT 1 FROM stages stage
    WHERE stage.track_id = track.id AND stage.rank = ladder.rank AND stage.level = ladder.level
  )
ORDER BY ladder.position
ON CONFLICT (track_id, rank, level) DO NOTHING
RETURNING id;

-- name: upsertModules
INSERT INTO modules (track_id, name)
SELECT track.id, catalog.name
FROM tracks track
CROSS JOIN (VALUES
  ('python-basics', 1), ('sql-basics', 2), ('backend-architecture', 3), ('testing', 4), ('devops', 5)
) AS catalog (name, ord)
WHERE track.name = $1::text
  AND NOT EXISTS (SELECT 1 FROM modules module WHERE module.track_id = track.id AND module.name = catalog.name)
ORDER BY catalog.ord
ON CONFLICT (track_id, name) DO NOTHING
RETURNING id;

-- name: insertBootstrapSettingsVersion
-- Only when the track has no active version yet: a version published by an admin is never touched.
WITH track AS (
  SELECT t.id
  FROM tracks t
  WHERE t.name = $1::text
    AND NOT EXISTS (SELECT 1 FROM settings_versions v WHERE v.track_id = t.id AND v.status = 'active')
), version AS (
  INSERT INTO settings_versions (track_id, version_no, status, note, activated_at)
  SELECT track.id,
         COALESCE((SELECT max(v.version_no) FROM settings_versions v WHERE v.track_id = track.id), 0) + 1,
         'active', 'bootstrap settings (seed)', now()
  FROM track
  ON CONFLICT (track_id) WHERE status = 'active' DO NOTHING
  RETURNING id
)
INSERT INTO track_settings (
  settings_version_id, expected_modules_count,
  entry_total_q, entry_per_module_q,
  level_exam_total_q, level_exam_pass_score, k_exam, level_exam_min_per_module, level_exam_max_per_module,
  rank_final_total_q, rank_final_pass_score, k_final, rank_final_min_per_module, rank_final_max_per_module,
  content_k_weak_modules, content_optional_per_module,
  item_min_responses, item_min_facility_pct, item_max_facility_pct, item_min_discrimination_pct, exclude_flagged_items,
  level_exam_time_limit_minutes, rank_final_time_limit_minutes, diagnostika_time_limit_minutes,
  weakness_metric
)
SELECT version.id, 5,
       20, 4,
       20, 15, 3, 3, 6,
       40, 30, 3, 6, 12,
       3, 1,
       30, 20, 95, 15, 0,
       0, 0, 0,
       'error_rate'
FROM version
RETURNING settings_version_id;
