import type { ModuleQuestionPool } from '../../domain/diagnostika/diagnostika-question-set.rules.js';
import type {
  AnswerChange,
  AnswerSheetScore,
  GradedQuestion,
  ModuleStat,
  SubmittedAnswer,
} from '../../domain/shared/answer-sheet.rules.js';
import type { AttemptQuestion } from '../../domain/shared/attempt-order.rules.js';
import type { Session, TxSession } from '../ports/transactor.port.js';
import type { QuestionView } from '../shared/question-view.js';

export interface DiagnostikaRecord {
  readonly id: number;
  readonly userId: number;
  readonly stageId: number;
  readonly totalQ: number;
  readonly submittedAt: Date | null;
  /** null: untimed (docs/product.md, "Exam sittings"). */
  readonly deadlineAt: Date | null;
  readonly expired: boolean;
}

export interface DiagnostikaResult {
  readonly diagnostikaId: number;
  readonly totalQ: number;
  readonly scoreTotal: number;
  /** Closed after its deadline and scored on the saved answers alone. */
  readonly expired: boolean;
  /** By module id. */
  readonly moduleStats: readonly ModuleStat[];
}

export interface DiagnostikaAttempts {
  /** The learner's one diagnostika, open or submitted. */
  findOfLearner(db: Session, userId: number): Promise<DiagnostikaRecord | undefined>;
  /** Locks the diagnostika row when it exists AND belongs to the learner (else undefined: 404). */
  lockOfLearner(tx: TxSession, diagnostikaId: number, userId: number): Promise<DiagnostikaRecord | undefined>;
  /** The learner's diagnostika under a share lock: saves run side by side, a submit waits for them. */
  shareOfLearner(tx: TxSession, userId: number): Promise<DiagnostikaRecord | undefined>;
  /** Inserts the diagnostika and its questions in their stored order; returns its id. */
  create(
    tx: TxSession,
    diagnostika: {
      userId: number;
      stageId: number;
      totalQ: number;
      deadlineAt: Date | null;
      questions: readonly AttemptQuestion[];
    },
  ): Promise<number>;
  /** The stored questions with their options, in the stored order. */
  questionsOf(db: Session, diagnostikaId: number): Promise<QuestionView[]>;
  /** The stored questions with what scoring needs, in the stored order. */
  gradedQuestionsOf(tx: Session, diagnostikaId: number): Promise<GradedQuestion[]>;
  /** Last write wins per question; a null option clears. Answers how many questions have a saved answer now. */
  saveAnswers(tx: TxSession, diagnostikaId: number, changes: readonly AnswerChange[]): Promise<number>;
  savedAnswersOf(db: Session, diagnostikaId: number): Promise<SubmittedAnswer[]>;
  /** Open diagnostikas whose deadline lies before `cutoff`: one learner's, or (userId null) everyone's. */
  expiredOpen(
    db: Session,
    query: { cutoff: Date; userId: number | null; limit: number },
  ): Promise<{ diagnostikaId: number; userId: number }[]>;
  /**
   * Writes answers, module stats and the score at once, replacing the saved answers; only an open diagnostika is
   * changed. `expired`: closed after the deadline.
   */
  saveSubmission(tx: TxSession, diagnostikaId: number, score: AnswerSheetScore, expired: boolean): Promise<void>;
  /** The learner's submitted diagnostika, or undefined while there is none. */
  resultOf(db: Session, userId: number): Promise<DiagnostikaResult | undefined>;
}

export interface QuestionBank {
  /** Every module of the track with its active question ids (ascending, so a seeded draw is reproducible). */
  activePoolsOfTrack(db: Session, trackId: number): Promise<ModuleQuestionPool[]>;
}
