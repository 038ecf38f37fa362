import { expect } from 'chai';
import { examParameters } from '../../../src/domain/settings/exam-parameters.js';
import { assertValidSettings, validateSettings } from '../../../src/domain/settings/settings-consistency.rules.js';
import {
  DEFAULT_TRACK_SETTINGS,
  SETTINGS_FIELD_NAMES,
  type TrackSettings,
} from '../../../src/domain/settings/track-settings.js';
import { expectDomainError } from '../expect-domain-error.js';

/** Each error's code and the wire name of the settings field its path names (`['settings', 'kExam']`). */
const codesAndPaths = (settings: TrackSettings, modules = 5): string[] =>
  validateSettings(settings, modules).map((e) => {
    expect(e.path).to.have.length(2);
    expect(e.path?.[0]).to.equal('settings');
    return `${e.code} ${SETTINGS_FIELD_NAMES[e.path?.[1] as keyof TrackSettings]}`;
  });

describe('validateSettings', () => {
  it('accepts the seeded settings with five modules', () => {
    expect(validateSettings(DEFAULT_TRACK_SETTINGS, 5)).to.deep.equal([]);
  });

  it('reports a pass score above its total with a stable code, message and the path of the field', () => {
    const errors = validateSettings({ ...DEFAULT_TRACK_SETTINGS, levelExamPassScore: 21 }, 5);
    expect(errors).to.deep.equal([
      {
        code: 'pass_score_above_total',
        message: 'level_exam_pass_score (21) must be <= level_exam_total_q (20)',
        path: ['settings', 'levelExamPassScore'],
      },
    ]);
  });

  it('reports every violated rule at once', () => {
    const settings: TrackSettings = {
      ...DEFAULT_TRACK_SETTINGS,
      entryTotalQ: 0,
      entryPerModuleQ: 0,
      levelExamPassScore: 0,
      kExam: 0,
      rankFinalMinPerModule: 14,
      contentKWeakModules: 0,
      contentOptionalPerModule: -1,
    };
    expect(codesAndPaths(settings)).to.deep.equal([
      'negative_value content_optional_per_module',
      'total_below_one entry_total_q',
      'per_module_below_one entry_per_module_q',
      'k_below_one content_k_weak_modules',
      'pass_score_below_one level_exam_pass_score',
      'k_below_one k_exam',
      'min_above_max rank_final_min_per_module',
      'k_times_min_above_total rank_final_total_q',
    ]);
  });

  it('bounds the time limits by a week (0 = untimed; negative values are reported as such)', () => {
    expect(
      codesAndPaths({
        ...DEFAULT_TRACK_SETTINGS,
        levelExamTimeLimitMinutes: 10_081,
        rankFinalTimeLimitMinutes: -1,
        diagnostikaTimeLimitMinutes: 10_080,
      }),
    ).to.deep.equal([
      'negative_value rank_final_time_limit_minutes',
      'time_limit_too_long level_exam_time_limit_minutes',
    ]);
    expect(
      codesAndPaths({ ...DEFAULT_TRACK_SETTINGS, levelExamTimeLimitMinutes: 30, rankFinalTimeLimitMinutes: 60 }),
    ).to.deep.equal([]);
  });

  it('keeps the item-analysis fields within their ranges: percentages <= 100, min facility <= max, a 0/1 switch', () => {
    expect(
      codesAndPaths({
        ...DEFAULT_TRACK_SETTINGS,
        itemMinResponses: 0,
        itemMinFacilityPct: 101,
        itemMaxFacilityPct: 90,
        itemMinDiscriminationPct: 150,
        excludeFlaggedItems: 2,
      }),
    ).to.deep.equal([
      'min_responses_below_one item_min_responses',
      'percent_above_100 item_min_facility_pct',
      'percent_above_100 item_min_discrimination_pct',
      'min_above_max item_min_facility_pct',
      'not_a_switch exclude_flagged_items',
    ]);
    expect(
      codesAndPaths({
        ...DEFAULT_TRACK_SETTINGS,
        itemMinFacilityPct: 50,
        itemMaxFacilityPct: 50,
        excludeFlaggedItems: 1,
      }),
    ).to.deep.equal([]);
  });

  it('requires K × min <= total (the weak modules must fit)', () => {
    expect(
      codesAndPaths({ ...DEFAULT_TRACK_SETTINGS, kExam: 4, levelExamMinPerModule: 6, levelExamMaxPerModule: 6 }),
    ).to.deep.equal(['k_times_min_above_total level_exam_total_q']);
    // exactly at the bound is fine
    expect(codesAndPaths({ ...DEFAULT_TRACK_SETTINGS, kExam: 4, levelExamMinPerModule: 5 })).to.deep.equal([]);
  });

  it('requires modules × max >= total (every module at max must hold the exam)', () => {
    expect(codesAndPaths(DEFAULT_TRACK_SETTINGS, 3)).to.deep.equal([
      'capacity_below_total level_exam_total_q',
      'capacity_below_total rank_final_total_q',
    ]);
    const [error] = validateSettings(DEFAULT_TRACK_SETTINGS, 3);
    expect(error?.message).to.equal(
      '3 modules × level_exam_max_per_module (3 × 6 = 18) must be >= level_exam_total_q (20)',
    );
    expect(codesAndPaths({ ...DEFAULT_TRACK_SETTINGS, rankFinalTotalQ: 36 }, 4)).to.deep.equal([]);
  });

  it('flags non-integers once and skips the comparisons that involve them', () => {
    expect(codesAndPaths({ ...DEFAULT_TRACK_SETTINGS, levelExamTotalQ: 12.5 })).to.deep.equal([
      'not_an_integer level_exam_total_q',
    ]);
    expect(codesAndPaths({ ...DEFAULT_TRACK_SETTINGS, kFinal: Number.NaN })).to.deep.equal(['not_an_integer k_final']);
  });

  it('flags negative counts such as expected_modules_count', () => {
    expect(codesAndPaths({ ...DEFAULT_TRACK_SETTINGS, expectedModulesCount: -1 })).to.deep.equal([
      'negative_value expected_modules_count',
    ]);
  });

  it('accepts zero optional articles per module and rejects an unknown weakness metric', () => {
    expect(codesAndPaths({ ...DEFAULT_TRACK_SETTINGS, contentOptionalPerModule: 0 })).to.deep.equal([]);
    const bogus = { ...DEFAULT_TRACK_SETTINGS, weaknessMetric: 'accuracy' } as unknown as TrackSettings;
    expect(codesAndPaths(bogus)).to.deep.equal(['unknown_weakness_metric weakness_metric']);
  });
});

