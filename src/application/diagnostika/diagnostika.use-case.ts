import {
  selectDiagnostikaQuestions,
  type ModuleQuestionPool,
} from '../../domain/diagnostika/diagnostika-question-set.rules.js';
import type { LearnerActor } from '../../domain/identity/actor.js';
import {
  assertValidAnswerChanges,
  scoreAnswers,
  type AnswerChange,
  type SubmittedAnswer,
} from '../../domain/shared/answer-sheet.rules.js';
import { requireDiagnostikaAvailable } from '../../domain/diagnostika/diagnostika-availability.rules.js';
import {
  assertAcceptsAnswers,
  assertAttemptOpen,
  deadlineOf,
  expiryCutoff,
  isExpired,
  isPastDeadline,
} from '../../domain/shared/attempt-lifecycle.rules.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { RandomSource } from '../../domain/shared/random-source.js';
import type { ItemStatisticsStore } from '../assessment/item-statistics.ports.js';
import { flaggedQuestionIds, foldItemEvidence } from '../assessment/item-statistics.use-case.js';
import type { TrackSettings } from '../../domain/settings/track-settings.js';
import type { Clock } from '../ports/clock.port.js';
import type { LearnerAccommodations } from '../ports/learner-accommodations.port.js';
import type { Session, Transactor, TxSession } from '../ports/transactor.port.js';
import type { PinnedSettings, StageProgress } from '../progress/progress.ports.js';
import type { QuestionView } from '../shared/question-view.js';
import type { SavedSheet } from '../shared/saved-sheet.js';
import type { DiagnostikaAttempts, DiagnostikaRecord, DiagnostikaResult, QuestionBank } from './diagnostika.ports.js';

export interface DiagnostikaDeps {
  readonly transactor: Transactor;
  readonly stages: StageProgress;
  readonly pinnedSettings: PinnedSettings;
  readonly diagnostika: DiagnostikaAttempts;
  readonly questionBank: QuestionBank;
  readonly random: RandomSource;
  readonly itemStatistics: ItemStatisticsStore;
  readonly clock: Clock;
  readonly accommodations: LearnerAccommodations;
}

export interface StartedDiagnostika {
  /** true: created now (201); false: the open one resumed (200). */
  readonly created: boolean;
  readonly diagnostikaId: number;
  readonly totalQ: number;
  readonly deadlineAt: Date | null;
  readonly questions: QuestionView[];
  /** The saved choices of a resumed diagnostika (none on a new one). */
  readonly saved: readonly SubmittedAnswer[];
  readonly now: Date;
}

/**
 * POST /diagnostika/start. An expired diagnostika is closed first (docs/product.md, "Exam sittings"). The learner's
 * stage row is locked first, so concurrent starts serialise: the first draws the questions, the others find that
 * diagnostika open and resume it with the same questions in the same stored order and its saved choices. The unique
 * index on user_id backs this up. A timed diagnostika's deadline is fixed now from the pinned limit and the
 * learner's extra time.
 */
