import { orderAttempt, type AttemptQuestion, type PickedQuestion } from '../shared/attempt-order.rules.js';
import { DomainError } from '../shared/domain-error.js';
import type { RandomSource } from '../shared/random-source.js';
import { sampleWithoutReplacement } from '../shared/random-sampling.js';
import type { ModuleAllocation } from './question-allocation.rules.js';

/**
 * The active questions of one module, split by whether the learner already met them in an
 * earlier attempt of the same exam kind on the same stage.
 */
export interface ModuleCandidates {
  readonly moduleId: number;
  readonly unseen: readonly number[];
  readonly seen: readonly number[];
  /** Candidates item analysis flags (only when the settings exclude flagged items): drawn last. */
  readonly flagged?: readonly number[];
}

/**
 * Picks the questions of an attempt (docs/product.md, "Exam assembly" steps 4-5): per module `count` distinct
 * questions at random, unseen ones first, and only then seen ones, so a retry shows as many
 * new questions as the bank allows. Every module is checked before anything is drawn, and the
 * first short module (in allocation order) is reported. The attempt order is shuffled. Flagged
 * candidates are used only when the unflagged ones cannot fill a module.
 */
export function pickExamQuestions(
  allocation: readonly ModuleAllocation[],
  candidatesPerModule: readonly ModuleCandidates[],
  random: RandomSource,
): AttemptQuestion[] {
  const pools = allocation.map(({ moduleId, count }) => {
    const candidates = candidatesPerModule.find((c) => c.moduleId === moduleId);
    // A question listed as both unseen and seen counts as unseen; duplicates are collapsed.
    const unseen = [...new Set(candidates?.unseen ?? [])];
    const unseenSet = new Set(unseen);
    const seen = [...new Set(candidates?.seen ?? [])].filter((id) => !unseenSet.has(id));
    const have = unseen.length + seen.length;
    if (have < count) {
      throw new DomainError(
        'not_enough_questions',
        `Not enough active questions in module ${moduleId}: need ${count}, have ${have}`,
      );
    }
    return { moduleId, count, unseen, seen };
  });

  const picked: PickedQuestion[] = [];
  for (const { moduleId, count, unseen, seen } of pools) {
    const flagged = new Set(candidatesPerModule.find((c) => c.moduleId === moduleId)?.flagged ?? []);
    // Preference tiers: unflagged unseen, unflagged seen, flagged unseen, flagged seen. Without
    // flags this is the plain "unseen first" draw, with the same random draws.
    const tiers = [
      unseen.filter((id) => !flagged.has(id)),
      seen.filter((id) => !flagged.has(id)),
      unseen.filter((id) => flagged.has(id)),
      seen.filter((id) => flagged.has(id)),
    ];
    let left = count;
    for (const [index, tier] of tiers.entries()) {
      // The first two tiers always draw (as before flags existed); empty flagged tiers draw nothing.
      if (index >= 2 && (left === 0 || tier.length === 0)) continue;
      const drawn = sampleWithoutReplacement(tier, Math.min(left, tier.length), random);
      left -= drawn.length;
      for (const questionId of drawn) picked.push({ questionId, moduleId });
    }
  }
  assertDistinct(picked);
  return orderAttempt(picked, random);
}

/** A question belongs to exactly one module, so this only fires on corrupt input; an attempt must never repeat one. */
function assertDistinct(picked: readonly PickedQuestion[]): void {
  const ids = new Set(picked.map((q) => q.questionId));
  if (ids.size !== picked.length) {
    throw new RangeError('the same question was offered by two modules');
  }
}
