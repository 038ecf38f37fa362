import type { Problem } from '@contract';
import type { Session } from '../session/session';
import { ApiError } from './api-error';

export const API_BASE = '/api/v1';

/** The shape every generated `<Operation>Data` type has. */
export interface Operation {
  url: string;
  body?: unknown;
  path?: unknown;
  query?: unknown;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The 2xx bodies of a generated `<Operation>Responses` type. */
export type Success<Responses> = Responses[Extract<keyof Responses, 200 | 201 | 204>];

/**
 * The one HTTP client: a typed call per operation (`url`, `path`, `query` and `body` checked against the
 * generated contract types), the session's bearer token, one silent refresh and retry on a 401.
 */
export interface HttpClient {
  call<Op extends Operation, Responses>(method: Method, operation: Op): Promise<Success<Responses>>;
}

export function createHttpClient(session: Session, fetchImpl: typeof fetch = (...args) => fetch(...args)): HttpClient {
  async function send(method: Method, operation: Operation, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (operation.body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await fetchImpl(urlOf(operation), {
        method,
        headers,
        credentials: 'same-origin',
        body: operation.body === undefined ? undefined : JSON.stringify(operation.body),
      });
    } catch {
      throw new ApiError(0, 'network_error', 'The server cannot be reached.');
    }
  }

  return {
    async call<Op extends Operation, Responses>(method: Method, operation: Op) {
      const token = session.accessToken();
      let response = await send(method, operation, token);
      if (response.status === 401 && token !== null) {
        const renewed = await session.refreshAfterUnauthorized(token);
        if (renewed !== null) response = await send(method, operation, renewed);
      }
      if (!response.ok) throw await errorOf(response);
      if (response.status === 204) return undefined as Success<Responses>;
      return (await response.json()) as Success<Responses>;
    },
  };
}

function urlOf(operation: Operation): string {
  const params = (operation.path ?? {}) as Record<string, string | number>;
  const path = operation.url.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries((operation.query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const search = query.toString();
  return `${API_BASE}${path}${search === '' ? '' : `?${search}`}`;
}

async function errorOf(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = (await response.json().catch(() => null)) as Problem | null;
    if (body !== null && typeof body.code === 'string') return ApiError.fromProblem(body);
  }
  return new ApiError(response.status, 'internal_error', response.statusText || `HTTP ${response.status}`);
}
