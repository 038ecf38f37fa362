import { describe, expect, it } from 'vitest';
import type { GetMeData, GetMeResponses, SubmitLevelExamData, SubmitLevelExamResponses } from '@contract';
import type { Session } from '../../session/session';
import { ApiError } from '../api-error';
import { createHttpClient } from '../http-client';

function sessionWith(token: string | null, renewed: string | null) {
  let current = token;
  let refreshes = 0;
  const session = {
    accessToken: () => current,
    refreshAfterUnauthorized: async () => {
      refreshes += 1;
      current = renewed;
      return renewed;
    },
  } as unknown as Session;
  return { session, refreshes: () => refreshes };
}

const problem = (status: number, code: string, extra: object = {}) =>
  new Response(
    JSON.stringify({ type: `/problems/${code}`, title: code, status, detail: `detail of ${code}`, code, ...extra }),
    {
      status,
      headers: { 'content-type': 'application/problem+json' },
    },
  );

describe('http client', () => {
  it('sends the bearer token, fills path parameters and the body', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const { session } = sessionWith('t1', null);
    const http = createHttpClient(session, (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return Response.json({ attempt_id: 7 });
    }) as typeof fetch);
    await http.call<SubmitLevelExamData, SubmitLevelExamResponses>('POST', {
      url: '/exams/level/{attempt_id}/submit',
      path: { attempt_id: 7 },
      body: { answers: [] },
    });
    expect(seen[0]!.url).toBe('/api/v1/exams/level/7/submit');
    expect((seen[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer t1');
    expect(seen[0]!.init.body).toBe('{"answers":[]}');
  });

  it('on a 401 refreshes once and retries with the new token', async () => {
    const tokens: string[] = [];
    const { session, refreshes } = sessionWith('old', 'new');
    const http = createHttpClient(session, (async (_url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).authorization!;
      tokens.push(auth);
      return auth === 'Bearer old' ? problem(401, 'unauthorized') : Response.json({ id: 1 });
    }) as typeof fetch);
    expect(await http.call<GetMeData, GetMeResponses>('GET', { url: '/users/me' })).toEqual({ id: 1 });
    expect(tokens).toEqual(['Bearer old', 'Bearer new']);
    expect(refreshes()).toBe(1);
  });

  it('maps problem+json to one ApiError with field errors from JSON Pointers', async () => {
    const { session } = sessionWith(null, null);
    const http = createHttpClient(session, (async () =>
      problem(400, 'validation_failed', {
        errors: [{ code: 'format', message: 'must be an email', path: '/body/email' }],
      })) as typeof fetch);
    const error = await http.call<GetMeData, GetMeResponses>('GET', { url: '/users/me' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).code).toBe('validation_failed');
    expect((error as ApiError).detail).toBe('detail of validation_failed');
    expect((error as ApiError).fieldErrors()).toEqual({ email: 'must be an email' });
  });

  it('turns an unreachable server into a network_error', async () => {
    const { session } = sessionWith(null, null);
    const http = createHttpClient(session, (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    const error = (await http
      .call<GetMeData, GetMeResponses>('GET', { url: '/users/me' })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('network_error');
  });
});
