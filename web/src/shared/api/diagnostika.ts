import type {
  DiagnostikaSubmission,
  GetDiagnostikaResultData,
  GetDiagnostikaResultResponses,
  StartDiagnostikaData,
  StartDiagnostikaResponses,
  SubmitDiagnostikaData,
  SubmitDiagnostikaResponses,
} from '@contract';
import { queryOptions } from '@tanstack/react-query';
import { isApiError } from './api-error';
import type { HttpClient } from './http-client';

export const diagnostikaKeys = {
  all: ['diagnostika'] as const,
  result: () => [...diagnostikaKeys.all, 'result'] as const,
};

export const diagnostikaQueries = {
  /** The submitted result, or null while none exists (the API answers 404 then). */
  result: (http: HttpClient) =>
    queryOptions({
      queryKey: diagnostikaKeys.result(),
      queryFn: () =>
        http
          .call<GetDiagnostikaResultData, GetDiagnostikaResultResponses>('GET', { url: '/diagnostika/result' })
          .catch((error: unknown) => {
            if (isApiError(error) && error.status === 404) return null;
            throw error;
          }),
    }),
};

export const diagnostikaCalls = {
  /** Starts the diagnostika, or resumes the open one (same questions, same order). */
  start: (http: HttpClient) =>
    http.call<StartDiagnostikaData, StartDiagnostikaResponses>('POST', { url: '/diagnostika/start' }),
  submit: (http: HttpClient, body: DiagnostikaSubmission) =>
    http.call<SubmitDiagnostikaData, SubmitDiagnostikaResponses>('POST', { url: '/diagnostika/submit', body }),
};
