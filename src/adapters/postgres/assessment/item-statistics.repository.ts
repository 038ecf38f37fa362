import type { ItemStatisticsStore, QuestionSums } from '../../../application/assessment/item-statistics.ports.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import type { ItemContribution, ItemThresholds } from '../../../domain/assessment/item-statistics.rules.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

/** Stripes per question: concurrent submits sharing a question land on different rows. */
export const ITEM_STATISTIC_SHARDS = 8;

type Query = 'fold' | 'thresholds' | 'sums';

interface ThresholdsRow {
  item_min_responses: number;
  item_min_facility_pct: number;
  item_max_facility_pct: number;
  item_min_discrimination_pct: number;
}

interface SumsRow {
  question_id: number;
  text: string;
  is_active: boolean;
  responses: number;
  sum_correct: number;
  sum_rest: number;
  sum_rest_squared: number;
  sum_correct_rest: number;
  options: { option_id: number; pos: number; is_correct: boolean; chosen: number; sum_rest: number }[] | null;
}

const toThresholds = (row: ThresholdsRow): ItemThresholds => ({
  itemMinResponses: row.item_min_responses,
  itemMinFacilityPct: row.item_min_facility_pct,
  itemMaxFacilityPct: row.item_max_facility_pct,
  itemMinDiscriminationPct: row.item_min_discrimination_pct,
});

const toSums = (row: SumsRow): QuestionSums => ({
  questionId: row.question_id,
  text: row.text,
  isActive: row.is_active,
  sums: {
    responses: row.responses,
    sumCorrect: row.sum_correct,
    sumRest: row.sum_rest,
    sumRestSquared: row.sum_rest_squared,
    sumCorrectRest: row.sum_correct_rest,
  },
  options: (row.options ?? []).map((option) => ({
    optionId: option.option_id,
    pos: option.pos,
    isCorrect: option.is_correct,
    chosen: option.chosen,
    sumRest: option.sum_rest,
  })),
});

export class PgItemStatistics implements ItemStatisticsStore {
  private readonly sql: NamedStatements<Query>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'assessment/item-statistics', ['fold', 'thresholds', 'sums']);
  }

  async fold(tx: TxSession, attemptId: number, contributions: readonly ItemContribution[]): Promise<void> {
    if (contributions.length === 0) return;
    const shard = attemptId % ITEM_STATISTIC_SHARDS;
    // One statement: question stripes, then option stripes, each locked in id order (sql/assessment/).
    await this.sql.run(tx, 'fold', [
      shard,
      contributions.map((c) => c.questionId),
      contributions.map((c) => c.selectedOptionId),
      contributions.map((c) => (c.correct ? 1 : 0)),
      contributions.map((c) => c.rest),
    ]);
  }

  async thresholdsOfModule(db: Session, moduleId: number): Promise<ItemThresholds | undefined> {
    const row = await this.sql.first<ThresholdsRow>(db, 'thresholds', [moduleId, null]);
    return row && toThresholds(row);
  }

  async thresholdsOfQuestion(db: Session, questionId: number): Promise<ItemThresholds | undefined> {
    const row = await this.sql.first<ThresholdsRow>(db, 'thresholds', [null, questionId]);
    return row && toThresholds(row);
  }

  async sumsOfModule(db: Session, moduleId: number): Promise<QuestionSums[]> {
    return (await this.sql.rows<SumsRow>(db, 'sums', [moduleId, null, 0])).map(toSums);
  }

  async sumsOfQuestions(db: Session, questionIds: readonly number[], minResponses = 0): Promise<QuestionSums[]> {
    if (questionIds.length === 0) return [];
    return (await this.sql.rows<SumsRow>(db, 'sums', [null, questionIds, minResponses])).map(toSums);
  }
}
