import { DomainError, type ErrorItem } from '../shared/domain-error.js';
import {
  INTEGER_SETTING_KEYS,
  SETTINGS_FIELD_NAMES,
  WEAKNESS_METRICS,
  type IntegerSettingKey,
  type TrackSettings,
} from './track-settings.js';

/** The fields of one exam kind, so the level exam and the rank final are checked by the same rules. */
interface ExamFields {
  readonly total: IntegerSettingKey;
  readonly passScore: IntegerSettingKey;
  readonly k: IntegerSettingKey;
  readonly min: IntegerSettingKey;
  readonly max: IntegerSettingKey;
}

const EXAMS: readonly ExamFields[] = [
  {
    total: 'levelExamTotalQ',
    passScore: 'levelExamPassScore',
    k: 'kExam',
    min: 'levelExamMinPerModule',
    max: 'levelExamMaxPerModule',
  },
  {
    total: 'rankFinalTotalQ',
    passScore: 'rankFinalPassScore',
    k: 'kFinal',
    min: 'rankFinalMinPerModule',
    max: 'rankFinalMaxPerModule',
  },
];

/**
 * Every violated consistency rule of a settings version (docs/product.md, "Settings versions"), all at once, so an
 * admin
 * fixes a draft in one round trip. `moduleCount` is the number of modules the exams draw
 * from (the track's modules); it bounds how many questions an exam can hold.
 *
 * Cross-field rules are evaluated only when all their fields are integers: comparing a
 * value already reported as malformed would only add noise. Each item's path names the field in the
 * version's `settings` (`['settings', 'levelExamTotalQ']`), also when activation finds the problem: it
 * points at the member of the draft edit that fixes it.
 */
export function validateSettings(settings: TrackSettings, moduleCount: number): ErrorItem[] {
  const errors: ErrorItem[] = [];
  const add = (code: string, key: keyof TrackSettings, message: string): void => {
    errors.push({ code, message, path: ['settings', key] });
  };
  const value = (key: IntegerSettingKey): number => settings[key];
  const valid = (...keys: IntegerSettingKey[]): boolean => keys.every((key) => Number.isSafeInteger(value(key)));
  const name = (key: keyof TrackSettings): string => SETTINGS_FIELD_NAMES[key];

  for (const key of INTEGER_SETTING_KEYS) {
    if (!Number.isSafeInteger(value(key))) {
      add('not_an_integer', key, `${name(key)} must be an integer`);
    } else if (value(key) < 0) {
      add('negative_value', key, `${name(key)} must be >= 0, got ${value(key)}`);
    }
  }

  for (const key of ['entryTotalQ', 'levelExamTotalQ', 'rankFinalTotalQ'] as const) {
    if (valid(key) && value(key) < 1) add('total_below_one', key, `${name(key)} must be >= 1, got ${value(key)}`);
  }
  if (valid('entryPerModuleQ') && value('entryPerModuleQ') < 1) {
    add('per_module_below_one', 'entryPerModuleQ', `entry_per_module_q must be >= 1, got ${value('entryPerModuleQ')}`);
  }
  if (valid('contentKWeakModules') && value('contentKWeakModules') < 1) {
    add(
      'k_below_one',
      'contentKWeakModules',
      `content_k_weak_modules must be >= 1, got ${value('contentKWeakModules')}`,
    );
  }

  for (const exam of EXAMS) {
    const total = value(exam.total);
    const passScore = value(exam.passScore);
    const k = value(exam.k);
    const min = value(exam.min);
    const max = value(exam.max);
    if (valid(exam.passScore) && passScore < 1) {
      add('pass_score_below_one', exam.passScore, `${name(exam.passScore)} must be >= 1, got ${passScore}`);
    }
    if (valid(exam.passScore, exam.total) && passScore > total) {
      add(
        'pass_score_above_total',
        exam.passScore,
        `${name(exam.passScore)} (${passScore}) must be <= ${name(exam.total)} (${total})`,
      );
    }
    if (valid(exam.k) && k < 1) add('k_below_one', exam.k, `${name(exam.k)} must be >= 1, got ${k}`);
    if (valid(exam.min, exam.max) && min > max) {
      add('min_above_max', exam.min, `${name(exam.min)} (${min}) must be <= ${name(exam.max)} (${max})`);
    }
    // Step 1 of the exam assembly hands `min` to each of the K weak modules: it must fit in T.
    if (valid(exam.k, exam.min, exam.total) && k * min > total) {
      add(
        'k_times_min_above_total',
        exam.total,
        `${name(exam.k)} × ${name(exam.min)} (${k} × ${min} = ${k * min}) must be <= ${name(exam.total)} (${total})`,
      );
    }
    // No module may hold more than `max`, so all modules together must be able to hold T.
    if (valid(exam.max, exam.total) && moduleCount * max < total) {
      add(
        'capacity_below_total',
        exam.total,
        `${moduleCount} modules × ${name(exam.max)} (${moduleCount} × ${max} = ${moduleCount * max}) must be >= ${name(exam.total)} (${total})`,
      );
    }
  }

  validateItemAnalysis(add, value, valid);
  for (const key of [
    'levelExamTimeLimitMinutes',
    'rankFinalTimeLimitMinutes',
    'diagnostikaTimeLimitMinutes',
  ] as const) {
    if (valid(key) && value(key) > MAX_TIME_LIMIT_MINUTES) {
      add(
        'time_limit_too_long',
        key,
        `${name(key)} must be <= ${MAX_TIME_LIMIT_MINUTES} minutes (a week; 0 = untimed), got ${value(key)}`,
      );
    }
  }

  if (!(WEAKNESS_METRICS as readonly string[]).includes(settings.weaknessMetric)) {
    add('unknown_weakness_metric', 'weaknessMetric', `weakness_metric must be one of ${WEAKNESS_METRICS.join(', ')}`);
  }
  return errors;
}

