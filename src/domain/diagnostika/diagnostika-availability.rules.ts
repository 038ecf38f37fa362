import { DomainError } from '../shared/domain-error.js';

/** The first position of a track's stage ladder: the only stage where the diagnostika is taken. */
export const DIAGNOSTIKA_STAGE_POSITION = 1;

export interface DiagnostikaStage {
  readonly status: string;
  readonly position: number;
}

/**
 * The entry diagnostika is taken once, on the first stage of the track while it is active.
 * "Already taken" is checked first: a learner who took it and moved on deserves that reason.
 * Returns the stage, narrowed, for the caller to draw the questions of.
 */
export function requireDiagnostikaAvailable<S extends DiagnostikaStage>(
  stage: S | undefined,
  existing: { readonly submittedAt: Date | null } | undefined,
): S {
  if (existing !== undefined && existing.submittedAt !== null)
    throw new DomainError('diagnostika_already_completed', 'The diagnostika was already taken; it is taken once');
  if (stage === undefined || stage.status !== 'active' || stage.position !== DIAGNOSTIKA_STAGE_POSITION)
    throw new DomainError('diagnostika_not_available', 'The diagnostika is taken on the first stage of the track only');
  return stage;
}

/** Content is assigned from the diagnostika's weak modules, so it waits for a submitted diagnostika. */
export function assertDiagnostikaSubmitted(diagnostika: { readonly submittedAt: Date | null } | undefined): void {
  if (diagnostika === undefined || diagnostika.submittedAt === null)
    throw new DomainError('diagnostika_required', 'Submit the entry diagnostika before content is assigned');
}
