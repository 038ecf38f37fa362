-- The parameters of one settings version (the version pinned on a learner stage).

-- name: settingsOf
SELECT expected_modules_count, entry_total_q, entry_per_module_q,
       level_exam_total_q, level_exam_pass_score, k_exam, level_exam_min_per_module, level_exam_max_per_module,
       rank_final_total_q, rank_final_pass_score, k_final, rank_final_min_per_module, rank_final_max_per_module,
       content_k_weak_modules, content_optional_per_module,
       item_min_responses, item_min_facility_pct, item_max_facility_pct, item_min_discrimination_pct,
       exclude_flagged_items, level_exam_time_limit_minutes, rank_final_time_limit_minutes,
       diagnostika_time_limit_minutes, weakness_metric
FROM track_settings
WHERE settings_version_id = $1;
