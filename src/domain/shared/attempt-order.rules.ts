import type { RandomSource } from './random-source.js';
import { shuffle } from './random-sampling.js';

/** A question picked for an attempt, before its place in the attempt is fixed. */
export interface PickedQuestion {
  readonly questionId: number;
  readonly moduleId: number;
}

/** A question of an attempt with its stored 1-based position, so a resumed attempt shows the same order. */
export interface AttemptQuestion extends PickedQuestion {
  readonly pos: number;
}

/**
 * Shuffles the picked questions and numbers them 1..n. Selection happens module by module,
 * so without this step the questions of one module would always sit together.
 */
export function orderAttempt(picked: readonly PickedQuestion[], random: RandomSource): AttemptQuestion[] {
  return shuffle(picked, random).map((q, index) => ({
    questionId: q.questionId,
    moduleId: q.moduleId,
    pos: index + 1,
  }));
}
