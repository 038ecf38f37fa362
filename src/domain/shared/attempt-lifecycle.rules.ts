import { DomainError } from './domain-error.js';

/** What the lifecycle rules need to know about an attempt (exam or diagnostika). */
export interface AttemptState {
  readonly stageId: number;
  readonly submittedAt: Date | null;
  /** null: untimed. */
  readonly deadlineAt: Date | null;
  /** Closed after its deadline on its saved answers (docs/product.md, "Exam sittings"). */
  readonly expired: boolean;
}

/**
 * How long after its deadline a timed attempt still takes saves and a submit of its own sheet: the last autosave
 * or the submit a learner sent at the buzzer is still on the wire (docs/product.md, "Exam sittings").
 */
export const EXPIRY_GRACE_SECONDS = 30;

/**
 * An attempt is scored once: a second submit (or a concurrent one that lost the lock) is refused; one that was
 * closed when its time ran out says so.
 */
export function assertAttemptOpen(
  attempt: Pick<AttemptState, 'submittedAt'> & Partial<Pick<AttemptState, 'expired'>>,
  what = 'This attempt',
): void {
  if (attempt.submittedAt === null) return;
  if (attempt.expired === true)
    throw new DomainError('attempt_expired', `${what} ran out of time and was scored on its saved answers`);
  throw new DomainError('attempt_already_submitted', `${what} was already submitted`);
}

/**
 * The deadline of an attempt started at `startedAt`: the pinned time limit stretched by the learner's extra time
 * (docs/product.md, "Exam sittings"); null when the settings leave the sitting untimed.
 */
export function deadlineOf(startedAt: Date, limitMinutes: number, extraTimePct: number): Date | null {
  if (limitMinutes === 0) return null;
  return new Date(startedAt.getTime() + Math.round((limitMinutes * 60_000 * (100 + extraTimePct)) / 100));
}

/** The deadline has passed: a submit may leave questions unanswered (they score as wrong). */
export function isPastDeadline(attempt: Pick<AttemptState, 'deadlineAt'>, now: Date): boolean {
  return attempt.deadlineAt !== null && now.getTime() > attempt.deadlineAt.getTime();
}

/** The deadline and its grace have passed: the attempt takes no more answers and is closed on its saved ones. */
export function isExpired(attempt: Pick<AttemptState, 'deadlineAt'>, now: Date): boolean {
  return attempt.deadlineAt !== null && now.getTime() > attempt.deadlineAt.getTime() + EXPIRY_GRACE_SECONDS * 1000;
}

/** Attempts whose deadline lies before this instant have expired (the close-expired sweep reads them). */
export function expiryCutoff(now: Date): Date {
  return new Date(now.getTime() - EXPIRY_GRACE_SECONDS * 1000);
}

/** An autosave lands only on an open attempt whose time (with the grace) has not run out. */
export function assertAcceptsAnswers(
  attempt: Pick<AttemptState, 'submittedAt' | 'deadlineAt' | 'expired'>,
  now: Date,
  what = 'This attempt',
): void {
  assertAttemptOpen(attempt, what);
  if (isExpired(attempt, now))
    throw new DomainError('attempt_expired', `${what} ran out of time at ${attempt.deadlineAt?.toISOString()}`);
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
