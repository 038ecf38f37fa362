/**
 * Every random choice of the domain goes through this port, so tests (and reproducible
 * attempts) can inject `seededRandom` and always get the same question set and order.
 */
export interface RandomSource {
  /** integer in [0, maxExclusive) */
  nextInt(maxExclusive: number): number;
}

/** A deterministic RandomSource (mulberry32: tiny, pure, well spread); equal seeds give equal sequences. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  const nextFloat = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    nextInt(maxExclusive: number): number {
      assertBound(maxExclusive);
      return Math.floor(nextFloat() * maxExclusive);
    },
  };
}

/** A bound that is not a positive safe integer is a programming error, not a user error. */
export function assertBound(maxExclusive: number): void {
  if (!Number.isSafeInteger(maxExclusive) || maxExclusive < 1) {
    throw new RangeError(`nextInt bound must be a positive integer, got ${maxExclusive}`);
  }
}
