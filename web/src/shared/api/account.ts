import type { Id, Timestamp } from '@contract';
import { queryOptions } from '@tanstack/react-query';
import type { HttpClient, Operation } from './http-client';

/*
 * The session endpoints of docs/decisions.md "Sessions" (list, revoke, password change, logout-all).
 * Their operations are declared here in the generated types' shape until openapi.yaml carries them;
 * then these declarations give way to the generated `ListMySessionsData` and friends.
 */
export interface SessionRow {
  id: Id;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp;
  user_agent: string | null;
  current: boolean;
}
type ListSessions = Operation & { url: '/users/me/sessions' };
type RevokeSession = Operation & { url: '/users/me/sessions/{session_id}'; path: { session_id: Id } };
type ChangePassword = Operation & {
  url: '/users/me/password';
  body: { current_password: string; new_password: string };
};
type LogOutAll = Operation & { url: '/auth/logout-all' };

export const accountKeys = {
  all: ['account'] as const,
  sessions: () => [...accountKeys.all, 'sessions'] as const,
};

export const accountQueries = {
  sessions: (http: HttpClient) =>
    queryOptions({
      queryKey: accountKeys.sessions(),
      queryFn: () => http.call<ListSessions, { 200: SessionRow[] }>('GET', { url: '/users/me/sessions' }),
    }),
};

export const accountCalls = {
  revokeSession: (http: HttpClient, sessionId: number) =>
    http.call<RevokeSession, { 204: void }>('DELETE', {
      url: '/users/me/sessions/{session_id}',
      path: { session_id: sessionId },
    }),
  changePassword: (http: HttpClient, body: ChangePassword['body']) =>
    http.call<ChangePassword, { 204: void }>('POST', { url: '/users/me/password', body }),
  logOutAll: (http: HttpClient) => http.call<LogOutAll, { 204: void }>('POST', { url: '/auth/logout-all' }),
};
