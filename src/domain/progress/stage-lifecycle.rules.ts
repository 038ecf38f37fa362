import { DomainError } from '../shared/domain-error.js';

/** What a lifecycle rule needs to know about a learner's stage row. */
export interface StageStatus {
  readonly status: string;
}

/**
 * The learner has a current stage row (active or waiting for approval). A graduated learner
 * has none: every action that needs "the stage the learner is on" answers 409 no_active_stage.
 */
export function requireCurrentStage<S>(stage: S | undefined): S {
  if (stage === undefined) throw new DomainError('no_active_stage', 'The learner has no current stage');
  return stage;
}

/**
 * The learner's current stage is active: not waiting for an approval, not graduated. Content is
 * assigned and eligibility is reported only on an active stage (docs/product.md, "Learner journey").
 */
export function requireActiveStage<S extends StageStatus>(stage: S | undefined): S {
  if (stage === undefined || stage.status !== 'active')
    throw new DomainError('no_active_stage', 'The learner has no active stage');
  return stage;
}

/**
 * The stage whose rules apply to a learner's views: the current row, or the last one once the
 * learner graduated. A completed last row without graduation would be a half-applied transition
 * and is never shown as current.
 */
export function assertStageInForce(stage: StageStatus & { readonly graduatedAt: Date | null }): void {
  if (stage.status === 'completed' && stage.graduatedAt === null)
    throw new DomainError('no_active_stage', 'The learner has no current stage');
}
