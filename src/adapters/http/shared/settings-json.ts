import type { TrackSettingsValues } from '../../../contract/generated/types.gen.js';
import { SETTINGS_FIELD_NAMES, type TrackSettings } from '../../../domain/settings/track-settings.js';

const FIELDS = Object.entries(SETTINGS_FIELD_NAMES) as [keyof TrackSettings, string][];

/**
 * The values of a settings version on the wire (a version of the admin API, a learner's pinned settings), field by
 * field, so a setting the contract and the domain name differently fails to compile here.
 */
export const settingsJson = (s: TrackSettings): TrackSettingsValues => ({
  expected_modules_count: s.expectedModulesCount,
  entry_total_q: s.entryTotalQ,
  entry_per_module_q: s.entryPerModuleQ,
  level_exam_total_q: s.levelExamTotalQ,
  level_exam_pass_score: s.levelExamPassScore,
  k_exam: s.kExam,
  level_exam_min_per_module: s.levelExamMinPerModule,
  level_exam_max_per_module: s.levelExamMaxPerModule,
  rank_final_total_q: s.rankFinalTotalQ,
  rank_final_pass_score: s.rankFinalPassScore,
  k_final: s.kFinal,
  rank_final_min_per_module: s.rankFinalMinPerModule,
  rank_final_max_per_module: s.rankFinalMaxPerModule,
  content_k_weak_modules: s.contentKWeakModules,
  content_optional_per_module: s.contentOptionalPerModule,
  item_min_responses: s.itemMinResponses,
  item_min_facility_pct: s.itemMinFacilityPct,
  item_max_facility_pct: s.itemMaxFacilityPct,
  item_min_discrimination_pct: s.itemMinDiscriminationPct,
  // a stored version holds 0 or 1 (settings-consistency.rules.ts refuses anything else)
  exclude_flagged_items: s.excludeFlaggedItems === 1 ? 1 : 0,
  weakness_metric: s.weaknessMetric,
  level_exam_time_limit_minutes: s.levelExamTimeLimitMinutes,
  rank_final_time_limit_minutes: s.rankFinalTimeLimitMinutes,
  diagnostika_time_limit_minutes: s.diagnostikaTimeLimitMinutes,
});

/** The contract names every field; absent ones stay absent (they are overrides). */
export const settingsFromJson = (json: Record<string, unknown> | undefined): Partial<TrackSettings> | undefined =>
  json === undefined
    ? undefined
    : (Object.fromEntries(
        FIELDS.filter(([, name]) => json[name] !== undefined).map(([key, name]) => [key, json[name]]),
      ) as Partial<TrackSettings>);
