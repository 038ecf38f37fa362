import type { ModuleQuestionPool } from '../../domain/diagnostika/diagnostika-question-set.rules.js';
import type { AnswerSheetScore, GradedQuestion, ModuleStat } from '../../domain/shared/answer-sheet.rules.js';
import type { AttemptQuestion } from '../../domain/shared/attempt-order.rules.js';
import type { Session, TxSession } from '../ports/transactor.port.js';
import type { QuestionView } from '../shared/question-view.js';

export interface DiagnostikaRecord {
  readonly id: number;
  readonly userId: number;
  readonly stageId: number;
  readonly totalQ: number;
  readonly submittedAt: Date | null;
}

export interface DiagnostikaResult {
  readonly diagnostikaId: number;
  readonly totalQ: number;
  readonly scoreTotal: number;
  /** By module id. */
  readonly moduleStats: readonly ModuleStat[];
}

export interface DiagnostikaAttempts {
  /** The learner's one diagnostika, open or submitted. */
  findOfLearner(db: Session, userId: number): Promise<DiagnostikaRecord | undefined>;
  /** Locks the diagnostika row when it exists AND belongs to the learner (else undefined: 404). */
  lockOfLearner(tx: TxSession, diagnostikaId: number, userId: number): Promise<DiagnostikaRecord | undefined>;
  /** Inserts the diagnostika and its questions in their stored order; returns its id. */
  create(
    tx: TxSession,
    diagnostika: { userId: number; stageId: number; totalQ: number; questions: readonly AttemptQuestion[] },
  ): Promise<number>;
  /** The stored questions with their options, in the stored order. */
  questionsOf(db: Session, diagnostikaId: number): Promise<QuestionView[]>;
  /** The stored questions with what scoring needs, in the stored order. */
  gradedQuestionsOf(tx: Session, diagnostikaId: number): Promise<GradedQuestion[]>;
  /** Writes answers, module stats and the score at once; only an open diagnostika is changed. */
  saveSubmission(tx: TxSession, diagnostikaId: number, score: AnswerSheetScore): Promise<void>;
  /** The learner's submitted diagnostika, or undefined while there is none. */
  resultOf(db: Session, userId: number): Promise<DiagnostikaResult | undefined>;
}

export interface QuestionBank {
  /** Every module of the track with its active question ids (ascending, so a seeded draw is reproducible). */
  activePoolsOfTrack(db: Session, trackId: number): Promise<ModuleQuestionPool[]>;
}
