import type {
  ChangeMyPasswordData,
  ChangeMyPasswordResponses,
  ListMySessionsData,
  ListMySessionsResponses,
  LogOutEverywhereData,
  LogOutEverywhereResponses,
  PasswordChangeRequest,
  RevokeMySessionData,
  RevokeMySessionResponses,
} from '@contract';
import { queryOptions } from '@tanstack/react-query';
import type { HttpClient } from './http-client';

export const accountKeys = {
  all: ['account'] as const,
  sessions: () => [...accountKeys.all, 'sessions'] as const,
};

export const accountQueries = {
  sessions: (http: HttpClient) =>
    queryOptions({
      queryKey: accountKeys.sessions(),
      queryFn: () => http.call<ListMySessionsData, ListMySessionsResponses>('GET', { url: '/users/me/sessions' }),
    }),
};

export const accountCalls = {
  revokeSession: (http: HttpClient, sessionId: number) =>
    http.call<RevokeMySessionData, RevokeMySessionResponses>('DELETE', {
      url: '/users/me/sessions/{session_id}',
      path: { session_id: sessionId },
    }),
  changePassword: (http: HttpClient, body: PasswordChangeRequest) =>
    http.call<ChangeMyPasswordData, ChangeMyPasswordResponses>('POST', { url: '/users/me/password', body }),
  logOutAll: (http: HttpClient) =>
    http.call<LogOutEverywhereData, LogOutEverywhereResponses>('POST', { url: '/auth/logout-all' }),
};
