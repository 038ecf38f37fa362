/**
 * Item analysis of one question from sufficient sums (docs/decisions.md, "Item statistics").
 * x = 1 when an answer is correct, else 0; X = the answer's rest score, the fraction correct on
 * the other questions of the same attempt. The sums are additive, so they can be folded in one
 * submission at a time and split over stripes that are summed on read.
 */

/** The sufficient sums of one question: Σ1, Σx, ΣX, ΣX², ΣxX (x² = x, so Σx² is Σx). */
export interface ItemSums {
  readonly responses: number;
  readonly sumCorrect: number;
  readonly sumRest: number;
  readonly sumRestSquared: number;
  readonly sumCorrectRest: number;
}

/** The sums of one option of the question: how many chose it and the sum of their rest scores. */
export interface OptionSums {
  readonly optionId: number;
  readonly pos: number;
  readonly isCorrect: boolean;
  readonly chosen: number;
  readonly sumRest: number;
}

export const ITEM_FLAGS = [
  'too_easy',
  'too_hard',
  'low_discrimination',
  'negative_discrimination',
  'distractor_beats_key',
] as const;
export type ItemFlag = (typeof ITEM_FLAGS)[number];

/** The item-analysis fields of the pinned or active settings. */
export interface ItemThresholds {
  readonly itemMinResponses: number;
  readonly itemMinFacilityPct: number;
  readonly itemMaxFacilityPct: number;
  readonly itemMinDiscriminationPct: number;
}

export interface OptionStatistics {
  readonly optionId: number;
  readonly pos: number;
  readonly isCorrect: boolean;
  readonly chosen: number;
  readonly chosenShare: number | null;
  readonly meanRestScore: number | null;
}

export interface ItemStatistics {
  readonly responses: number;
  readonly facility: number | null;
  readonly discrimination: number | null;
  readonly flags: ItemFlag[];
  readonly options: OptionStatistics[];
}

/** A distractor needs this many choosers before its mean rest score is compared with the key's. */
export const DISTRACTOR_MIN_CHOOSERS = 5;

/** Relative size under which a variance computed from sums is rounding noise, i.e. zero. */
const VARIANCE_EPSILON = 1e-12;

/** facility = mean x; null without responses. */
export function facility(sums: ItemSums): number | null {
  return sums.responses === 0 ? null : sums.sumCorrect / sums.responses;
}

/**
 * Pearson correlation of x and X from the sums; null when n < 2 or either variance is 0 (every
 * answer right, every answer wrong, or every rest score equal).
 */
export function discrimination(sums: ItemSums): number | null {
  const n = sums.responses;
  if (n < 2) return null;
  const meanX = sums.sumCorrect / n;
  const meanRest = sums.sumRest / n;
  const varX = meanX - meanX * meanX;
  const varRest = sums.sumRestSquared / n - meanRest * meanRest;
  if (varX <= VARIANCE_EPSILON || varRest <= VARIANCE_EPSILON * Math.max(1, sums.sumRestSquared / n)) return null;
  const covariance = sums.sumCorrectRest / n - meanX * meanRest;
  // Rounding in the sums may push |r| a hair above 1.
  return Math.max(-1, Math.min(1, covariance / Math.sqrt(varX * varRest)));
}

export function optionStatistics(option: OptionSums, responses: number): OptionStatistics {
  return {
    optionId: option.optionId,
    pos: option.pos,
    isCorrect: option.isCorrect,
    chosen: option.chosen,
    chosenShare: responses === 0 ? null : option.chosen / responses,
    meanRestScore: option.chosen === 0 ? null : option.sumRest / option.chosen,
  };
}

/** The flags of a question; none below `item_min_responses` answers (too little evidence). */
export function itemFlags(
  stats: { responses: number; facility: number | null; discrimination: number | null },
  options: readonly OptionStatistics[],
  thresholds: ItemThresholds,
): ItemFlag[] {
  if (stats.responses < Math.max(1, thresholds.itemMinResponses)) return [];
  const flags: ItemFlag[] = [];
  const p = stats.facility ?? 0;
  if (p > thresholds.itemMaxFacilityPct / 100) flags.push('too_easy');
  if (p < thresholds.itemMinFacilityPct / 100) flags.push('too_hard');
  const r = stats.discrimination;
  if (r !== null && r < thresholds.itemMinDiscriminationPct / 100) flags.push('low_discrimination');
  if (r !== null && r < 0) flags.push('negative_discrimination');
  if (distractorBeatsKey(options)) flags.push('distractor_beats_key');
  return flags;
}

/** A wrong option chosen by ≥ 5 learners whose mean rest score exceeds the key's: likely mis-keyed. */
function distractorBeatsKey(options: readonly OptionStatistics[]): boolean {
  const key = options.find((option) => option.isCorrect);
  const keyMean = key?.meanRestScore ?? null;
  return options.some(
    (option) =>
      !option.isCorrect &&
      option.chosen >= DISTRACTOR_MIN_CHOOSERS &&
      option.meanRestScore !== null &&
      (keyMean === null || option.meanRestScore > keyMean),
  );
}

/** Every statistic and flag of one question, its options in position order. */
export function itemStatistics(
  sums: ItemSums,
  options: readonly OptionSums[],
  thresholds: ItemThresholds,
): ItemStatistics {
  const base = { responses: sums.responses, facility: facility(sums), discrimination: discrimination(sums) };
  const optionStats = [...options]
    .sort((a, b) => a.pos - b.pos)
    .map((option) => optionStatistics(option, sums.responses));
  return { ...base, flags: itemFlags(base, optionStats, thresholds), options: optionStats };
}

/** The admin list order: flagged first, then discrimination ascending (nulls last), then id. */
export function compareItems(
  a: { questionId: number; statistics: ItemStatistics },
  b: { questionId: number; statistics: ItemStatistics },
): number {
  const flagged = Number(b.statistics.flags.length > 0) - Number(a.statistics.flags.length > 0);
  if (flagged !== 0) return flagged;
  const ra = a.statistics.discrimination;
  const rb = b.statistics.discrimination;
  if (ra !== rb) {
    if (ra === null) return 1;
    if (rb === null) return -1;
    return ra - rb;
  }
  return a.questionId - b.questionId;
}

/** One scored answer of a submitted attempt, as item analysis needs it. */
export interface ItemEvidence {
  readonly questionId: number;
  readonly selectedOptionId: number;
  readonly correct: boolean;
}

export interface ItemContribution extends ItemEvidence {
  /** The fraction correct on the attempt's other questions (0 for a one-question attempt). */
  readonly rest: number;
}

/** What each answer of one attempt adds to its question's sums. */
export function itemContributions(answers: readonly ItemEvidence[]): ItemContribution[] {
  const total = answers.length;
  const score = answers.filter((answer) => answer.correct).length;
  return answers.map((answer) => ({
    ...answer,
    rest: total < 2 ? 0 : (score - (answer.correct ? 1 : 0)) / (total - 1),
  }));
}
