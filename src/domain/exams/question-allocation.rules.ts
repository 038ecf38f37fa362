import { DomainError } from '../shared/domain-error.js';

/** How many questions of one module an exam attempt holds. */
export interface ModuleAllocation {
  readonly moduleId: number;
  readonly count: number;
}

/**
 * Splits T questions over the modules (docs/product.md, "Exam assembly" steps 1-3), for the level exam and the rank
 * final alike. `weakOrder` lists EVERY module of the track, weakest first; its first K are
 * the weak modules.
 *   1. each weak module gets `min`;
 *   2. round-robin +1 over the weak modules below `max` until T (weaker modules first in a round);
 *   3. overflow: round-robin +1 over the other modules, in weakness order, below `max`, until T.
 * Unlike the reference (GAP-17), overflow modules respect `max`. The result is in weakness
 * order and leaves out modules that get nothing.
 */
export function allocateQuestions(
  weakOrder: readonly number[],
  k: number,
  totalQ: number,
  min: number,
  max: number,
): ModuleAllocation[] {
  if (new Set(weakOrder).size !== weakOrder.length) {
    throw new RangeError(`weakness order lists a module twice: ${weakOrder.join(', ')}`);
  }
  const weakCount = Math.min(Math.max(k, 0), weakOrder.length);
  assertReachable(weakOrder.length, weakCount, totalQ, min, max);

  const counts = new Map<number, number>(weakOrder.map((id) => [id, 0]));
  const weak = weakOrder.slice(0, weakCount);
  const others = weakOrder.slice(weakCount);
  for (const id of weak) counts.set(id, min);

  let remaining = totalQ - weakCount * min;
  remaining = roundRobin(weak, counts, remaining, max);
  roundRobin(others, counts, remaining, max);

  return weakOrder
    .map((moduleId) => ({ moduleId, count: counts.get(moduleId) ?? 0 }))
    .filter((entry) => entry.count > 0);
}

/** +1 per module per round while below `max`; returns what is still left to hand out. */
function roundRobin(order: readonly number[], counts: Map<number, number>, remaining: number, max: number): number {
  let left = remaining;
  let progressed = true;
  while (left > 0 && progressed) {
    progressed = false;
    for (const id of order) {
      if (left === 0) break;
      const count = counts.get(id) ?? 0;
      if (count < max) {
        counts.set(id, count + 1);
        left -= 1;
        progressed = true;
      }
    }
  }
  return left;
}

/**
 * Settings that cannot reach T are refused when a version is saved (validateSettings); this
 * guard catches a version that was valid for fewer or more modules than the track has now.
 */
function assertReachable(moduleCount: number, weakCount: number, totalQ: number, min: number, max: number): void {
  const problems: string[] = [];
  if (!Number.isSafeInteger(totalQ) || totalQ < 1) problems.push(`total_q must be >= 1, got ${totalQ}`);
  if (min < 0 || min > max) problems.push(`min_per_module (${min}) must be between 0 and max_per_module (${max})`);
  if (weakCount * min > totalQ) {
    problems.push(`${weakCount} weak modules × min_per_module ${min} = ${weakCount * min} exceeds total_q ${totalQ}`);
  }
  if (moduleCount * max < totalQ) {
    problems.push(
      `${moduleCount} modules × max_per_module ${max} = ${moduleCount * max} cannot hold total_q ${totalQ}`,
    );
  }
  if (problems.length > 0) {
    throw new DomainError('settings_invalid', `Exam cannot be assembled with these settings: ${problems.join('; ')}`, {
      errors: problems.map((message) => ({ code: 'exam_unreachable', message })),
    });
  }
}
