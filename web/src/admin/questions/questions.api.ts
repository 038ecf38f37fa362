import type {
  AdminCreateQuestionData,
  AdminCreateQuestionResponses,
  AdminEditQuestionData,
  AdminEditQuestionResponses,
  AdminGetQuestionData,
  AdminGetQuestionResponses,
  AdminModuleItemStatisticsData,
  AdminModuleItemStatisticsResponses,
  NewQuestion,
  QuestionChange,
} from '@contract';
import { adminCatalogKeys } from '@shared/api/admin-catalog';
import type { HttpClient } from '@shared/api/http-client';
import { queryOptions } from '@tanstack/react-query';

// Under the catalog's root key: any authoring change refreshes a question and the statistics that show it.
export const adminQuestionKeys = {
  question: (questionId: number) => [...adminCatalogKeys.all, 'question', questionId] as const,
  itemStatistics: (moduleId: number, flaggedOnly: boolean) =>
    [...adminCatalogKeys.all, 'item-statistics', moduleId, { flaggedOnly }] as const,
};

export const adminQuestionQueries = {
  question: (http: HttpClient, questionId: number) =>
    queryOptions({
      queryKey: adminQuestionKeys.question(questionId),
      queryFn: () =>
        http.call<AdminGetQuestionData, AdminGetQuestionResponses>('GET', {
          url: '/admin/questions/{question_id}',
          path: { question_id: questionId },
        }),
    }),
  itemStatistics: (http: HttpClient, moduleId: number, flaggedOnly: boolean) =>
    queryOptions({
      queryKey: adminQuestionKeys.itemStatistics(moduleId, flaggedOnly),
      queryFn: () =>
        http.call<AdminModuleItemStatisticsData, AdminModuleItemStatisticsResponses>('GET', {
          url: '/admin/modules/{module_id}/item-statistics',
          path: { module_id: moduleId },
          query: flaggedOnly ? { flagged_only: true } : {},
        }),
    }),
};

export const adminQuestionCalls = {
  create: (http: HttpClient, moduleId: number, question: NewQuestion) =>
    http.call<AdminCreateQuestionData, AdminCreateQuestionResponses>('POST', {
      url: '/admin/modules/{module_id}/questions',
      path: { module_id: moduleId },
      body: question,
    }),
  edit: (http: HttpClient, questionId: number, change: QuestionChange) =>
    http.call<AdminEditQuestionData, AdminEditQuestionResponses>('PATCH', {
      url: '/admin/questions/{question_id}',
      path: { question_id: questionId },
      body: change,
    }),
};
