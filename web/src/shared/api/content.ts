import type {
  AnswerSheet,
  AssignContentData,
  AssignContentResponses,
  GetArticleData,
  GetArticleResponses,
  GetMinitestData,
  GetMinitestResponses,
  ListMyContentData,
  ListMyContentResponses,
  MarkArticleReadData,
  MarkArticleReadResponses,
  SubmitMinitestData,
  SubmitMinitestResponses,
} from '@contract';
import { queryOptions } from '@tanstack/react-query';
import type { HttpClient } from './http-client';

export const contentKeys = {
  all: ['content'] as const,
  mine: () => [...contentKeys.all, 'mine'] as const,
  article: (articleId: number) => [...contentKeys.all, 'article', articleId] as const,
  minitest: (articleId: number) => [...contentKeys.all, 'minitest', articleId] as const,
};

export const contentQueries = {
  mine: (http: HttpClient) =>
    queryOptions({
      queryKey: contentKeys.mine(),
      queryFn: () => http.call<ListMyContentData, ListMyContentResponses>('GET', { url: '/content/my' }),
    }),
  article: (http: HttpClient, articleId: number) =>
    queryOptions({
      queryKey: contentKeys.article(articleId),
      queryFn: () =>
        http.call<GetArticleData, GetArticleResponses>('GET', {
          url: '/content/{article_id}',
          path: { article_id: articleId },
        }),
    }),
  minitest: (http: HttpClient, articleId: number) =>
    queryOptions({
      queryKey: contentKeys.minitest(articleId),
      queryFn: () =>
        http.call<GetMinitestData, GetMinitestResponses>('GET', {
          url: '/content/{article_id}/minitest',
          path: { article_id: articleId },
        }),
    }),
};

export const contentCalls = {
  assign: (http: HttpClient) =>
    http.call<AssignContentData, AssignContentResponses>('POST', { url: '/content/assign' }),
  markRead: (http: HttpClient, articleId: number) =>
    http.call<MarkArticleReadData, MarkArticleReadResponses>('POST', {
      url: '/content/{article_id}/read',
      path: { article_id: articleId },
    }),
  submitMinitest: (http: HttpClient, articleId: number, body: AnswerSheet) =>
    http.call<SubmitMinitestData, SubmitMinitestResponses>('POST', {
      url: '/content/{article_id}/minitest/submit',
      path: { article_id: articleId },
      body,
    }),
};
