import type { LearnerActor } from '../../domain/identity/actor.js';
import {
  isPassed,
  scoreAnswers,
  type AnswerSheetScore,
  type ModuleStat,
  type SubmittedAnswer,
} from '../../domain/shared/answer-sheet.rules.js';
import {
  assertAttemptOpen,
  isExpired,
  isPastDeadline,
  requireStageOfAttempt,
} from '../../domain/shared/attempt-lifecycle.rules.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { ItemStatisticsStore } from '../assessment/item-statistics.ports.js';
import { foldItemEvidence } from '../assessment/item-statistics.use-case.js';
import type { Clock } from '../ports/clock.port.js';
import type { Transactor, TxSession } from '../ports/transactor.port.js';
import type { ApplyProgression, ProgressOutcome } from '../progress/progression.service.js';
import type { CurrentStage, StageProgress } from '../progress/progress.ports.js';
import type { ExamAttempts, LockedAttempt } from './exams.ports.js';

export interface SubmitExamDeps {
  readonly transactor: Transactor;
  readonly attempts: ExamAttempts;
  readonly stages: StageProgress;
  readonly progression: ApplyProgression;
  readonly itemStatistics: ItemStatisticsStore;
  /** The time deadlines are read against (docs/product.md, "Exam sittings"). */
  readonly clock: Clock;
}

export interface SubmittedExam {
  readonly attemptId: number;
  readonly scoreTotal: number;
  readonly totalQ: number;
  readonly passScore: number;
  readonly passed: boolean;
  /** Closed after its deadline and scored on the saved answers alone. */
  readonly expired: boolean;
  readonly moduleStats: readonly ModuleStat[];
  readonly progress: ProgressOutcome;
}

/**
 * Score an attempt once (docs/product.md, "Attempts and scoring", "Exam sittings") and, on a PASS, move the learner
 * along the ladder in the same transaction. The final sheet is the saved answers overridden by the submitted ones;
 * after the deadline unanswered questions score as wrong, and once the grace has passed too the attempt is closed
 * on its saved answers alone (`expired`). Locks run in the same order as exam start — the learner's stage row,
 * then the attempt — so concurrent starts and submits queue instead of deadlocking, and of 30 concurrent submits
 * exactly one scores the attempt.
 */
export const submitExam =
  (deps: SubmitExamDeps) =>
  async (
    input: { attemptId: number; answers: readonly SubmittedAnswer[] },
    actor: LearnerActor,
  ): Promise<SubmittedExam> =>
    deps.transactor.run(async (tx) => {
      const lockedStage = await deps.stages.lockCurrentStage(tx, actor.userId);
      const attempt = await deps.attempts.lockForSubmit(tx, input.attemptId, actor.userId);
      if (attempt === undefined) throw notFound('Attempt');
      assertAttemptOpen(attempt);
      const now = deps.clock.now();
      const saved = await deps.attempts.savedAnswersOf(tx, attempt.attemptId);
      if (isExpired(attempt, now)) return closeOnSavedAnswers(deps, tx, attempt, saved, lockedStage);

      const stage = requireStageOfAttempt(lockedStage, attempt);
      const score = scoreAnswers(attempt.sheet, input.answers, {
        saved,
        unansweredIsWrong: isPastDeadline(attempt, now),
      });
      return recordScore(deps, tx, { attempt, stage, score, expired: false });
    });

/**
 * Closes an expired attempt (the caller holds the stage and attempt locks and saw it open and expired): scored on
 * its saved answers, unanswered ones wrong, and a PASS moves the learner exactly as a submitted PASS does — while
 * the attempt still belongs to the learner's current stage.
 */
export async function closeOnSavedAnswers(
  deps: SubmitExamDeps,
  tx: TxSession,
  attempt: LockedAttempt,
  saved: readonly SubmittedAnswer[],
  lockedStage: CurrentStage | undefined,
): Promise<SubmittedExam> {
  const score = scoreAnswers(attempt.sheet, [], { saved, unansweredIsWrong: true });
  const stage = lockedStage?.stageId === attempt.stageId ? lockedStage : undefined;
  return recordScore(deps, tx, { attempt, stage, score, expired: true });
}

async function recordScore(
  deps: SubmitExamDeps,
  tx: TxSession,
  closing: { attempt: LockedAttempt; stage: CurrentStage | undefined; score: AnswerSheetScore; expired: boolean },
): Promise<SubmittedExam> {
  const { attempt, stage, score, expired } = closing;
  const passed = isPassed(score.scoreTotal, attempt.passScore);
  await deps.attempts.recordSubmission(tx, attempt.attemptId, { score, passed, expired });
  await foldItemEvidence(deps.itemStatistics, tx, attempt.attemptId, score.answers);

  const progress: ProgressOutcome =
    passed && stage !== undefined
      ? await deps.progression(tx, {
          kind: deps.attempts.kind,
          userId: attempt.userId,
          trackId: stage.trackId,
          stage: { id: stage.stageId, rank: stage.rank, level: stage.level, position: stage.position },
        })
      : { action: 'none', fromStageId: attempt.stageId, toStageId: null };
  return {
    attemptId: attempt.attemptId,
    scoreTotal: score.scoreTotal,
    totalQ: attempt.totalQ,
    passScore: attempt.passScore,
    passed,
    expired,
    moduleStats: score.moduleStats,
    progress,
  };
}
