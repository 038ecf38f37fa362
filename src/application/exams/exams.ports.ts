import type {
  AnswerChange,
  AnswerSheetScore,
  GradedQuestion,
  SubmittedAnswer,
} from '../../domain/shared/answer-sheet.rules.js';
import type { AttemptQuestion } from '../../domain/shared/attempt-order.rules.js';
import type { ExamKind } from '../../domain/shared/exam-kind.js';
import type { ExamAssembly } from '../../domain/exams/exam-assembly.rules.js';
import type { ModuleCandidates } from '../../domain/exams/question-pick.rules.js';
import type { TrackSettings } from '../../domain/settings/track-settings.js';
import type { Session, TxSession } from '../ports/transactor.port.js';
import type { CurrentStage } from '../progress/progress.ports.js';
import type { QuestionView } from '../shared/question-view.js';

export interface OpenAttempt {
  readonly attemptId: number;
  readonly attemptNo: number;
  readonly totalQ: number;
  readonly passScore: number;
  readonly createdAt: Date;
  /** null: untimed (docs/product.md, "Exam sittings"). */
  readonly deadlineAt: Date | null;
}

export interface AttemptSummary {
  readonly attemptId: number;
  readonly attemptNo: number;
  readonly stageId: number;
  readonly createdAt: Date;
  readonly submittedAt: Date | null;
  readonly scoreTotal: number | null;
  readonly totalQ: number;
  readonly passScore: number;
  readonly passed: boolean;
  readonly deadlineAt: Date | null;
  /** Closed after its deadline on the saved answers. */
  readonly expired: boolean;
}

export interface LockedAttempt {
  readonly attemptId: number;
  readonly userId: number;
  readonly stageId: number;
  readonly settingsVersionId: number;
  readonly totalQ: number;
  readonly passScore: number;
  readonly submittedAt: Date | null;
  readonly deadlineAt: Date | null;
  readonly expired: boolean;
  /** The attempt's questions in stored order, with their correct and possible options. */
  readonly sheet: readonly GradedQuestion[];
}

export interface NewAttempt {
  readonly userId: number;
  readonly stageId: number;
  readonly settingsVersionId: number;
  readonly totalQ: number;
  readonly passScore: number;
  readonly seed: number;
  readonly deadlineAt: Date | null;
  readonly questions: readonly AttemptQuestion[];
  readonly assembly: ExamAssembly;
}

/**
 * What a start learns in its first statement. The stage is locked and current; the hints were read under a snapshot
 * taken before the lock was granted, so they may miss what a start, submit or close committed meanwhile: they only
 * route, and the statements they route to read afresh.
 */
export interface StartLock {
  /** undefined: the learner has no current stage. */
  readonly stage: CurrentStage | undefined;
  /** The stage's pinned settings; undefined when the version has none (a broken catalogue). */
  readonly settings: TrackSettings | undefined;
  /** An attempt of this kind looked open on the stage. */
  readonly openSeen: boolean;
  /** One of the learner's open attempts of this kind, on any stage, looked past the expiry cutoff. */
  readonly expiredSeen: boolean;
}

/** The attempts of one exam kind (level exam or rank final share the shape). */
export interface ExamAttempts {
  readonly kind: ExamKind;
  /** Locks the learner's current stage row (`FOR UPDATE`, as StageProgress.lockCurrentStage) for a start. */
  lockStageForStart(tx: TxSession, userId: number, expiryCutoff: Date): Promise<StartLock>;
  findOpen(tx: Session, userId: number, stageId: number): Promise<OpenAttempt | undefined>;
  /** Per module, a random window of active questions, marking the ones this learner already saw on this stage. */
  candidates(
    tx: Session,
    request: {
      userId: number;
      stageId: number;
      needs: readonly { moduleId: number; count: number }[];
      windowStart: number;
    },
  ): Promise<ModuleCandidates[]>;
  /**
   * Stores the attempt and answers with it and its questions as the learner sees them; undefined (nothing stored) when
   * an attempt is already open on the stage.
   */
  insert(tx: TxSession, attempt: NewAttempt): Promise<{ attempt: OpenAttempt; questions: QuestionView[] } | undefined>;
  questionsOf(db: Session, attemptId: number): Promise<QuestionView[]>;
  /**
   * FOR UPDATE of the attempt row, with its grading sheet; undefined when it does not exist or is another learner's.
   */
  lockForSubmit(tx: TxSession, attemptId: number, userId: number): Promise<LockedAttempt | undefined>;
  /** lockForSubmit under a share lock: saves of one attempt run side by side, a submit waits for them. */
  lockForSave(tx: TxSession, attemptId: number, userId: number): Promise<LockedAttempt | undefined>;
  /** Last write wins per question; a null option clears. Answers how many questions have a saved answer now. */
  saveAnswers(tx: TxSession, attemptId: number, changes: readonly AnswerChange[]): Promise<number>;
  savedAnswersOf(db: Session, attemptId: number): Promise<SubmittedAnswer[]>;
  /** Open attempts whose deadline lies before `cutoff`: one learner's, or (userId null) everyone's. */
  expiredOpen(
    db: Session,
    query: { cutoff: Date; userId: number | null; limit: number },
  ): Promise<{ attemptId: number; userId: number }[]>;
  /** Stores the score and replaces the saved answers by the scored ones; `expired`: closed after the deadline. */
  recordSubmission(
    tx: TxSession,
    attemptId: number,
    result: { score: AnswerSheetScore; passed: boolean; expired: boolean },
  ): Promise<void>;
  listForUser(db: Session, userId: number): Promise<AttemptSummary[]>;
  /** One attempt of the learner with how it was assembled (null for attempts older than the record). */
  findWithAssembly(
    db: Session,
    attemptId: number,
    userId: number,
  ): Promise<{ summary: AttemptSummary; assembly: ExamAssembly | null } | undefined>;
  listOnStage(db: Session, userId: number, stageId: number): Promise<AttemptSummary[]>;
}
