import type {
  AttemptSummary,
  ExamAttempts,
  LockedAttempt,
  NewAttempt,
  OpenAttempt,
  StartLock,
} from '../../../application/exams/exams.ports.js';
import type { QuestionView } from '../../../application/shared/question-view.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import type { ModuleCandidates } from '../../../domain/exams/question-pick.rules.js';
import type { AnswerChange, AnswerSheetScore, SubmittedAnswer } from '../../../domain/shared/answer-sheet.rules.js';
import type { ExamKind } from '../../../domain/shared/exam-kind.js';
import type { ExamAssembly } from '../../../domain/exams/exam-assembly.rules.js';
import {
  fromAssemblyDocument,
  toAssemblyDocument,
  type AssemblyDocument,
} from '../../../application/exams/assembly-document.js';
import { toQuestionView, type QuestionViewRow } from '../shared/question-rows.js';
import { NamedStatements } from '../named-statements.js';
import { toTrackSettings, type SettingsRow } from '../progress/pinned-settings.repository.js';
import { toCurrentStage, type CurrentRow } from '../progress/stage-progress.repository.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

type Query =
  | 'lockStageForStart'
  | 'findOpen'
  | 'candidates'
  | 'insert'
  | 'questionsOf'
  | 'lockForSubmit'
  | 'lockForSave'
  | 'saveAnswers'
  | 'savedAnswersOf'
  | 'expiredOpen'
  | 'recordSubmission'
  | 'listForUser'
  | 'findWithAssembly'
  | 'listOnStage';
const QUERIES: readonly Query[] = [
  'lockStageForStart',
  'findOpen',
  'candidates',
  'insert',
  'questionsOf',
  'lockForSubmit',
  'lockForSave',
  'saveAnswers',
  'savedAnswersOf',
  'expiredOpen',
  'recordSubmission',
  'listForUser',
  'findWithAssembly',
  'listOnStage',
];

interface OpenRow {
  attempt_id: number;
  attempt_no: number;
  total_q: number;
  pass_score: number;
  created_at: Date;
  deadline_at: Date | null;
}

interface SummaryRow extends OpenRow {
  stage_id: number;
  submitted_at: Date | null;
  score_total: number | null;
  passed: boolean;
  expired: boolean;
}

const toOpen = (row: OpenRow): OpenAttempt => ({
  attemptId: row.attempt_id,
  attemptNo: row.attempt_no,
  totalQ: row.total_q,
  passScore: row.pass_score,
  createdAt: row.created_at,
  deadlineAt: row.deadline_at,
});

const toSummary = (row: SummaryRow): AttemptSummary => ({
  ...toOpen(row),
  stageId: row.stage_id,
  submittedAt: row.submitted_at,
  scoreTotal: row.score_total,
  passed: row.passed,
  expired: row.expired,
});

export class PgExamAttempts implements ExamAttempts {
  private readonly sql: NamedStatements<Query>;

  constructor(
    readonly kind: ExamKind,
    catalogue: SqlCatalogue,
  ) {
    // Two files with the same queries against each kind's own tables (sql/exams/*.sql).
    this.sql = new NamedStatements(
      catalogue,
      kind === 'level' ? 'exams/attempts' : 'exams/rank-final-attempts',
      QUERIES,
    );
  }

  async lockStageForStart(tx: TxSession, userId: number, expiryCutoff: Date): Promise<StartLock> {
    // Without a current stage the stage columns are NULL; the hints are there either way.
    const row = (await this.sql.first<
      (CurrentRow | { [column in keyof CurrentRow]: null }) & {
        settings: SettingsRow | null;
        open_seen: boolean;
        expired_seen: boolean;
      }
    >(tx, 'lockStageForStart', [userId, expiryCutoff]))!;
    return {
      stage: row.stage_id === null ? undefined : toCurrentStage(row as CurrentRow),
      settings: row.settings === null ? undefined : toTrackSettings(row.settings),
      openSeen: row.open_seen,
      expiredSeen: row.expired_seen,
    };
  }

  async findOpen(tx: Session, userId: number, stageId: number): Promise<OpenAttempt | undefined> {
    const row = await this.sql.first<OpenRow>(tx, 'findOpen', [userId, stageId]);
    return row && toOpen(row);
  }

  async candidates(
    tx: Session,
    request: {
      userId: number;
      stageId: number;
      needs: readonly { moduleId: number; count: number }[];
      windowStart: number;
    },
  ): Promise<ModuleCandidates[]> {
    const rows = await this.sql.rows<{ module_id: number; question_id: number; seen: boolean }>(tx, 'candidates', [
      request.userId,
      request.stageId,
      request.needs.map((need) => need.moduleId),
      request.needs.map((need) => need.count),
      request.windowStart,
    ]);
    return request.needs.map((need) => {
      const own = rows.filter((row) => row.module_id === need.moduleId);
      return {
        moduleId: need.moduleId,
        unseen: own.filter((row) => !row.seen).map((row) => row.question_id),
        seen: own.filter((row) => row.seen).map((row) => row.question_id),
      };
    });
  }