export const startDiagnostika = (deps: DiagnostikaDeps) => {
  const closeExpired = closeExpiredDiagnostikaOf(deps);
  return async (actor: LearnerActor): Promise<StartedDiagnostika> => {
    await closeExpired(actor.userId);
    return deps.transactor.run(async (tx) => {
      const now = deps.clock.now();
      const lockedStage = await deps.stages.lockCurrentStage(tx, actor.userId);
      const existing = await deps.diagnostika.findOfLearner(tx, actor.userId);
      const stage = requireDiagnostikaAvailable(lockedStage, existing);
      if (existing !== undefined) {
        return {
          created: false,
          diagnostikaId: existing.id,
          totalQ: existing.totalQ,
          deadlineAt: existing.deadlineAt,
          questions: await deps.diagnostika.questionsOf(tx, existing.id),
          saved: await deps.diagnostika.savedAnswersOf(tx, existing.id),
          now,
        };
      }

      // Sizes and the time limit come from the version pinned on the stage, never from the track's active one.
      const settings = await deps.pinnedSettings.settingsOf(tx, stage.settingsVersionId);
      const pools = await deps.questionBank.activePoolsOfTrack(tx, stage.trackId);
      const modules =
        settings.excludeFlaggedItems === 1 ? await markFlagged(deps.itemStatistics, tx, pools, settings) : pools;
      const questions = selectDiagnostikaQuestions(
        { modules, perModule: settings.entryPerModuleQ, totalQ: settings.entryTotalQ },
        deps.random,
      );
      const limit = settings.diagnostikaTimeLimitMinutes;
      const deadlineAt = deadlineOf(
        now,
        limit,
        limit === 0 ? 0 : await deps.accommodations.extraTimePctOf(tx, actor.userId),
      );
      const diagnostikaId = await deps.diagnostika.create(tx, {
        userId: actor.userId,
        stageId: stage.stageId,
        totalQ: settings.entryTotalQ,
        deadlineAt,
        questions,
      });
      return {
        created: true,
        diagnostikaId,
        totalQ: settings.entryTotalQ,
        deadlineAt,
        questions: await deps.diagnostika.questionsOf(tx, diagnostikaId),
        saved: [],
        now,
      };
    });
  };
};

/**
 * PUT /diagnostika/answers (docs/product.md, "Exam sittings"): the learner's open diagnostika, share-locked, takes a
 * partial sheet validated like a submit; last write wins per question; nothing is saved when an item is wrong.
 */
export const saveDiagnostikaAnswers =
  (deps: DiagnostikaDeps) =>
  async (input: { answers: readonly AnswerChange[] }, actor: LearnerActor): Promise<SavedSheet> =>
    deps.transactor.run(async (tx) => {
      const diagnostika = await deps.diagnostika.shareOfLearner(tx, actor.userId);
      if (diagnostika === undefined) throw notFound('Diagnostika');
      const now = deps.clock.now();
      assertAcceptsAnswers(diagnostika, now, 'This diagnostika');
      assertValidAnswerChanges(await deps.diagnostika.gradedQuestionsOf(tx, diagnostika.id), input.answers);
      const answered = await deps.diagnostika.saveAnswers(tx, diagnostika.id, input.answers);
      return {
        saved: input.answers.length,
        answered,
        totalQ: diagnostika.totalQ,
        deadlineAt: diagnostika.deadlineAt,
        now,
      };
    });

/** The pools with the questions item analysis flags under the pinned settings marked, to be drawn last. */
async function markFlagged(
  store: ItemStatisticsStore,
  tx: Session,
  pools: readonly ModuleQuestionPool[],
  settings: TrackSettings,
): Promise<ModuleQuestionPool[]> {
  const flagged = await flaggedQuestionIds(
    store,
    tx,
    pools.flatMap((pool) => pool.questionIds),
    settings,
  );
  return pools.map((pool) => ({ ...pool, flagged: pool.questionIds.filter((id) => flagged.has(id)) }));
}

/**
 * POST /diagnostika/submit. The diagnostika row is locked, so of concurrent submits exactly one scores and writes;
 * the rest find it submitted (409). Invalid answers write nothing (422). The final sheet is the saved answers
 * overridden by the submitted ones; after the deadline and its grace the diagnostika is closed on its saved answers.
 */
export const submitDiagnostika =
  (deps: DiagnostikaDeps) =>
  async (
    input: { diagnostikaId: number; answers: readonly SubmittedAnswer[] },
    actor: LearnerActor,
  ): Promise<DiagnostikaResult> =>
    deps.transactor.run(async (tx) => {
      const diagnostika = await deps.diagnostika.lockOfLearner(tx, input.diagnostikaId, actor.userId);
      if (diagnostika === undefined) throw notFound(`Diagnostika ${input.diagnostikaId}`);
      assertAttemptOpen(diagnostika, 'This diagnostika');
      const now = deps.clock.now();
      const expired = isExpired(diagnostika, now);
      return scoreAndRecord(deps, tx, diagnostika, {
        answers: expired ? [] : input.answers,
        unansweredIsWrong: isPastDeadline(diagnostika, now),
        expired,
      });
    });

