import type {
  AdminCreateArticleData,
  AdminCreateArticleResponses,
  AdminEditArticleData,
  AdminEditArticleResponses,
  AdminGetArticleData,
  AdminGetArticleResponses,
  AdminListArticlesData,
  AdminListArticlesResponses,
  AdminSetMinitestData,
  AdminSetMinitestResponses,
  ArticleChange,
  NewArticle,
} from '@contract';
import { adminCatalogKeys } from '@shared/api/admin-catalog';
import type { HttpClient } from '@shared/api/http-client';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';

export type ArticleFilters = Pick<NonNullable<AdminListArticlesData['query']>, 'track_id' | 'module_id' | 'kind'>;

// Under the catalog's root key: renaming a module or deactivating a question refreshes the articles too.
export const adminArticleKeys = {
  list: (filters: ArticleFilters) => [...adminCatalogKeys.all, 'articles', filters] as const,
  article: (articleId: number) => [...adminCatalogKeys.all, 'article', articleId] as const,
};

const PAGE_SIZE = 20;

export const adminArticleQueries = {
  list: (http: HttpClient, filters: ArticleFilters) =>
    infiniteQueryOptions({
      queryKey: adminArticleKeys.list(filters),
      initialPageParam: undefined as string | undefined,
      queryFn: ({ pageParam }) =>
        http.call<AdminListArticlesData, AdminListArticlesResponses>('GET', {
          url: '/admin/articles',
          query: { ...filters, limit: PAGE_SIZE, ...(pageParam === undefined ? {} : { cursor: pageParam }) },
        }),
      getNextPageParam: (page) => page.next_cursor ?? undefined,
    }),
  article: (http: HttpClient, articleId: number) =>
    queryOptions({
      queryKey: adminArticleKeys.article(articleId),
      queryFn: () =>
        http.call<AdminGetArticleData, AdminGetArticleResponses>('GET', {
          url: '/admin/articles/{article_id}',
          path: { article_id: articleId },
        }),
    }),
};

export const adminArticleCalls = {
  create: (http: HttpClient, article: NewArticle) =>
    http.call<AdminCreateArticleData, AdminCreateArticleResponses>('POST', { url: '/admin/articles', body: article }),
  edit: (http: HttpClient, articleId: number, change: ArticleChange) =>
    http.call<AdminEditArticleData, AdminEditArticleResponses>('PATCH', {
      url: '/admin/articles/{article_id}',
      path: { article_id: articleId },
      body: change,
    }),
  setMinitest: (http: HttpClient, articleId: number, questionIds: number[]) =>
    http.call<AdminSetMinitestData, AdminSetMinitestResponses>('PUT', {
      url: '/admin/articles/{article_id}/minitest',
      path: { article_id: articleId },
      body: { question_ids: questionIds },
    }),
};
