import type { WeaknessMetric } from '../settings/track-settings.js';

export interface TrackModule {
  readonly id: number;
  readonly name: string;
}

/** Answers of the learner in one module: how many were right out of how many. */
export interface ModuleEvidence {
  readonly moduleId: number;
  readonly correct: number;
  readonly total: number;
}

export interface ModuleWeakness {
  readonly moduleId: number;
  readonly moduleName: string;
  readonly correct: number;
  readonly total: number;
  readonly weakness: number;
  /** 1 = the weakest module of the track. */
  readonly rank: number;
}

/**
 * `errors`: the raw error count (the reference behaviour).
 * `error_rate`: a Laplace-smoothed error rate, so one wrong answer out of one does not outweigh
 * 5 wrong out of 10, and a module without evidence sits at the neutral 0.5.
 */
export function weaknessScore(metric: WeaknessMetric, correct: number, total: number): number {
  const errors = total - correct;
  return metric === 'errors' ? errors : (errors + 1) / (total + 2);
}

/**
 * A learner's weakness profile (docs/product.md, "Weakness"): every module of the track, weakest first, ties to
 * the lower id. The caller picks which attempts count for the metric; rows of one module are
 * summed (raw per-attempt stats may be passed as is), rows of foreign modules are ignored.
 */
export function weaknessProfile(
  modules: readonly TrackModule[],
  evidence: readonly ModuleEvidence[],
  metric: WeaknessMetric,
): ModuleWeakness[] {
  const sums = new Map<number, { correct: number; total: number }>();
  for (const row of evidence) {
    const sum = sums.get(row.moduleId) ?? { correct: 0, total: 0 };
    sums.set(row.moduleId, { correct: sum.correct + row.correct, total: sum.total + row.total });
  }
  return modules
    .map((module) => {
      const { correct, total } = sums.get(module.id) ?? { correct: 0, total: 0 };
      return {
        moduleId: module.id,
        moduleName: module.name,
        correct,
        total,
        weakness: weaknessScore(metric, correct, total),
      };
    })
    .sort((a, b) => b.weakness - a.weakness || a.moduleId - b.moduleId)
    .map((row, index) => ({ ...row, rank: index + 1 }));
}

/** The K weak modules, weakest first; a track with fewer modules than K yields all of them. */
export function weakModuleIds(profile: readonly ModuleWeakness[], k: number): number[] {
  return profile.slice(0, Math.max(0, k)).map((row) => row.moduleId);
}

/** Every module id in weakness order: the input the exam allocation needs for its overflow step. */
export function weaknessOrder(profile: readonly ModuleWeakness[]): number[] {
  return profile.map((row) => row.moduleId);
}