  async insert(
    tx: TxSession,
    attempt: NewAttempt,
  ): Promise<{ attempt: OpenAttempt; questions: QuestionView[] } | undefined> {
    const row = await this.sql.first<OpenRow & { questions: QuestionViewRow[] }>(tx, 'insert', [
      attempt.userId,
      attempt.stageId,
      attempt.settingsVersionId,
      attempt.totalQ,
      attempt.passScore,
      attempt.seed,
      attempt.questions.map((question) => question.questionId),
      attempt.questions.map((question) => question.moduleId),
      attempt.questions.map((question) => question.pos),
      JSON.stringify(toAssemblyDocument(attempt.assembly)),
      attempt.deadlineAt,
    ]);
    return row && { attempt: toOpen(row), questions: row.questions.map(toQuestionView) };
  }

  async questionsOf(db: Session, attemptId: number): Promise<QuestionView[]> {
    return (await this.sql.rows<QuestionViewRow>(db, 'questionsOf', [attemptId])).map(toQuestionView);
  }

  async lockForSubmit(tx: TxSession, attemptId: number, userId: number): Promise<LockedAttempt | undefined> {
    return this.locked(tx, 'lockForSubmit', attemptId, userId);
  }

  async lockForSave(tx: TxSession, attemptId: number, userId: number): Promise<LockedAttempt | undefined> {
    return this.locked(tx, 'lockForSave', attemptId, userId);
  }

  private async locked(
    tx: TxSession,
    query: 'lockForSubmit' | 'lockForSave',
    attemptId: number,
    userId: number,
  ): Promise<LockedAttempt | undefined> {
    const rows = await this.sql.rows<{
      attempt_id: number;
      user_id: number;
      stage_id: number;
      settings_version_id: number;
      total_q: number;
      pass_score: number;
      submitted_at: Date | null;
      deadline_at: Date | null;
      expired: boolean;
      question_id: number;
      module_id: number;
      correct_option_id: number;
      option_ids: number[];
    }>(tx, query, [attemptId, userId]);
    const [first] = rows;
    if (first === undefined) return undefined;
    return {
      attemptId: first.attempt_id,
      userId: first.user_id,
      stageId: first.stage_id,
      settingsVersionId: first.settings_version_id,
      totalQ: first.total_q,
      passScore: first.pass_score,
      submittedAt: first.submitted_at,
      deadlineAt: first.deadline_at,
      expired: first.expired,
      sheet: rows.map((row) => ({
        questionId: row.question_id,
        moduleId: row.module_id,
        correctOptionId: row.correct_option_id,
        optionIds: row.option_ids,
      })),
    };
  }

  async saveAnswers(tx: TxSession, attemptId: number, changes: readonly AnswerChange[]): Promise<number> {
    const row = await this.sql.first<{ answered: number }>(tx, 'saveAnswers', [
      attemptId,
      changes.map((change) => change.questionId),
      changes.map((change) => change.selectedOptionId),
    ]);
    return row!.answered;
  }

  async savedAnswersOf(db: Session, attemptId: number): Promise<SubmittedAnswer[]> {
    const rows = await this.sql.rows<{ question_id: number; selected_option_id: number }>(db, 'savedAnswersOf', [
      attemptId,
    ]);
    return rows.map((row) => ({ questionId: row.question_id, selectedOptionId: row.selected_option_id }));
  }

  async expiredOpen(
    db: Session,
    query: { cutoff: Date; userId: number | null; limit: number },
  ): Promise<{ attemptId: number; userId: number }[]> {
    const rows = await this.sql.rows<{ attempt_id: number; user_id: number }>(db, 'expiredOpen', [
      query.cutoff,
      query.userId,
      query.limit,
    ]);
    return rows.map((row) => ({ attemptId: row.attempt_id, userId: row.user_id }));
  }

  async recordSubmission(
    tx: TxSession,
    attemptId: number,
    { score, passed, expired }: { score: AnswerSheetScore; passed: boolean; expired: boolean },
  ): Promise<void> {
    const updated = await this.sql.run(tx, 'recordSubmission', [
      attemptId,
      score.answers.map((answer) => answer.questionId),
      score.answers.map((answer) => answer.selectedOptionId),
      score.moduleStats.map((stat) => stat.moduleId),
      score.moduleStats.map((stat) => stat.correct),
      score.moduleStats.map((stat) => stat.total),
      score.scoreTotal,
      passed,
      expired,
    ]);
    // The caller holds the row lock and saw it open; anything else is a broken invariant.
    if (updated !== 1) throw new Error(`attempt ${attemptId} was not open when its submission was recorded`);
  }

  async listForUser(db: Session, userId: number): Promise<AttemptSummary[]> {
    return (await this.sql.rows<SummaryRow>(db, 'listForUser', [userId])).map(toSummary);
  }

  async findWithAssembly(
    db: Session,
    attemptId: number,
    userId: number,
  ): Promise<{ summary: AttemptSummary; assembly: ExamAssembly | null } | undefined> {
    const row = await this.sql.first<SummaryRow & { assembly: AssemblyDocument | null }>(db, 'findWithAssembly', [
      attemptId,
      userId,
    ]);
    return (
      row && { summary: toSummary(row), assembly: row.assembly === null ? null : fromAssemblyDocument(row.assembly) }
    );
  }

  async listOnStage(db: Session, userId: number, stageId: number): Promise<AttemptSummary[]> {
    return (await this.sql.rows<SummaryRow>(db, 'listOnStage', [userId, stageId])).map(toSummary);
  }
}