describe('assertValidSettings', () => {
  it('throws settings_invalid carrying every error item', () => {
    const settings = { ...DEFAULT_TRACK_SETTINGS, rankFinalPassScore: 41, kFinal: 0 };
    const error = expectDomainError(() => assertValidSettings(settings, 5), 'settings_invalid');
    expect(error.extensions['errors']).to.deep.equal(validateSettings(settings, 5));
    expect((error.extensions['errors'] as unknown[]).length).to.equal(2);
  });

  it('returns quietly for valid settings', () => {
    expect(() => assertValidSettings(DEFAULT_TRACK_SETTINGS, 5)).to.not.throw();
  });
});

describe('examParameters', () => {
  it('selects the level-exam and rank-final slices', () => {
    const timed = { ...DEFAULT_TRACK_SETTINGS, levelExamTimeLimitMinutes: 30, rankFinalTimeLimitMinutes: 60 };
    expect(examParameters(timed, 'level')).to.deep.equal({
      totalQ: 20,
      passScore: 15,
      k: 3,
      minPerModule: 3,
      maxPerModule: 6,
      timeLimitMinutes: 30,
    });
    expect(examParameters(timed, 'rank_final')).to.deep.equal({
      totalQ: 40,
      passScore: 30,
      k: 3,
      minPerModule: 6,
      maxPerModule: 12,
      timeLimitMinutes: 60,
    });
  });
});

describe('SETTINGS_FIELD_NAMES', () => {
  it('names every field in snake_case exactly as docs/product.md "Settings versions" lists them', () => {
    expect(Object.values(SETTINGS_FIELD_NAMES)).to.deep.equal([
      'expected_modules_count',
      'entry_total_q',
      'entry_per_module_q',
      'level_exam_total_q',
      'level_exam_pass_score',
      'k_exam',
      'level_exam_min_per_module',
      'level_exam_max_per_module',
      'rank_final_total_q',
      'rank_final_pass_score',
      'k_final',
      'rank_final_min_per_module',
      'rank_final_max_per_module',
      'content_k_weak_modules',
      'content_optional_per_module',
      'item_min_responses',
      'item_min_facility_pct',
      'item_max_facility_pct',
      'item_min_discrimination_pct',
      'exclude_flagged_items',
      'level_exam_time_limit_minutes',
      'rank_final_time_limit_minutes',
      'diagnostika_time_limit_minutes',
      'weakness_metric',
    ]);
  });
});