async function scoreAndRecord(
  deps: DiagnostikaDeps,
  tx: TxSession,
  diagnostika: DiagnostikaRecord,
  sheet: { answers: readonly SubmittedAnswer[]; unansweredIsWrong: boolean; expired: boolean },
): Promise<DiagnostikaResult> {
  const saved = await deps.diagnostika.savedAnswersOf(tx, diagnostika.id);
  const score = scoreAnswers(await deps.diagnostika.gradedQuestionsOf(tx, diagnostika.id), sheet.answers, {
    saved,
    unansweredIsWrong: sheet.unansweredIsWrong,
  });
  await deps.diagnostika.saveSubmission(tx, diagnostika.id, score, sheet.expired);
  await foldItemEvidence(deps.itemStatistics, tx, diagnostika.id, score.answers);
  return {
    diagnostikaId: diagnostika.id,
    totalQ: diagnostika.totalQ,
    scoreTotal: score.scoreTotal,
    expired: sheet.expired,
    moduleStats: score.moduleStats,
  };
}

/** Closes one expired diagnostika, exactly once (the row lock, then a fresh look: open and past the grace). */
export const closeExpiredDiagnostika =
  (deps: DiagnostikaDeps) =>
  async (target: { diagnostikaId: number; userId: number }): Promise<DiagnostikaResult | undefined> =>
    deps.transactor.run(async (tx) => {
      const diagnostika = await deps.diagnostika.lockOfLearner(tx, target.diagnostikaId, target.userId);
      if (diagnostika === undefined || diagnostika.submittedAt !== null || !isExpired(diagnostika, deps.clock.now()))
        return undefined;
      return scoreAndRecord(deps, tx, diagnostika, { answers: [], unansweredIsWrong: true, expired: true });
    });

/** Before the learner's start or result reads it, an expired diagnostika of theirs is closed. */
export const closeExpiredDiagnostikaOf = (deps: DiagnostikaDeps) => {
  const close = closeExpiredDiagnostika(deps);
  return async (userId: number): Promise<void> => {
    const expired = await deps.transactor.read((db) =>
      deps.diagnostika.expiredOpen(db, { cutoff: expiryCutoff(deps.clock.now()), userId, limit: 1 }),
    );
    for (const target of expired) await close(target);
  };
};

/** The diagnostika part of `npm run attempts:close-expired`: batches, each diagnostika in its own transaction. */
export const sweepExpiredDiagnostikas = (deps: DiagnostikaDeps, batchSize = 200) => {
  const close = closeExpiredDiagnostika(deps);
  return async (): Promise<number> => {
    let closed = 0;
    for (;;) {
      const expired = await deps.transactor.read((db) =>
        deps.diagnostika.expiredOpen(db, { cutoff: expiryCutoff(deps.clock.now()), userId: null, limit: batchSize }),
      );
      let closedNow = 0;
      for (const target of expired) if ((await close(target)) !== undefined) closedNow += 1;
      closed += closedNow;
      if (expired.length < batchSize || closedNow === 0) return closed;
    }
  };
};

/** GET /diagnostika/result: 404 until the diagnostika is submitted (or closed when its time ran out). */
export const getDiagnostikaResult = (deps: DiagnostikaDeps) => {
  const closeExpired = closeExpiredDiagnostikaOf(deps);
  return async (actor: LearnerActor): Promise<DiagnostikaResult> => {
    await closeExpired(actor.userId);
    const result = await deps.transactor.read((db) => deps.diagnostika.resultOf(db, actor.userId));
    if (result === undefined) throw notFound('Submitted diagnostika');
    return result;
  };
};
