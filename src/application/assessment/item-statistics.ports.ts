import type {
  ItemContribution,
  ItemSums,
  ItemThresholds,
  OptionSums,
} from '../../domain/assessment/item-statistics.rules.js';
import type { Session, TxSession } from '../ports/transactor.port.js';

/** One question with the sums of all its answers (the stripes added up). */
export interface QuestionSums {
  readonly questionId: number;
  readonly text: string;
  readonly isActive: boolean;
  readonly sums: ItemSums;
  readonly options: readonly OptionSums[];
}

/** The running sums behind item statistics; folded at submit, never rebuilt from the answers. */
export interface ItemStatisticsStore {
  /** Adds the answers of one submitted attempt to their questions' and options' sums. */
  fold(tx: TxSession, attemptId: number, contributions: readonly ItemContribution[]): Promise<void>;
  /** The item-analysis settings of the module's track (its active version); undefined: no such module. */
  thresholdsOfModule(db: Session, moduleId: number): Promise<ItemThresholds | undefined>;
  thresholdsOfQuestion(db: Session, questionId: number): Promise<ItemThresholds | undefined>;
  sumsOfModule(db: Session, moduleId: number): Promise<QuestionSums[]>;
  /** Only the questions with at least `minResponses` responses (default 0: all of them). */
  sumsOfQuestions(db: Session, questionIds: readonly number[], minResponses?: number): Promise<QuestionSums[]>;
}
