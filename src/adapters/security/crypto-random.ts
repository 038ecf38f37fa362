import { randomInt } from 'node:crypto';
import { assertBound, type RandomSource } from '../../domain/shared/random-source.js';

/** The production RandomSource: the operating system's CSPRNG, so question sets cannot be predicted. */
export function cryptoRandom(): RandomSource {
  return {
    nextInt(maxExclusive: number): number {
      assertBound(maxExclusive);
      // node:crypto's randomInt is unbiased (rejection sampling) for bounds below 2^48.
      return randomInt(maxExclusive);
    },
  };
}
