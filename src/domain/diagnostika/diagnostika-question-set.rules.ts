import { orderAttempt, type AttemptQuestion, type PickedQuestion } from '../shared/attempt-order.rules.js';
import { DomainError } from '../shared/domain-error.js';
import type { RandomSource } from '../shared/random-source.js';
import { sampleWithoutReplacement, shuffle } from '../shared/random-sampling.js';

/** The active questions of one module of the track. */
export interface ModuleQuestionPool {
  readonly moduleId: number;
  readonly questionIds: readonly number[];
  /** Questions item analysis flags (only when the settings exclude flagged items): drawn last. */
  readonly flagged?: readonly number[];
}

export interface DiagnostikaSetRequest {
  /** Every module of the track; the order given is irrelevant, id order is used. */
  readonly modules: readonly ModuleQuestionPool[];
  /** `entry_per_module_q` of the pinned settings. */
  readonly perModule: number;
  /** `entry_total_q` of the pinned settings. */
  readonly totalQ: number;
}

/**
 * The entry diagnostika's question set (docs/product.md, "Diagnostika set"): exactly `totalQ` distinct questions.
 * Modules take turns in id order, one random question per turn, up to `perModule` each: with
 * enough room this equals a uniform per-module draw, and when `perModule × modules > totalQ`
 * no module is starved (the reference's GAP-18). Any shortfall is topped up uniformly from the
 * track's remaining questions; the result is shuffled and numbered 1..totalQ.
 *
 * Flagged questions (docs/product.md, "Diagnostika set") stand at the back of their module's queue and of the
 * top-up, so they are drawn only when the unflagged ones cannot fill the module's turns or the total. Without
 * flags the draws, and the random sequence, are exactly those of the plain rule.
 */
export function selectDiagnostikaQuestions(request: DiagnostikaSetRequest, random: RandomSource): AttemptQuestion[] {
  const { perModule, totalQ } = request;
  if (!Number.isSafeInteger(totalQ) || totalQ < 1 || !Number.isSafeInteger(perModule) || perModule < 1) {
    throw new DomainError(
      'settings_invalid',
      `Diagnostika needs entry_total_q >= 1 and entry_per_module_q >= 1, got ${totalQ} and ${perModule}`,
    );
  }
  const modules = [...request.modules].sort((a, b) => a.moduleId - b.moduleId);
  const available = modules.reduce((sum, m) => sum + new Set(m.questionIds).size, 0);
  if (available < totalQ) {
    throw new DomainError(
      'not_enough_questions',
      `Not enough active questions for the diagnostika: need ${totalQ}, have ${available}`,
    );
  }

  // A module's random permutation, consumed from the front, is a uniform draw without replacement;
  // its flagged questions are permuted separately and queue behind the unflagged ones.
  const queues = modules.map((m) => {
    const flagged = new Set(m.flagged ?? []);
    const ids = [...new Set(m.questionIds)];
    const [front, back] = [ids.filter((id) => !flagged.has(id)), ids.filter((id) => flagged.has(id))];
    return { moduleId: m.moduleId, queue: [...shuffle(front, random), ...shuffle(back, random)], flagged, taken: 0 };
  });
  const picked: PickedQuestion[] = [];
  let progressed = true;
  while (picked.length < totalQ && progressed) {
    progressed = false;
    for (const module of queues) {
      if (picked.length === totalQ) break;
      if (module.taken >= perModule || module.taken >= module.queue.length) continue;
      picked.push({ questionId: module.queue[module.taken] as number, moduleId: module.moduleId });
      module.taken += 1;
      progressed = true;
    }
  }

  const leftovers = (isFlagged: boolean) =>
    queues.flatMap((m) =>
      m.queue
        .slice(m.taken)
        .filter((questionId) => m.flagged.has(questionId) === isFlagged)
        .map((questionId) => ({ questionId, moduleId: m.moduleId })),
    );
  const unflagged = leftovers(false);
  picked.push(...sampleWithoutReplacement(unflagged, Math.min(totalQ - picked.length, unflagged.length), random));
  picked.push(...sampleWithoutReplacement(leftovers(true), totalQ - picked.length, random));
  return orderAttempt(picked, random);
}
