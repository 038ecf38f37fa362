import type { LearnerActor } from '../../domain/identity/actor.js';
import { assertValidAnswerChanges, type AnswerChange } from '../../domain/shared/answer-sheet.rules.js';
import { assertAcceptsAnswers, expiryCutoff, isExpired } from '../../domain/shared/attempt-lifecycle.rules.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { SavedSheet } from '../shared/saved-sheet.js';
import { closeOnSavedAnswers, type SubmitExamDeps, type SubmittedExam } from './submit-exam.use-case.js';

/**
 * PUT /exams/{kind}/{attempt_id}/answers (docs/product.md, "Exam sittings"): a partial sheet, validated like a
 * submit and saved whole or not at all, last write winning per question. The attempt row is share-locked, so saves
 * of one attempt run side by side while a submit waits for those in flight; a save that arrives after the submit
 * finds the attempt closed (409). Saves stay open through the grace after the deadline.
 */
export const saveExamAnswers =
  (deps: SubmitExamDeps) =>
  async (input: { attemptId: number; answers: readonly AnswerChange[] }, actor: LearnerActor): Promise<SavedSheet> =>
    deps.transactor.run(async (tx) => {
      const attempt = await deps.attempts.lockForSave(tx, input.attemptId, actor.userId);
      if (attempt === undefined) throw notFound('Attempt');
      const now = deps.clock.now();
      assertAcceptsAnswers(attempt, now);
      assertValidAnswerChanges(attempt.sheet, input.answers);
      const answered = await deps.attempts.saveAnswers(tx, attempt.attemptId, input.answers);
      return { saved: input.answers.length, answered, totalQ: attempt.totalQ, deadlineAt: attempt.deadlineAt, now };
    });

/**
 * Closes one expired attempt, exactly once: the stage row, then the attempt are locked (the order of submit), and
 * an attempt some other closer or a submit got to first is left alone (undefined).
 */
export const closeExpiredExam =
  (deps: SubmitExamDeps) =>
  async (attempt: { attemptId: number; userId: number }): Promise<SubmittedExam | undefined> =>
    deps.transactor.run(async (tx) => {
      const lockedStage = await deps.stages.lockCurrentStage(tx, attempt.userId);
      const locked = await deps.attempts.lockForSubmit(tx, attempt.attemptId, attempt.userId);
      if (locked === undefined || locked.submittedAt !== null || !isExpired(locked, deps.clock.now())) return undefined;
      const saved = await deps.attempts.savedAnswersOf(tx, locked.attemptId);
      return closeOnSavedAnswers(deps, tx, locked, saved, lockedStage);
    });

/** A learner holds at most one open attempt per stage of a kind; a few suffice for any reachable state. */
const LEARNER_BATCH = 10;

/** Before the learner's start or attempts list reads them, their expired attempts of this kind are closed. */
export const closeExpiredExamsOf = (deps: SubmitExamDeps) => {
  const close = closeExpiredExam(deps);
  return async (userId: number): Promise<void> => {
    const expired = await deps.transactor.read((db) =>
      deps.attempts.expiredOpen(db, { cutoff: expiryCutoff(deps.clock.now()), userId, limit: LEARNER_BATCH }),
    );
    for (const attempt of expired) await close(attempt);
  };
};

/**
 * The sweep of `npm run attempts:close-expired`: every expired attempt of this kind, in batches, each closed in its
 * own transaction (so it is safe beside running servers, and running it twice closes nothing twice).
 */
export const sweepExpiredExams = (deps: SubmitExamDeps, batchSize = 200) => {
  const close = closeExpiredExam(deps);
  return async (): Promise<number> => {
    let closed = 0;
    for (;;) {
      const expired = await deps.transactor.read((db) =>
        deps.attempts.expiredOpen(db, { cutoff: expiryCutoff(deps.clock.now()), userId: null, limit: batchSize }),
      );
      let closedNow = 0;
      for (const attempt of expired) if ((await close(attempt)) !== undefined) closedNow += 1;
      closed += closedNow;
      // A short batch is the last; a batch that closed nothing (all taken by others meanwhile) ends it too.
      if (expired.length < batchSize || closedNow === 0) return closed;
    }
  };
};
