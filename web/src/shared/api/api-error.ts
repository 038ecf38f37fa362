import type { ErrorCode, ErrorItem, Problem } from '@contract';

/**
 * Every failed call becomes one ApiError: the problem+json body when the server sent one, otherwise a
 * synthetic problem (network down, a proxy's HTML page) so screens handle a single shape.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network_error';
  readonly detail: string;
  readonly errors: readonly ErrorItem[];
  readonly problem: Problem | undefined;

  constructor(status: number, code: ApiError['code'], detail: string, problem?: Problem) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = problem?.errors ?? [];
    this.problem = problem;
  }

  static fromProblem(problem: Problem): ApiError {
    return new ApiError(problem.status, problem.code, problem.detail, problem);
  }

  /** The item messages keyed by the request field they point at (`/body/email` → `email`). */
  fieldErrors(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const item of this.errors) {
      const field = item.path?.replace(/^\/body\//, '').replace(/\//g, '.');
      if (field !== undefined && fields[field] === undefined) fields[field] = item.message;
    }
    return fields;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
