import { requiredText, throwIfInvalid } from '../../domain/authoring/authoring-text.rules.js';
import { assertMinitestSelection } from '../../domain/authoring/minitest-selection.rules.js';
import type { ArticleKind } from '../../domain/content/article-kind.js';
import type { AdminActor } from '../../domain/identity/actor.js';
import { notFound, type ErrorItem } from '../../domain/shared/domain-error.js';
import type { AdminAuditLog } from '../ports/admin-audit-log.port.js';
import type { Transactor } from '../ports/transactor.port.js';
import type {
  AdminArticle,
  ArticleChange,
  ArticleFilter,
  ArticleLibrary,
  QuestionAuthoring,
} from './authoring.ports.js';

export interface ArticleLibraryDeps {
  readonly transactor: Transactor;
  readonly articles: ArticleLibrary;
  readonly questions: QuestionAuthoring;
  readonly audit: AdminAuditLog;
}

export interface NewArticleInput {
  readonly moduleId: number;
  readonly stageId: number;
  readonly kind: ArticleKind;
  readonly title: string;
  readonly contentRef: string;
  readonly body?: string;
  readonly position?: number;
}

const FIELD_NAMES: Readonly<Record<keyof ArticleChange, string>> = {
  title: 'title',
  contentRef: 'content_ref',
  body: 'body',
  position: 'position',
  isActive: 'is_active',
};

/** Which fields a PATCH set (names as in the API), for the audit trail; the body itself may be long. */
const changedFields = (change: ArticleChange): string[] =>
  (Object.keys(change) as (keyof ArticleChange)[])
    .filter((key) => change[key] !== undefined)
    .map((key) => FIELD_NAMES[key])
    .sort();

/** GET /admin/articles. */
export const listArticles =
  (deps: ArticleLibraryDeps) =>
  async (filter: ArticleFilter, _actor: AdminActor): Promise<AdminArticle[]> =>
    deps.transactor.read((db) => deps.articles.list(db, filter));

/** GET /admin/articles/{article_id}. */
export const getArticleForAdmin =
  (deps: ArticleLibraryDeps) =>
  async (articleId: number, _actor: AdminActor): Promise<AdminArticle> => {
    const article = await deps.transactor.read((db) => deps.articles.find(db, articleId));
    if (article === undefined) throw notFound(`Article ${articleId}`);
    return article;
  };

/**
 * POST /admin/articles: an article of a module on a stage of the module's own track. A required
 * article is served only once its minitest is set (PUT …/minitest).
 */
export const createArticle =
  (deps: ArticleLibraryDeps) =>
  async (input: NewArticleInput, actor: AdminActor): Promise<AdminArticle> => {
    const errors: ErrorItem[] = [];
    const title = requiredText(input.title, ['title'], errors);
    const contentRef = requiredText(input.contentRef, ['contentRef'], errors);
    throwIfInvalid(errors, 'The article is invalid');
    return deps.transactor.run(async (tx) => {
      const placement = await deps.articles.placement(tx, input.moduleId, input.stageId);
      if (!placement.moduleFound) throw notFound(`Module ${input.moduleId}`);
      if (!placement.stageOnTrack) throw notFound(`Stage ${input.stageId} on the module's track`);
      const id = await deps.articles.insert(tx, {
        moduleId: input.moduleId,
        stageId: input.stageId,
        kind: input.kind,
        position: input.position ?? 1,
        title,
        contentRef,
        body: input.body ?? '',
      });
      await deps.audit.record(tx, {
        adminId: actor.adminId,
        action: 'article.create',
        entityType: 'article',
        entityId: id,
        details: { moduleId: input.moduleId, stageId: input.stageId, kind: input.kind, contentRef },
      });
      return (await deps.articles.find(tx, id))!;
    });
  };

/**
 * PATCH /admin/articles/{article_id}: title, content_ref, body, position, is_active. Module, stage
 * and kind are fixed once created: assignments and minitests are keyed on them.
 */
export const editArticle =
  (deps: ArticleLibraryDeps) =>
  async (articleId: number, change: ArticleChange, actor: AdminActor): Promise<AdminArticle> => {
    const errors: ErrorItem[] = [];
    const normalized: ArticleChange = {
      ...change,
      ...(change.title === undefined ? {} : { title: requiredText(change.title, ['title'], errors) }),
      ...(change.contentRef === undefined
        ? {}
        : { contentRef: requiredText(change.contentRef, ['contentRef'], errors) }),
    };
    throwIfInvalid(errors, 'The article is invalid');
    return deps.transactor.run(async (tx) => {
      if ((await deps.articles.lock(tx, articleId)) === undefined) throw notFound(`Article ${articleId}`);
      await deps.articles.update(tx, articleId, normalized);
      await deps.audit.record(tx, {
        adminId: actor.adminId,
        action: 'article.update',
        entityType: 'article',
        entityId: articleId,
        details: { fields: changedFields(change) },
      });
      return (await deps.articles.find(tx, articleId))!;
    });
  };

/**
 * PUT /admin/articles/{article_id}/minitest: replaces the minitest with exactly 3 distinct active
 * questions of the article's module (422 minitest_invalid listing every problem). The article row
 * is locked so two admins setting it at once apply one after the other.
 */
export const setMinitest =
  (deps: ArticleLibraryDeps) =>
  async (articleId: number, questionIds: readonly number[], actor: AdminActor): Promise<AdminArticle> => {
    return deps.transactor.run(async (tx) => {
      const article = await deps.articles.lock(tx, articleId);
      if (article === undefined) throw notFound(`Article ${articleId}`);
      const candidates = await deps.questions.lockCandidates(tx, questionIds);
      assertMinitestSelection(article, questionIds, candidates);
      await deps.articles.replaceMinitest(tx, article, questionIds);
      await deps.audit.record(tx, {
        adminId: actor.adminId,
        action: 'article.set_minitest',
        entityType: 'article',
        entityId: articleId,
        details: { questionIds },
      });
      return (await deps.articles.find(tx, articleId))!;
    });
  };
