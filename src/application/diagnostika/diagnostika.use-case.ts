import {
  selectDiagnostikaQuestions,
  type ModuleQuestionPool,
} from '../../domain/diagnostika/diagnostika-question-set.rules.js';
import type { LearnerActor } from '../../domain/identity/actor.js';
import { scoreAnswers, type SubmittedAnswer } from '../../domain/shared/answer-sheet.rules.js';
import { requireDiagnostikaAvailable } from '../../domain/diagnostika/diagnostika-availability.rules.js';
import { assertAttemptOpen } from '../../domain/shared/attempt-lifecycle.rules.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { RandomSource } from '../../domain/shared/random-source.js';
import type { ItemStatisticsStore } from '../assessment/item-statistics.ports.js';
import { flaggedQuestionIds, foldItemEvidence } from '../assessment/item-statistics.use-case.js';
import type { TrackSettings } from '../../domain/settings/track-settings.js';
import type { Session, Transactor } from '../ports/transactor.port.js';
import type { PinnedSettings, StageProgress } from '../progress/progress.ports.js';
import type { QuestionView } from '../shared/question-view.js';
import type { DiagnostikaAttempts, DiagnostikaResult, QuestionBank } from './diagnostika.ports.js';

export interface DiagnostikaDeps {
  readonly transactor: Transactor;
  readonly stages: StageProgress;
  readonly pinnedSettings: PinnedSettings;
  readonly diagnostika: DiagnostikaAttempts;
  readonly questionBank: QuestionBank;
  readonly random: RandomSource;
  readonly itemStatistics: ItemStatisticsStore;
}

export interface StartedDiagnostika {
  /** true: created now (201); false: the open one resumed (200). */
  readonly created: boolean;
  readonly diagnostikaId: number;
  readonly totalQ: number;
  readonly questions: QuestionView[];
}

/**
 * POST /diagnostika/start. The learner's stage row is locked first, so concurrent starts
 * serialise: the first draws the questions, the others find that diagnostika open and resume it
 * with the same questions in the same stored order. The unique index on user_id backs this up.
 */
export const startDiagnostika =
  (deps: DiagnostikaDeps) =>
  async (actor: LearnerActor): Promise<StartedDiagnostika> =>
    deps.transactor.run(async (tx) => {
      const lockedStage = await deps.stages.lockCurrentStage(tx, actor.userId);
      const existing = await deps.diagnostika.findOfLearner(tx, actor.userId);
      const stage = requireDiagnostikaAvailable(lockedStage, existing);
      if (existing !== undefined) {
        return {
          created: false,
          diagnostikaId: existing.id,
          totalQ: existing.totalQ,
          questions: await deps.diagnostika.questionsOf(tx, existing.id),
        };
      }

      // Sizes come from the version pinned on the stage, never from the track's active one.
      const settings = await deps.pinnedSettings.settingsOf(tx, stage.settingsVersionId);
      const pools = await deps.questionBank.activePoolsOfTrack(tx, stage.trackId);
      const modules =
        settings.excludeFlaggedItems === 1 ? await markFlagged(deps.itemStatistics, tx, pools, settings) : pools;
      const questions = selectDiagnostikaQuestions(
        { modules, perModule: settings.entryPerModuleQ, totalQ: settings.entryTotalQ },
        deps.random,
      );
      const diagnostikaId = await deps.diagnostika.create(tx, {
        userId: actor.userId,
        stageId: stage.stageId,
        totalQ: settings.entryTotalQ,
        questions,
      });
      return {
        created: true,
        diagnostikaId,
        totalQ: settings.entryTotalQ,
        questions: await deps.diagnostika.questionsOf(tx, diagnostikaId),
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
 * POST /diagnostika/submit. The diagnostika row is locked, so of concurrent submits exactly one
 * scores and writes; the rest find it submitted (409). Invalid answers write nothing (422).
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
      const score = scoreAnswers(await deps.diagnostika.gradedQuestionsOf(tx, diagnostika.id), input.answers);
      await deps.diagnostika.saveSubmission(tx, diagnostika.id, score);
      await foldItemEvidence(deps.itemStatistics, tx, diagnostika.id, score.answers);
      return {
        diagnostikaId: diagnostika.id,
        totalQ: diagnostika.totalQ,
        scoreTotal: score.scoreTotal,
        moduleStats: score.moduleStats,
      };
    });

/** GET /diagnostika/result: 404 until the diagnostika is submitted. */
export const getDiagnostikaResult =
  (deps: DiagnostikaDeps) =>
  async (actor: LearnerActor): Promise<DiagnostikaResult> => {
    const result = await deps.transactor.read((db) => deps.diagnostika.resultOf(db, actor.userId));
    if (result === undefined) throw notFound('Submitted diagnostika');
    return result;
  };
