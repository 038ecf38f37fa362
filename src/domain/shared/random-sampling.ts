import { assertBound, type RandomSource } from './random-source.js';

/** A uniformly random permutation (Fisher-Yates); the input is left untouched. */
export function shuffle<T>(items: readonly T[], random: RandomSource): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = drawIndex(random, i + 1);
    const tmp = result[i] as T;
    result[i] = result[j] as T;
    result[j] = tmp;
  }
  return result;
}

/**
 * `n` items drawn uniformly without replacement, in draw order. Only the first n steps of a
 * Fisher-Yates shuffle run, so drawing 3 of 100,000 questions costs 3 steps (plus the copy).
 */
export function sampleWithoutReplacement<T>(items: readonly T[], n: number, random: RandomSource): T[] {
  if (!Number.isSafeInteger(n) || n < 0 || n > items.length) {
    throw new RangeError(`cannot sample ${n} of ${items.length} items`);
  }
  const pool = [...items];
  for (let i = 0; i < n; i++) {
    const j = i + drawIndex(random, pool.length - i);
    const tmp = pool[i] as T;
    pool[i] = pool[j] as T;
    pool[j] = tmp;
  }
  return pool.slice(0, n);
}

/** Guards against a faulty injected source: an out-of-range index would corrupt a draw silently. */
function drawIndex(random: RandomSource, maxExclusive: number): number {
  assertBound(maxExclusive);
  const index = random.nextInt(maxExclusive);
  if (!Number.isInteger(index) || index < 0 || index >= maxExclusive) {
    throw new RangeError(`RandomSource.nextInt(${maxExclusive}) returned ${index}`);
  }
  return index;
}
