import type {
  AdminLogInData,
  AdminLogInResponses,
  GetAdminMeData,
  GetAdminMeResponses,
  GetMeData,
  GetMeResponses,
  LogInData,
  LogInResponses,
  LoginRequest,
  SignUpData,
  SignUpResponses,
  SignupRequest,
} from '@contract';
import { queryOptions } from '@tanstack/react-query';
import type { HttpClient } from './http-client';

export const identityKeys = {
  all: ['identity'] as const,
  me: () => [...identityKeys.all, 'me'] as const,
  adminMe: () => [...identityKeys.all, 'admin-me'] as const,
};

export const identityQueries = {
  me: (http: HttpClient) =>
    queryOptions({
      queryKey: identityKeys.me(),
      queryFn: () => http.call<GetMeData, GetMeResponses>('GET', { url: '/users/me' }),
    }),
  adminMe: (http: HttpClient) =>
    queryOptions({
      queryKey: identityKeys.adminMe(),
      queryFn: () => http.call<GetAdminMeData, GetAdminMeResponses>('GET', { url: '/admin/me' }),
    }),
};

export const identityCalls = {
  logIn: (http: HttpClient, body: LoginRequest) =>
    http.call<LogInData, LogInResponses>('POST', { url: '/auth/login', body }),
  adminLogIn: (http: HttpClient, body: LoginRequest) =>
    http.call<AdminLogInData, AdminLogInResponses>('POST', { url: '/admin/login', body }),
  signUp: (http: HttpClient, body: SignupRequest) =>
    http.call<SignUpData, SignUpResponses>('POST', { url: '/auth/signup', body }),
};
