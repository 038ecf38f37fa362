import type { QuestionDraft, QuestionUsage } from '../../domain/authoring/question.rules.js';
import type { CandidateQuestion } from '../../domain/authoring/minitest-selection.rules.js';
import type { CatalogFacts, ImportPlan } from '../../domain/authoring/import-bundle.rules.js';
import type { ArticleKind } from '../../domain/content/article-kind.js';
import type { StageRef, StageTemplate } from '../../domain/progress/stage-ladder.js';
import type { Session, TxSession } from '../ports/transactor.port.js';

// --- tracks and modules ---

export interface AuthoredModule {
  readonly id: number;
  readonly trackId: number;
  readonly name: string;
}

export interface AuthoredTrack {
  readonly id: number;
  readonly name: string;
  readonly createdAt: Date;
  readonly activeSettingsVersionId: number | null;
  readonly stages: readonly StageRef[];
  readonly modules: readonly AuthoredModule[];
}

export interface TrackAuthoring {
  listTracks(db: Session): Promise<AuthoredTrack[]>;
  findTrack(db: Session, trackId: number): Promise<AuthoredTrack | undefined>;
  /** Throws name_taken when a track has this name. */
  insertTrack(tx: TxSession, name: string): Promise<{ id: number }>;
  insertStages(tx: TxSession, trackId: number, ladder: readonly StageTemplate[]): Promise<void>;
  /** Throws name_taken when the track has a module of this name; undefined when the track does not exist. */
  insertModule(tx: TxSession, trackId: number, name: string): Promise<AuthoredModule | undefined>;
  /** Throws name_taken; undefined when the module does not exist. */
  renameModule(
    tx: TxSession,
    moduleId: number,
    name: string,
  ): Promise<(AuthoredModule & { previousName: string }) | undefined>;
}

// --- question bank ---

export interface AdminQuestion {
  readonly id: number;
  readonly moduleId: number;
  readonly text: string;
  readonly isActive: boolean;
  readonly createdAt: Date;
  readonly options: readonly { readonly id: number; readonly pos: number; readonly text: string }[];
  /** Null only for a question never completed (written outside the API): it cannot be active. */
  readonly correctOptionId: number | null;
  readonly usage: QuestionUsage;
}

export interface QuestionAuthoring {
  moduleExists(db: Session, moduleId: number): Promise<boolean>;
  /** Ordered by id, after `afterId`. */
  list(db: Session, moduleId: number, page: { afterId?: number; limit: number }): Promise<AdminQuestion[]>;
  find(db: Session, questionId: number): Promise<AdminQuestion | undefined>;
  /**
   * Inactive question → its options → correct option set and active (the FK cycle). Throws name_taken on a duplicate
   * text.
   */
  insert(tx: TxSession, moduleId: number, question: QuestionDraft): Promise<number>;
  /** The question row locked FOR UPDATE OF questions: attempts that would add it wait for the edit. */
  lock(
    tx: TxSession,
    questionId: number,
  ): Promise<{ id: number; moduleId: number; text: string; isActive: boolean } | undefined>;
  usage(tx: Session, questionId: number): Promise<QuestionUsage>;
  /** Throws name_taken on a duplicate text. */
  update(tx: TxSession, questionId: number, change: { text: string; isActive: boolean }): Promise<void>;
  /** The named questions, locked FOR SHARE OF questions so none is deactivated or moved while a minitest is set. */
  lockCandidates(tx: TxSession, questionIds: readonly number[]): Promise<Map<number, CandidateQuestion>>;
}

// --- articles ---

export interface AdminArticle extends NewArticle {
  readonly id: number;
  readonly trackId: number;
  readonly isActive: boolean;
  readonly createdAt: Date;
  /** In minitest order; empty for an optional article or one without a minitest yet. */
  readonly minitestQuestionIds: readonly number[];
}

export interface ArticleFilter {
  readonly trackId?: number;
  readonly stageId?: number;
  readonly moduleId?: number;
  readonly kind?: ArticleKind;
  readonly afterId?: number;
  readonly limit: number;
}

export interface NewArticle {
  readonly moduleId: number;
  readonly stageId: number;
  readonly kind: ArticleKind;
  readonly position: number;
  readonly title: string;
  readonly contentRef: string;
  readonly body: string;
}

export interface ArticleChange {
  readonly title?: string;
  readonly contentRef?: string;
  readonly body?: string;
  readonly position?: number;
  readonly isActive?: boolean;
}

export interface ArticleLibrary {
  list(db: Session, filter: ArticleFilter): Promise<AdminArticle[]>;
  find(db: Session, articleId: number): Promise<AdminArticle | undefined>;
  /** Where a new article would go: the module's track and whether the stage is on it. */
  placement(tx: Session, moduleId: number, stageId: number): Promise<{ moduleFound: boolean; stageOnTrack: boolean }>;
  /** Throws name_taken on a content_ref in use. */
  insert(tx: TxSession, article: NewArticle): Promise<number>;
  /** The article row locked FOR UPDATE OF articles. */
  lock(tx: TxSession, articleId: number): Promise<{ id: number; moduleId: number; kind: ArticleKind } | undefined>;
  /** Throws name_taken on a content_ref in use. */
  update(tx: TxSession, articleId: number, change: ArticleChange): Promise<void>;
  replaceMinitest(
    tx: TxSession,
    article: { id: number; moduleId: number },
    questionIds: readonly number[],
  ): Promise<void>;
}

// --- bundle import ---

export interface ImportCounts {
  readonly tracks: number;
  readonly modules: number;
  readonly questions: number;
  readonly articles: number;
  readonly minitests: number;
}

export interface BundleWriter {
  /**
   * The track by name, inserted when missing, then locked (FOR NO KEY UPDATE) so imports into one track run one at a
   * time.
   */
  ensureTrack(tx: TxSession, name: string): Promise<{ id: number; created: boolean }>;
  readFacts(tx: TxSession, trackId: number, plan: ImportPlan): Promise<CatalogFacts>;
  /** Each step writes only what is missing (natural keys) and returns how many rows it created. */
  insertModules(tx: TxSession, trackId: number, names: readonly string[]): Promise<number>;
  insertQuestions(tx: TxSession, trackId: number, plan: ImportPlan): Promise<number>;
  insertArticles(tx: TxSession, trackId: number, plan: ImportPlan): Promise<number>;
  /** Minitests for the bundle's required articles that have none yet; returns how many articles got one. */
  insertMinitests(tx: TxSession, trackId: number, plan: ImportPlan): Promise<number>;
}
