import {
  compareItems,
  itemContributions,
  itemStatistics,
  type ItemEvidence,
  type ItemStatistics,
  type ItemThresholds,
} from '../../domain/assessment/item-statistics.rules.js';
import type { AdminActor } from '../../domain/identity/actor.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { Session, Transactor, TxSession } from '../ports/transactor.port.js';
import type { ItemStatisticsStore } from './item-statistics.ports.js';

export interface ItemStatisticsDeps {
  readonly transactor: Transactor;
  readonly itemStatistics: ItemStatisticsStore;
}

export interface ItemStatisticsRow {
  readonly questionId: number;
  readonly text: string;
  readonly isActive: boolean;
  readonly statistics: ItemStatistics;
}

export interface ModuleItemStatistics {
  readonly moduleId: number;
  readonly computedAt: Date;
  readonly items: ItemStatisticsRow[];
}

/** GET /admin/modules/{id}/item-statistics: flagged first, then the least discriminating. */
export const moduleItemStatistics =
  (deps: ItemStatisticsDeps) =>
  async (moduleId: number, query: { flaggedOnly: boolean }, _actor: AdminActor): Promise<ModuleItemStatistics> =>
    deps.transactor.read(async (db) => {
      const thresholds = await deps.itemStatistics.thresholdsOfModule(db, moduleId);
      if (thresholds === undefined) throw notFound(`Module ${moduleId}`);
      const items = (await deps.itemStatistics.sumsOfModule(db, moduleId))
        .map((question) => ({
          questionId: question.questionId,
          text: question.text,
          isActive: question.isActive,
          statistics: itemStatistics(question.sums, question.options, thresholds),
        }))
        .filter((item) => !query.flaggedOnly || item.statistics.flags.length > 0)
        .sort(compareItems);
      return { moduleId, computedAt: new Date(), items };
    });

/** The `statistics` member of a question's admin detail. */
export const questionItemStatistics =
  (deps: ItemStatisticsDeps) =>
  async (questionId: number, _actor: AdminActor): Promise<ItemStatistics> =>
    deps.transactor.read(async (db) => {
      const thresholds = await deps.itemStatistics.thresholdsOfQuestion(db, questionId);
      const [question] = await deps.itemStatistics.sumsOfQuestions(db, [questionId]);
      if (thresholds === undefined || question === undefined) throw notFound(`Question ${questionId}`);
      return itemStatistics(question.sums, question.options, thresholds);
    });

/** Part of every diagnostika and exam submission: the attempt's answers join their questions' sums. */
export async function foldItemEvidence(
  store: ItemStatisticsStore,
  tx: TxSession,
  attemptId: number,
  answers: readonly ItemEvidence[],
): Promise<void> {
  await store.fold(tx, attemptId, itemContributions(answers));
}

/** The ids among `questionIds` that the thresholds flag (for assembly that avoids flagged questions). */
export async function flaggedQuestionIds(
  store: ItemStatisticsStore,
  db: Session,
  questionIds: readonly number[],
  thresholds: ItemThresholds,
): Promise<Set<number>> {
  // Fewer responses than item_min_responses never carry a flag, so those questions are not even read.
  const sums = await store.sumsOfQuestions(db, questionIds, thresholds.itemMinResponses);
  return new Set(
    sums
      .filter((question) => itemStatistics(question.sums, question.options, thresholds).flags.length > 0)
      .map((question) => question.questionId),
  );
}
