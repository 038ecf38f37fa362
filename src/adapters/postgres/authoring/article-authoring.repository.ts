import type {
  AdminArticle,
  ArticleChange,
  ArticleFilter,
  ArticleLibrary,
  NewArticle,
} from '../../../application/authoring/authoring.ports.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import type { ArticleKind } from '../../../domain/content/article-kind.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';
import { guardNames } from './name-taken.errors.js';

interface ArticleRow {
  id: number;
  track_id: number;
  module_id: number;
  stage_id: number;
  kind: ArticleKind;
  position: number;
  title: string;
  content_ref: string;
  body: string;
  is_active: boolean;
  created_at: Date;
  minitest_question_ids: number[];
}

const toArticle = (row: ArticleRow): AdminArticle => ({
  id: row.id,
  trackId: row.track_id,
  moduleId: row.module_id,
  stageId: row.stage_id,
  kind: row.kind,
  position: row.position,
  title: row.title,
  contentRef: row.content_ref,
  body: row.body,
  isActive: row.is_active,
  createdAt: row.created_at,
  minitestQuestionIds: row.minitest_question_ids,
});

type Query = 'list' | 'find' | 'placement' | 'insert' | 'lock' | 'update' | 'deleteMinitest' | 'insertMinitest';

export class PgArticleAuthoring implements ArticleLibrary {
  private readonly sql: NamedStatements<Query>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'authoring/articles', [
      'list',
      'find',
      'placement',
      'insert',
      'lock',
      'update',
      'deleteMinitest',
      'insertMinitest',
    ]);
  }

  async list(db: Session, filter: ArticleFilter): Promise<AdminArticle[]> {
    const rows = await this.sql.rows<ArticleRow>(db, 'list', [
      filter.trackId ?? null,
      filter.stageId ?? null,
      filter.moduleId ?? null,
      filter.kind ?? null,
      filter.afterId ?? null,
      filter.limit,
    ]);
    return rows.map(toArticle);
  }

  async find(db: Session, articleId: number): Promise<AdminArticle | undefined> {
    const row = await this.sql.first<ArticleRow>(db, 'find', [articleId]);
    return row && toArticle(row);
  }

  async placement(
    tx: Session,
    moduleId: number,
    stageId: number,
  ): Promise<{ moduleFound: boolean; stageOnTrack: boolean }> {
    const row = await this.sql.first<{ stage_on_track: boolean }>(tx, 'placement', [moduleId, stageId]);
    return { moduleFound: row !== undefined, stageOnTrack: row?.stage_on_track ?? false };
  }

  async insert(tx: TxSession, article: NewArticle): Promise<number> {
    const row = await guardNames(() =>
      this.sql.first<{ id: number }>(tx, 'insert', [
        article.moduleId,
        article.stageId,
        article.kind,
        article.position,
        article.title,
        article.contentRef,
        article.body,
      ]),
    );
    return row!.id;
  }

  async lock(
    tx: TxSession,
    articleId: number,
  ): Promise<{ id: number; moduleId: number; kind: ArticleKind } | undefined> {
    const row = await this.sql.first<{ id: number; module_id: number; kind: ArticleKind }>(tx, 'lock', [articleId]);
    return row && { id: row.id, moduleId: row.module_id, kind: row.kind };
  }

  async update(tx: TxSession, articleId: number, change: ArticleChange): Promise<void> {
    await guardNames(() =>
      this.sql.run(tx, 'update', [
        articleId,
        change.title ?? null,
        change.contentRef ?? null,
        change.body ?? null,
        change.position ?? null,
        change.isActive ?? null,
      ]),
    );
  }

  async replaceMinitest(
    tx: TxSession,
    article: { id: number; moduleId: number },
    questionIds: readonly number[],
  ): Promise<void> {
    await this.sql.run(tx, 'deleteMinitest', [article.id]);
    await this.sql.run(tx, 'insertMinitest', [article.id, article.moduleId, [...questionIds]]);
  }
}
