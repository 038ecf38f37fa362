import type {
  ArticleView,
  AssignedSet,
  AssignmentView,
  LockedAssignment,
  MinitestView,
  StageAssignments,
} from '../../../application/content/content.ports.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import type { ArticleKind } from '../../../domain/content/article-kind.js';
import type { CandidateArticle, ContentSelection } from '../../../domain/content/content-selection.rules.js';
import type { GradedQuestion } from '../../../domain/shared/answer-sheet.rules.js';
import { toGraded, toQuestionView, type GradedRow, type QuestionViewRow } from '../shared/question-rows.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

const NAMES = [
  'assignedSet',
  'candidatesOf',
  'assign',
  'listCurrent',
  'findCurrentArticle',
  'markRead',
  'minitestOf',
  'lockAssignment',
  'gradedMinitestOf',
  'markMinitestPassed',
] as const;

interface AssignmentRow {
  article_id: number;
  module_id: number;
  module_name: string;
  title: string;
  content_ref: string;
  kind: ArticleKind;
  is_read: boolean;
  minitest_passed: boolean;
}

interface ArticleRow {
  id: number;
  module_id: number;
  stage_id: number;
  kind: ArticleKind;
  title: string;
  content_ref: string;
  body: string;
}

export class PgStageAssignments implements StageAssignments {
  private readonly sql: NamedStatements<(typeof NAMES)[number]>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'content/assignments', NAMES);
  }

  async assignedSet(tx: Session, userId: number, stageId: number): Promise<AssignedSet> {
    const row = (await this.sql.first<{
      optional_count: number;
      required_count: number;
      required_module_ids: number[];
    }>(tx, 'assignedSet', [userId, stageId]))!;
    return {
      optionalCount: row.optional_count,
      requiredCount: row.required_count,
      requiredModuleIds: row.required_module_ids,
    };
  }

  async candidatesOf(tx: Session, stageId: number): Promise<CandidateArticle[]> {
    const rows = await this.sql.rows<{
      id: number;
      module_id: number;
      kind: ArticleKind;
      position: number;
      has_minitest: boolean;
    }>(tx, 'candidatesOf', [stageId]);
    return rows.map((row) => ({
      id: row.id,
      moduleId: row.module_id,
      kind: row.kind,
      position: row.position,
      hasMinitest: row.has_minitest,
    }));
  }

  async assign(tx: TxSession, userId: number, stageId: number, selection: ContentSelection): Promise<void> {
    await this.sql.run(tx, 'assign', [userId, stageId, [...selection.optional, ...selection.required]]);
  }

  async listCurrent(db: Session, userId: number): Promise<AssignmentView[]> {
    const rows = await this.sql.rows<AssignmentRow>(db, 'listCurrent', [userId]);
    return rows.map((row) => ({
      articleId: row.article_id,
      moduleId: row.module_id,
      moduleName: row.module_name,
      title: row.title,
      contentRef: row.content_ref,
      kind: row.kind,
      isRead: row.is_read,
      minitestPassed: row.minitest_passed,
    }));
  }

  async findCurrentArticle(db: Session, userId: number, articleId: number): Promise<ArticleView | undefined> {
    const row = await this.sql.first<ArticleRow>(db, 'findCurrentArticle', [userId, articleId]);
    return (
      row && {
        id: row.id,
        moduleId: row.module_id,
        stageId: row.stage_id,
        kind: row.kind,
        title: row.title,
        contentRef: row.content_ref,
        body: row.body,
      }
    );
  }

  async markRead(tx: TxSession, userId: number, articleId: number): Promise<ArticleKind | undefined> {
    return (await this.sql.first<{ kind: ArticleKind }>(tx, 'markRead', [userId, articleId]))?.kind;
  }

  async minitestOf(db: Session, userId: number, articleId: number): Promise<MinitestView | undefined> {
    const row = await this.sql.first<{ kind: ArticleKind; questions: QuestionViewRow[] }>(db, 'minitestOf', [
      userId,
      articleId,
    ]);
    return row && { kind: row.kind, questions: row.questions.map(toQuestionView) };
  }

  async lockAssignment(tx: TxSession, userId: number, articleId: number): Promise<LockedAssignment | undefined> {
    const row = await this.sql.first<{ stage_id: number; kind: ArticleKind; minitest_passed: boolean }>(
      tx,
      'lockAssignment',
      [userId, articleId],
    );
    return row && { stageId: row.stage_id, kind: row.kind, minitestPassed: row.minitest_passed };
  }

  async gradedMinitestOf(tx: Session, articleId: number): Promise<GradedQuestion[]> {
    return (await this.sql.rows<GradedRow>(tx, 'gradedMinitestOf', [articleId])).map(toGraded);
  }

  async markMinitestPassed(tx: TxSession, userId: number, stageId: number, articleId: number): Promise<void> {
    await this.sql.run(tx, 'markMinitestPassed', [userId, stageId, articleId]);
  }
}
