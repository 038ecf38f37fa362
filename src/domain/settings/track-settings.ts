/**
 * Every tunable number of a track, as held by one settings version (docs/product.md, "Settings versions"). Rules
 * applied on
 * a learner stage always read the version pinned on that stage, never the currently active one.
 */

export const WEAKNESS_METRICS = ['errors', 'error_rate'] as const;
export type WeaknessMetric = (typeof WEAKNESS_METRICS)[number];

export interface TrackSettings {
  readonly expectedModulesCount: number;
  readonly entryTotalQ: number;
  readonly entryPerModuleQ: number;
  readonly levelExamTotalQ: number;
  readonly levelExamPassScore: number;
  readonly kExam: number;
  readonly levelExamMinPerModule: number;
  readonly levelExamMaxPerModule: number;
  readonly rankFinalTotalQ: number;
  readonly rankFinalPassScore: number;
  readonly kFinal: number;
  readonly rankFinalMinPerModule: number;
  readonly rankFinalMaxPerModule: number;
  readonly contentKWeakModules: number;
  readonly contentOptionalPerModule: number;
  /** Item analysis flags a question only after this many answers. */
  readonly itemMinResponses: number;
  readonly itemMinFacilityPct: number;
  readonly itemMaxFacilityPct: number;
  readonly itemMinDiscriminationPct: number;
  /** 1: diagnostika and exam assembly prefer unflagged questions; 0: flags are only reported. */
  readonly excludeFlaggedItems: number;
  /** Minutes a sitting of each kind may take, before the learner's extra time; 0 = untimed. */
  readonly levelExamTimeLimitMinutes: number;
  readonly rankFinalTimeLimitMinutes: number;
  readonly diagnostikaTimeLimitMinutes: number;
  readonly weaknessMetric: WeaknessMetric;
}

export type IntegerSettingKey = Exclude<keyof TrackSettings, 'weaknessMetric'>;

/** The snake_case name of each field: the column, the JSON member, and the name messages use. */
export const SETTINGS_FIELD_NAMES = {
  expectedModulesCount: 'expected_modules_count',
  entryTotalQ: 'entry_total_q',
  entryPerModuleQ: 'entry_per_module_q',
  levelExamTotalQ: 'level_exam_total_q',
  levelExamPassScore: 'level_exam_pass_score',
  kExam: 'k_exam',
  levelExamMinPerModule: 'level_exam_min_per_module',
  levelExamMaxPerModule: 'level_exam_max_per_module',
  rankFinalTotalQ: 'rank_final_total_q',
  rankFinalPassScore: 'rank_final_pass_score',
  kFinal: 'k_final',
  rankFinalMinPerModule: 'rank_final_min_per_module',
  rankFinalMaxPerModule: 'rank_final_max_per_module',
  contentKWeakModules: 'content_k_weak_modules',
  contentOptionalPerModule: 'content_optional_per_module',
  itemMinResponses: 'item_min_responses',
  itemMinFacilityPct: 'item_min_facility_pct',
  itemMaxFacilityPct: 'item_max_facility_pct',
  itemMinDiscriminationPct: 'item_min_discrimination_pct',
  excludeFlaggedItems: 'exclude_flagged_items',
  levelExamTimeLimitMinutes: 'level_exam_time_limit_minutes',
  rankFinalTimeLimitMinutes: 'rank_final_time_limit_minutes',
  diagnostikaTimeLimitMinutes: 'diagnostika_time_limit_minutes',
  weaknessMetric: 'weakness_metric',
} as const satisfies Record<keyof TrackSettings, string>;

/** The integer fields in their documented order (validation reports errors in this order). */
export const INTEGER_SETTING_KEYS: readonly IntegerSettingKey[] = [
  'expectedModulesCount',
  'entryTotalQ',
  'entryPerModuleQ',
  'levelExamTotalQ',
  'levelExamPassScore',
  'kExam',
  'levelExamMinPerModule',
  'levelExamMaxPerModule',
  'rankFinalTotalQ',
  'rankFinalPassScore',
  'kFinal',
  'rankFinalMinPerModule',
  'rankFinalMaxPerModule',
  'contentKWeakModules',
  'contentOptionalPerModule',
  'itemMinResponses',
  'itemMinFacilityPct',
  'itemMaxFacilityPct',
  'itemMinDiscriminationPct',
  'excludeFlaggedItems',
  'levelExamTimeLimitMinutes',
  'rankFinalTimeLimitMinutes',
  'diagnostikaTimeLimitMinutes',
];

/** The values of the seeded version 1 of the `default` track (sql/seed/catalog.sql); also a sane first draft. */
export const DEFAULT_TRACK_SETTINGS: TrackSettings = {
  expectedModulesCount: 5,
  entryTotalQ: 20,
  entryPerModuleQ: 4,
  levelExamTotalQ: 20,
  levelExamPassScore: 15,
  kExam: 3,
  levelExamMinPerModule: 3,
  levelExamMaxPerModule: 6,
  rankFinalTotalQ: 40,
  rankFinalPassScore: 30,
  kFinal: 3,
  rankFinalMinPerModule: 6,
  rankFinalMaxPerModule: 12,
  contentKWeakModules: 3,
  contentOptionalPerModule: 1,
  itemMinResponses: 30,
  itemMinFacilityPct: 20,
  itemMaxFacilityPct: 95,
  itemMinDiscriminationPct: 15,
  excludeFlaggedItems: 0,
  levelExamTimeLimitMinutes: 0,
  rankFinalTimeLimitMinutes: 0,
  diagnostikaTimeLimitMinutes: 0,
  weaknessMetric: 'error_rate',
};
