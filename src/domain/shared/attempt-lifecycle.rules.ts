import { DomainError } from './domain-error.js';

/** What the lifecycle rules need to know about an attempt (exam or diagnostika). */
export interface AttemptState {
  readonly stageId: number;
  readonly submittedAt: Date | null;
}

/** An attempt is scored once: a second submit (or a concurrent one that lost the lock) is refused. */
export function assertAttemptOpen(attempt: Pick<AttemptState, 'submittedAt'>, what = 'This attempt'): void {
  if (attempt.submittedAt !== null) throw new DomainError('attempt_already_submitted', `${what} was already submitted`);
}

/**
 * An open attempt is submitted only while it belongs to the learner's current stage. The schema
 * already forbids an open attempt beside a PASS, so this refuses only a stage that moved on.
 */
export function requireStageOfAttempt<S extends { readonly stageId: number }>(
  stage: S | undefined,
  attempt: Pick<AttemptState, 'stageId'>,
): S {
  if (stage === undefined || stage.stageId !== attempt.stageId)
    throw new DomainError('conflict', 'The attempt no longer belongs to your current stage');
  return stage;
}