/** The item-analysis fields: percentages within 0-100, min facility ≤ max facility, a 0/1 switch. */
function validateItemAnalysis(
  add: (code: string, key: keyof TrackSettings, message: string) => void,
  value: (key: IntegerSettingKey) => number,
  valid: (...keys: IntegerSettingKey[]) => boolean,
): void {
  const name = (key: keyof TrackSettings): string => SETTINGS_FIELD_NAMES[key];
  if (valid('itemMinResponses') && value('itemMinResponses') < 1) {
    add(
      'min_responses_below_one',
      'itemMinResponses',
      `item_min_responses must be >= 1, got ${value('itemMinResponses')}`,
    );
  }
  for (const key of ['itemMinFacilityPct', 'itemMaxFacilityPct', 'itemMinDiscriminationPct'] as const) {
    if (valid(key) && value(key) > 100) add('percent_above_100', key, `${name(key)} must be <= 100, got ${value(key)}`);
  }
  if (valid('itemMinFacilityPct', 'itemMaxFacilityPct') && value('itemMinFacilityPct') > value('itemMaxFacilityPct')) {
    add(
      'min_above_max',
      'itemMinFacilityPct',
      `item_min_facility_pct (${value('itemMinFacilityPct')}) must be <= item_max_facility_pct (${value('itemMaxFacilityPct')})`,
    );
  }
  if (valid('excludeFlaggedItems') && value('excludeFlaggedItems') > 1) {
    add(
      'not_a_switch',
      'excludeFlaggedItems',
      `exclude_flagged_items must be 0 or 1, got ${value('excludeFlaggedItems')}`,
    );
  }
}

/** The longest time limit of a sitting (docs/product.md, "Exam sittings"): a week, as the CHECKs of migration 0014. */
export const MAX_TIME_LIMIT_MINUTES = 10_080;

/** Throws 422 `settings_invalid` listing every violated rule; used when a version is created or edited. */
export function assertValidSettings(settings: TrackSettings, moduleCount: number): void {
  const errors = validateSettings(settings, moduleCount);
  if (errors.length > 0) {
    throw new DomainError('settings_invalid', `Settings violate ${errors.length} consistency rule(s)`, { errors });
  }
}
