import type { LearnerActor } from '../../domain/identity/actor.js';
import {
  isPassed,
  scoreAnswers,
  type ModuleStat,
  type SubmittedAnswer,
} from '../../domain/shared/answer-sheet.rules.js';
import { assertAttemptOpen, requireStageOfAttempt } from '../../domain/shared/attempt-lifecycle.rules.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { ItemStatisticsStore } from '../assessment/item-statistics.ports.js';
import { foldItemEvidence } from '../assessment/item-statistics.use-case.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { ApplyProgression, ProgressOutcome } from '../progress/apply-progression.js';
import type { StageProgress } from '../progress/progress.ports.js';
import type { ExamAttempts } from './exams.ports.js';

export interface SubmitExamDeps {
  readonly transactor: Transactor;
  readonly attempts: ExamAttempts;
  readonly stages: StageProgress;
  readonly progression: ApplyProgression;
  readonly itemStatistics: ItemStatisticsStore;
}

export interface SubmittedExam {
  readonly attemptId: number;
  readonly scoreTotal: number;
  readonly totalQ: number;
  readonly passScore: number;
  readonly passed: boolean;
  readonly moduleStats: readonly ModuleStat[];
  readonly progress: ProgressOutcome;
}

/**
 * Score an attempt once (docs/product.md, "Attempts and scoring") and, on a PASS, move the learner along the ladder
 * in the same
 * transaction. Locks run in the same order as exam start — the learner's stage row, then the
 * attempt — so concurrent starts and submits queue instead of deadlocking, and of 30 concurrent
 * submits exactly one scores the attempt.
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
      const stage = requireStageOfAttempt(lockedStage, attempt);

      const score = scoreAnswers(attempt.sheet, input.answers);
      const passed = isPassed(score.scoreTotal, attempt.passScore);
      await deps.attempts.recordSubmission(tx, attempt.attemptId, score, passed);
      await foldItemEvidence(deps.itemStatistics, tx, attempt.attemptId, score.answers);

      const progress: ProgressOutcome = passed
        ? await deps.progression(tx, {
            kind: deps.attempts.kind,
            userId: actor.userId,
            trackId: stage.trackId,
            stage: { id: stage.stageId, rank: stage.rank, level: stage.level, position: stage.position },
          })
        : { action: 'none', fromStageId: stage.stageId, toStageId: null };
      return {
        attemptId: attempt.attemptId,
        scoreTotal: score.scoreTotal,
        totalQ: attempt.totalQ,
        passScore: attempt.passScore,
        passed,
        moduleStats: score.moduleStats,
        progress,
      };
    });
