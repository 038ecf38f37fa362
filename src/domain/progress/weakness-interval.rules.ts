/**
 * How sure the platform is about an error rate: the central credible interval of the
 * Beta(errors + 1, correct + 1) posterior (a uniform prior updated by the learner's answers).
 * Pure numerics: the regularised incomplete beta function by its continued fraction, inverted
 * by bisection (monotone, so bisection always converges).
 */

export interface RateInterval {
  readonly low: number;
  readonly high: number;
}

/** Lanczos approximation (g = 7, n = 9) of ln Γ(x) for x > 0. */
function logGamma(x: number): number {
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = coefficients[0] as number;
  for (let i = 1; i < coefficients.length; i += 1) sum += (coefficients[i] as number) / (shifted + i);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The continued fraction of I_x(a, b) (modified Lentz), valid for x < (a + 1) / (a + b + 2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let result = d;
  for (let m = 1; m <= 1000; m += 1) {
    const m2 = 2 * m;
    const even = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + even * d;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = 1 + even / c;
    if (Math.abs(c) < tiny) c = tiny;
    result *= d * c;
    const odd = -((a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + odd * d;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = 1 + odd / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = d * c;
    result *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return result;
}

/** The regularised incomplete beta function I_x(a, b) = P(Beta(a, b) ≤ x), for a, b > 0. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError(`beta parameters must be > 0, got ${a} and ${b}`);
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  const front = Math.exp(logFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** The p-quantile of Beta(a, b): the x with I_x(a, b) = p, to within 1e-12. */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be within [0, 1], got ${p}`);
  let low = 0;
  let high = 1;
  for (let i = 0; i < 100 && high - low > 1e-12; i += 1) {
    const mid = (low + high) / 2;
    if (regularizedIncompleteBeta(mid, a, b) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** The level of the interval the progress API reports. */
export const WEAKNESS_INTERVAL_LEVEL = 0.9;

/** The central `level` interval of the error rate after `correct` right and `total - correct` wrong answers. */
export function errorRateInterval(correct: number, total: number, level = WEAKNESS_INTERVAL_LEVEL): RateInterval {
  const errors = total - correct;
  const tail = (1 - level) / 2;
  return { low: betaQuantile(tail, errors + 1, correct + 1), high: betaQuantile(1 - tail, errors + 1, correct + 1) };
}

/**
 * A profile row with how sure it is: `evidence` = answers behind it; under `error_rate` the 90 %
 * interval of the error rate, under `errors` none (a count has no posterior here).
 */
export function withEvidence<T extends { correct: number; total: number }>(
  metric: 'errors' | 'error_rate',
  row: T,
): T & { evidence: number; interval: RateInterval | null } {
  return {
    ...row,
    evidence: row.total,
    interval: metric === 'error_rate' ? errorRateInterval(row.correct, row.total) : null,
  };
}
