import { expect } from 'chai';
import type { ApiResponse, RequestOptions, TestApi } from './api.js';
import { contractViolations } from './contract.js';

/**
 * The request side of useApi() for any base URL: a server process, a second instance, a server
 * behind a TCP proxy. Responses are checked against openapi.yaml exactly like api.request.
 */
export interface HttpClient extends Pick<TestApi, 'request' | 'raw'> {
  readonly baseUrl: string;
}

export interface HttpClientOptions {
  /** Client-side limit, so a hung server fails the test instead of hanging it; 0 for none. */
  readonly timeoutMs?: number;
}

export function httpClient(baseUrl: string | (() => string), options: HttpClientOptions = {}): HttpClient {
  const base = typeof baseUrl === 'string' ? () => baseUrl : baseUrl;
  const timeoutMs = options.timeoutMs ?? 30_000;

  const raw = async <T>(method: string, path: string, requestOptions: RequestOptions = {}): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...requestOptions.headers };
    if (requestOptions.token !== undefined) headers.authorization = `Bearer ${requestOptions.token}`;
    let body: string | undefined = requestOptions.rawBody;
    if (requestOptions.body !== undefined) {
      body = JSON.stringify(requestOptions.body);
      headers['content-type'] ??= 'application/json';
    }
    const signal = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
    const response = await fetch(`${base()}${path}`, { method, headers, body, signal });
    const text = await response.text();
    let parsed: unknown = text;
    if (/json/.test(response.headers.get('content-type') ?? '') && text.length > 0) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };

  return {
    get baseUrl() {
      return base();
    },
    raw,
    async request<T>(method: string, path: string, requestOptions?: RequestOptions) {
      const response = await raw<T>(method, path, requestOptions);
      const violations = contractViolations({
        method,
        path,
        status: response.status,
        contentType: response.headers.get('content-type') ?? undefined,
        body: response.body,
        rawBody: response.text,
      });
      expect(
        violations,
        `${method} ${path} → ${response.status} breaks the contract:\n${violations.join('\n')}\n${response.text.slice(0, 500)}`,
      ).to.deep.equal([]);
      return response;
    },
  };
}
