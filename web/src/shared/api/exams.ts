import type {
  AnswerSheet,
  ListLevelExamAttemptsData,
  ListLevelExamAttemptsResponses,
  ListRankFinalAttemptsData,
  ListRankFinalAttemptsResponses,
  StartLevelExamData,
  StartLevelExamResponses,
  StartRankFinalData,
  StartRankFinalResponses,
  SubmitLevelExamData,
  SubmitLevelExamResponses,
  SubmitRankFinalData,
  SubmitRankFinalResponses,
} from '@contract';
import { queryOptions } from '@tanstack/react-query';
import type { HttpClient } from './http-client';

/** The two exam kinds share their shapes; the API differs only in the path. */
export type ExamKind = 'level' | 'rank-final';

export const examKeys = {
  all: ['exams'] as const,
  attempts: (kind: ExamKind) => [...examKeys.all, kind, 'attempts'] as const,
};

export const examQueries = {
  attempts: (http: HttpClient, kind: ExamKind) =>
    queryOptions({
      queryKey: examKeys.attempts(kind),
      queryFn: () =>
        kind === 'level'
          ? http.call<ListLevelExamAttemptsData, ListLevelExamAttemptsResponses>('GET', {
              url: '/exams/level/attempts',
            })
          : http.call<ListRankFinalAttemptsData, ListRankFinalAttemptsResponses>('GET', {
              url: '/exams/rank-final/attempts',
            }),
    }),
};

export const examCalls = {
  /** Starts an attempt, or resumes the open one (its questions in their stored order). */
  start: (http: HttpClient, kind: ExamKind) =>
    kind === 'level'
      ? http.call<StartLevelExamData, StartLevelExamResponses>('POST', { url: '/exams/level/start' })
      : http.call<StartRankFinalData, StartRankFinalResponses>('POST', { url: '/exams/rank-final/start' }),
  submit: (http: HttpClient, kind: ExamKind, attemptId: number, body: AnswerSheet) =>
    kind === 'level'
      ? http.call<SubmitLevelExamData, SubmitLevelExamResponses>('POST', {
          url: '/exams/level/{attempt_id}/submit',
          path: { attempt_id: attemptId },
          body,
        })
      : http.call<SubmitRankFinalData, SubmitRankFinalResponses>('POST', {
          url: '/exams/rank-final/{attempt_id}/submit',
          path: { attempt_id: attemptId },
          body,
        }),
};
