import type {
  DiagnostikaAttempts,
  DiagnostikaRecord,
  DiagnostikaResult,
} from '../../../application/diagnostika/diagnostika.ports.js';
import type { QuestionView } from '../../../application/shared/question-view.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import type {
  AnswerChange,
  AnswerSheetScore,
  GradedQuestion,
  ModuleStat,
  SubmittedAnswer,
} from '../../../domain/shared/answer-sheet.rules.js';
import type { AttemptQuestion } from '../../../domain/shared/attempt-order.rules.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import { isUniqueViolation } from '../postgres.errors.js';
import { toGraded, toQuestionView, type GradedRow, type QuestionViewRow } from '../shared/question-rows.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

interface RecordRow {
  id: number;
  user_id: number;
  stage_id: number;
  total_q: number;
  submitted_at: Date | null;
  deadline_at: Date | null;
  expired: boolean;
}

const toRecord = (row: RecordRow): DiagnostikaRecord => ({
  id: row.id,
  userId: row.user_id,
  stageId: row.stage_id,
  totalQ: row.total_q,
  submittedAt: row.submitted_at,
  deadlineAt: row.deadline_at,
  expired: row.expired,
});

const NAMES = [
  'findOfLearner',
  'lockOfLearner',
  'shareOfLearner',
  'create',
  'questionsOf',
  'gradedQuestionsOf',
  'saveAnswers',
  'savedAnswersOf',
  'expiredOpen',
  'saveSubmission',
  'resultOf',
] as const;

export class PgDiagnostikaAttempts implements DiagnostikaAttempts {
  private readonly sql: NamedStatements<(typeof NAMES)[number]>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'diagnostika/diagnostika', NAMES);
  }

  async findOfLearner(db: Session, userId: number): Promise<DiagnostikaRecord | undefined> {
    const row = await this.sql.first<RecordRow>(db, 'findOfLearner', [userId]);
    return row && toRecord(row);
  }

  async lockOfLearner(tx: TxSession, diagnostikaId: number, userId: number): Promise<DiagnostikaRecord | undefined> {
    const row = await this.sql.first<RecordRow>(tx, 'lockOfLearner', [diagnostikaId, userId]);
    return row && toRecord(row);
  }

  async shareOfLearner(tx: TxSession, userId: number): Promise<DiagnostikaRecord | undefined> {
    const row = await this.sql.first<RecordRow>(tx, 'shareOfLearner', [userId]);
    return row && toRecord(row);
  }

  async create(
    tx: TxSession,
    diagnostika: {
      userId: number;
      stageId: number;
      totalQ: number;
      deadlineAt: Date | null;
      questions: readonly AttemptQuestion[];
    },
  ): Promise<number> {
    const { questions } = diagnostika;
    try {
      const row = await this.sql.first<{ id: number }>(tx, 'create', [
        diagnostika.userId,
        diagnostika.stageId,
        diagnostika.totalQ,
        questions.map((q) => q.questionId),
        questions.map((q) => q.moduleId),
        questions.map((q) => q.pos),
        diagnostika.deadlineAt,
      ]);
      return row!.id;
    } catch (error) {
      // Callers lock the learner's stage row first, so this only fires if that habit is broken.
      if (isUniqueViolation(error, 'uq_diagnostika_results_user_once')) {
        throw new DomainError('diagnostika_already_completed', 'The learner already has a diagnostika');
      }
      throw error;
    }
  }

  async questionsOf(db: Session, diagnostikaId: number): Promise<QuestionView[]> {
    return (await this.sql.rows<QuestionViewRow>(db, 'questionsOf', [diagnostikaId])).map(toQuestionView);
  }

  async gradedQuestionsOf(tx: Session, diagnostikaId: number): Promise<GradedQuestion[]> {
    return (await this.sql.rows<GradedRow>(tx, 'gradedQuestionsOf', [diagnostikaId])).map(toGraded);
  }

  async saveAnswers(tx: TxSession, diagnostikaId: number, changes: readonly AnswerChange[]): Promise<number> {
    const row = await this.sql.first<{ answered: number }>(tx, 'saveAnswers', [
      diagnostikaId,
      changes.map((change) => change.questionId),
      changes.map((change) => change.selectedOptionId),
    ]);
    return row!.answered;
  }

  async savedAnswersOf(db: Session, diagnostikaId: number): Promise<SubmittedAnswer[]> {
    const rows = await this.sql.rows<{ question_id: number; selected_option_id: number }>(db, 'savedAnswersOf', [
      diagnostikaId,
    ]);
    return rows.map((row) => ({ questionId: row.question_id, selectedOptionId: row.selected_option_id }));
  }

  async expiredOpen(
    db: Session,
    query: { cutoff: Date; userId: number | null; limit: number },
  ): Promise<{ diagnostikaId: number; userId: number }[]> {
    const rows = await this.sql.rows<{ id: number; user_id: number }>(db, 'expiredOpen', [
      query.cutoff,
      query.userId,
      query.limit,
    ]);
    return rows.map((row) => ({ diagnostikaId: row.id, userId: row.user_id }));
  }

  async saveSubmission(tx: TxSession, diagnostikaId: number, score: AnswerSheetScore, expired: boolean): Promise<void> {
    await this.sql.run(tx, 'saveSubmission', [
      diagnostikaId,
      score.answers.map((a) => a.questionId),
      score.answers.map((a) => a.selectedOptionId),
      score.moduleStats.map((s) => s.moduleId),
      score.moduleStats.map((s) => s.correct),
      score.moduleStats.map((s) => s.total),
      score.scoreTotal,
      expired,
    ]);
  }

  async resultOf(db: Session, userId: number): Promise<DiagnostikaResult | undefined> {
    const row = await this.sql.first<{
      id: number;
      total_q: number;
      score_total: number;
      expired: boolean;
      module_stats: { module_id: number; correct: number; total: number }[];
    }>(db, 'resultOf', [userId]);
    const moduleStats: ModuleStat[] = (row?.module_stats ?? []).map((s) => ({
      moduleId: s.module_id,
      correct: s.correct,
      total: s.total,
    }));
    return (
      row && {
        diagnostikaId: row.id,
        totalQ: row.total_q,
        scoreTotal: row.score_total,
        expired: row.expired,
        moduleStats,
      }
    );
  }
}
