import type { ModuleWeakness } from '../progress/weakness.rules.js';
import type { AttemptQuestion } from '../shared/attempt-order.rules.js';
import { seededRandom, type RandomSource } from '../shared/random-source.js';
import type { ExamParameters } from '../settings/exam-parameters.js';
import { allocateQuestions } from './question-allocation.rules.js';
import { pickExamQuestions, type ModuleCandidates } from './question-pick.rules.js';

/** Why a module holds questions: one of the K weakest, or filling up the total (overflow). */
export type AllocationReason = 'weak' | 'overflow';

export interface ExplainedAllocation {
  readonly moduleId: number;
  readonly count: number;
  readonly reason: AllocationReason;
}

export interface AssemblyWeakness {
  readonly moduleId: number;
  readonly correct: number;
  readonly total: number;
  readonly weakness: number;
  readonly rank: number;
}

/**
 * Everything an exam attempt was assembled from, stored with it: replaying it through
 * `replayAssembly` gives the attempt's questions in their order.
 */
export interface ExamAssembly {
  readonly seed: number;
  readonly settingsVersionId: number;
  readonly parameters: Pick<ExamParameters, 'k' | 'totalQ' | 'minPerModule' | 'maxPerModule'>;
  readonly weakness: readonly AssemblyWeakness[];
  readonly allocation: readonly ExplainedAllocation[];
  /** Where the random window of candidates started (the first draw of the seed). */
  readonly windowStart: number;
  /** The candidates read from the question bank (window, seen ones and, when excluded, flagged ones). */
  readonly candidates: readonly ModuleCandidates[];
}

/** The allocation of SPEC steps 1-3 with each module's reason, in weakness order. */
export function planAllocation(
  profile: readonly AssemblyWeakness[],
  parameters: ExamAssembly['parameters'],
): ExplainedAllocation[] {
  const order = [...profile].sort((a, b) => a.rank - b.rank).map((row) => row.moduleId);
  const weak = new Set(order.slice(0, Math.max(0, parameters.k)));
  return allocateQuestions(
    order,
    parameters.k,
    parameters.totalQ,
    parameters.minPerModule,
    parameters.maxPerModule,
  ).map((entry) => ({ ...entry, reason: weak.has(entry.moduleId) ? 'weak' : 'overflow' }));
}

/** The random start of the candidate window: the first draw of the attempt's seeded sequence. */
export function candidateWindowStart(random: RandomSource): number {
  return random.nextInt(1_000_000) / 1_000_000;
}

/** The weakness snapshot an assembly stores (the module names are not part of the explanation). */
export function weaknessSnapshot(profile: readonly ModuleWeakness[]): AssemblyWeakness[] {
  return profile.map(({ moduleId, correct, total, weakness, rank }) => ({ moduleId, correct, total, weakness, rank }));
}

/**
 * Recomputes an attempt from its stored assembly: same allocation, same window start, same
 * draws. Used to prove (and let anyone check) that an attempt holds what its explanation says.
 */
export function replayAssembly(assembly: ExamAssembly): {
  allocation: ExplainedAllocation[];
  questions: AttemptQuestion[];
} {
  const random = seededRandom(assembly.seed);
  const windowStart = candidateWindowStart(random);
  if (windowStart !== assembly.windowStart) {
    throw new RangeError(`seed ${assembly.seed} starts the window at ${windowStart}, not ${assembly.windowStart}`);
  }
  const allocation = planAllocation(assembly.weakness, assembly.parameters);
  return { allocation, questions: pickExamQuestions(allocation, assembly.candidates, random) };
}
