import { Router } from 'express';
import type { NewArticleInput } from '../../../application/authoring/article-library.use-case.js';
import type { AdminArticle, ArticleChange, ArticleFilter } from '../../../application/authoring/authoring.ports.js';
import type { ArticleKind } from '../../../domain/content/article-kind.js';
import type { AdminActor } from '../../../domain/identity/actor.js';
import { adminOf, type Authentication } from '../auth/authentication.js';
import { keysetPage } from '../../../application/shared/keyset-page.js';
import { decodeCursor, pageJson } from '../shared/page-cursor.js';
import { DEFAULT_PAGE_SIZE } from './question-bank.router.js';
import type {
  AdminCreateArticleData,
  AdminEditArticleData,
  AdminListArticlesData,
  AdminSetMinitestData,
  AdminArticle as AdminArticleJson,
  AdminCreateArticleResponses,
  AdminEditArticleResponses,
  AdminGetArticleResponses,
  AdminListArticlesResponses,
  AdminSetMinitestResponses,
} from '../../../contract/generated/types.gen.js';
import { bodyOf, queryOf } from '../shared/typed-route.js';

export interface ArticleLibraryUseCases {
  readonly list: (filter: ArticleFilter, actor: AdminActor) => Promise<AdminArticle[]>;
  readonly get: (articleId: number, actor: AdminActor) => Promise<AdminArticle>;
  readonly create: (input: NewArticleInput, actor: AdminActor) => Promise<AdminArticle>;
  readonly edit: (articleId: number, change: ArticleChange, actor: AdminActor) => Promise<AdminArticle>;
  readonly setMinitest: (articleId: number, questionIds: readonly number[], actor: AdminActor) => Promise<AdminArticle>;
}

const articleJson = (article: AdminArticle): AdminArticleJson => ({
  id: article.id,
  track_id: article.trackId,
  module_id: article.moduleId,
  stage_id: article.stageId,
  kind: article.kind,
  position: article.position,
  title: article.title,
  content_ref: article.contentRef,
  body: article.body,
  is_active: article.isActive,
  created_at: article.createdAt.toISOString(),
  minitest_question_ids: [...article.minitestQuestionIds],
});

const optionalId = (value: unknown): number | undefined => (value === undefined ? undefined : Number(value));

/** Articles and the minitests of required ones. */
export function articlesRouter(useCases: ArticleLibraryUseCases, auth: Authentication): Router {
  const router = Router();

  router.get('/admin/articles', auth.admin, async (req, res) => {
    const query = queryOf<AdminListArticlesData>(req);
    const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
    const page = await keysetPage(
      limit,
      (limitPlusOne) =>
        useCases.list(
          {
            trackId: optionalId(query.track_id),
            stageId: optionalId(query.stage_id),
            moduleId: optionalId(query.module_id),
            kind: query.kind as ArticleKind | undefined,
            afterId: decodeCursor(query.cursor),
            limit: limitPlusOne,
          },
          adminOf(res),
        ),
      (row) => row.id,
    );
    res.json(pageJson(page, articleJson) satisfies AdminListArticlesResponses[200]);
  });

  router.post('/admin/articles', auth.admin, async (req, res) => {
    const body = bodyOf<AdminCreateArticleData>(req);
    const article = await useCases.create(
      {
        moduleId: body.module_id,
        stageId: body.stage_id,
        kind: body.kind,
        title: body.title,
        contentRef: body.content_ref,
        body: body.body,
        position: body.position,
      },
      adminOf(res),
    );
    res.status(201).json(articleJson(article) satisfies AdminCreateArticleResponses[201]);
  });

  router.get('/admin/articles/:article_id', auth.admin, async (req, res) => {
    const article = await useCases.get(Number(req.params.article_id), adminOf(res));
    res.json(articleJson(article) satisfies AdminGetArticleResponses[200]);
  });

  router.patch('/admin/articles/:article_id', auth.admin, async (req, res) => {
    const body = bodyOf<AdminEditArticleData>(req);
    const change: ArticleChange = {
      ...(body.title === undefined ? {} : { title: body.title }),
      ...(body.content_ref === undefined ? {} : { contentRef: body.content_ref }),
      ...(body.body === undefined ? {} : { body: body.body }),
      ...(body.position === undefined ? {} : { position: body.position }),
      ...(body.is_active === undefined ? {} : { isActive: body.is_active }),
    };
    const edited = await useCases.edit(Number(req.params.article_id), change, adminOf(res));
    res.json(articleJson(edited) satisfies AdminEditArticleResponses[200]);
  });

  router.put('/admin/articles/:article_id/minitest', auth.admin, async (req, res) => {
    const body = bodyOf<AdminSetMinitestData>(req);
    const article = await useCases.setMinitest(Number(req.params.article_id), body.question_ids, adminOf(res));
    res.json(articleJson(article) satisfies AdminSetMinitestResponses[200]);
  });

  return router;
}
