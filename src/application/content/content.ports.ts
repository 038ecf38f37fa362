import type { ArticleKind } from '../../domain/content/article-kind.js';
import type { CandidateArticle, ContentSelection } from '../../domain/content/content-selection.rules.js';
import type { GradedQuestion } from '../../domain/shared/answer-sheet.rules.js';
import type { QuestionView } from '../shared/question-view.js';
import type { Session, TxSession } from '../ports/transactor.port.js';

/** A line of GET /content/my. */
export interface AssignmentView {
  readonly articleId: number;
  readonly moduleId: number;
  readonly moduleName: string;
  readonly title: string;
  readonly contentRef: string;
  readonly kind: ArticleKind;
  readonly isRead: boolean;
  readonly minitestPassed: boolean;
}

export interface ArticleView {
  readonly id: number;
  readonly moduleId: number;
  readonly stageId: number;
  readonly kind: ArticleKind;
  readonly title: string;
  readonly contentRef: string;
  readonly body: string;
}

export interface AssignedSet {
  readonly optionalCount: number;
  readonly requiredCount: number;
  /** The modules that received a required article (the weak modules), ascending. */
  readonly requiredModuleIds: number[];
}

/** An assignment of the learner's current stage, locked for a minitest submit. */
export interface LockedAssignment {
  readonly stageId: number;
  readonly kind: ArticleKind;
  readonly minitestPassed: boolean;
}

export interface MinitestView {
  readonly kind: ArticleKind;
  /** The active minitest questions by position (a configured minitest has exactly 3). */
  readonly questions: QuestionView[];
}

/**
 * The reading list of learner stages. "Current stage" below means the learner's active or
 * pending_approval stage row: an assignment of a completed stage is never served.
 */
export interface StageAssignments {
  /** What is already assigned on the stage (zero counts when nothing is). */
  assignedSet(tx: Session, userId: number, stageId: number): Promise<AssignedSet>;
  /** The active articles of the stage, with whether each has a configured 3-question minitest. */
  candidatesOf(tx: Session, stageId: number): Promise<CandidateArticle[]>;
  /** Writes the whole selection in one statement. */
  assign(tx: TxSession, userId: number, stageId: number, selection: ContentSelection): Promise<void>;
  listCurrent(db: Session, userId: number): Promise<AssignmentView[]>;
  /** The article when it is assigned to the learner on the current stage. */
  findCurrentArticle(db: Session, userId: number, articleId: number): Promise<ArticleView | undefined>;
  /** Marks an optional assignment of the current stage read (once); returns its kind, undefined when not assigned. */
  markRead(tx: TxSession, userId: number, articleId: number): Promise<ArticleKind | undefined>;
  minitestOf(db: Session, userId: number, articleId: number): Promise<MinitestView | undefined>;
  lockAssignment(tx: TxSession, userId: number, articleId: number): Promise<LockedAssignment | undefined>;
  gradedMinitestOf(tx: Session, articleId: number): Promise<GradedQuestion[]>;
  markMinitestPassed(tx: TxSession, userId: number, stageId: number, articleId: number): Promise<void>;
}
