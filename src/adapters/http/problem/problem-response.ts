import type { ErrorRequestHandler, Request, Response } from 'express';
import { DomainError, type ErrorCode, type ErrorItem } from '../../../domain/shared/domain-error.js';
import { ERROR_MAP } from './error-map.js';
import type { StageEligibility } from '../../../application/progress/eligibility.service.js';
import { eligibilityJson } from '../progress/eligibility-json.js';
import { validatorErrorItem, wireErrorItem } from './error-paths.js';
import type { Logger } from '../../logging/logger.js';
import { requestFields } from '../middleware/request-log.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Writes an RFC 9457 problem document for a domain error. */
export function sendProblem(
  req: Request,
  res: Response,
  error: DomainError,
  headers: Record<string, string> = {},
): void {
  const { status, title } = ERROR_MAP[error.code];
  res.status(status);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  // rate_limited carries its wait in the body too; clients that only read headers get Retry-After.
  if (typeof error.extensions.retry_after === 'number')
    res.setHeader('Retry-After', String(error.extensions.retry_after));
  res.type(PROBLEM_CONTENT_TYPE).send(
    JSON.stringify({
      type: `/problems/${error.code}`,
      title,
      status,
      detail: error.message,
      code: error.code,
      instance: req.originalUrl.split('?')[0],
      request_id: req.id,
      ...error.extensions,
      ...wireExtensions(error.extensions),
    }),
  );
}

/**
 * The members a domain error carries in the domain's names, written as the contract names them: error
 * paths become JSON Pointers into the request, a not_eligible's report its GET /progress/eligibility body.
 */
function wireExtensions(extensions: DomainError['extensions']): Record<string, unknown> {
  const { errors, eligibility } = extensions;
  return {
    ...(Array.isArray(errors) ? { errors: (errors as readonly ErrorItem[]).map(wireErrorItem) } : {}),
    ...(eligibility === undefined ? {} : { eligibility: eligibilityJson(eligibility as StageEligibility) }),
  };
}

/** Errors thrown by express-openapi-validator: a status and, for 400s, one item per problem. */
interface ValidatorError {
  status: number;
  message: string;
  errors?: { path?: string; message?: string; errorCode?: string }[];
  headers?: Record<string, string>;
}

function isValidatorError(error: unknown): error is ValidatorError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as ValidatorError).status === 'number' &&
    Array.isArray((error as ValidatorError).errors)
  );
}

/** body-parser's errors carry a `type` such as `entity.too.large`. */
function bodyParserCode(error: unknown): ErrorCode | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.too.large':
      return 'payload_too_large';
    case 'entity.parse.failed':
    case 'entity.verify.failed':
    case 'request.aborted':
    case 'request.size.invalid':
      return 'validation_failed';
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return 'unsupported_media_type';
    default:
      return undefined;
  }
}

/**
 * zlib's errors (`Z_DATA_ERROR`, `Z_BUF_ERROR`, brotli's `ERR_…`, each with a numeric `errno`): a
 * body that is not in the coding its Content-Encoding names, or is cut short. body-parser passes
 * them on with status 400 but no `type`.
 */
function isDecodingError(error: unknown): boolean {
  const { code, errno } = (error ?? {}) as { code?: unknown; errno?: unknown };
  return typeof code === 'string' && typeof errno === 'number' && /^(Z_|ERR_)/.test(code);
}

const STATUS_CODES: Readonly<Record<number, ErrorCode>> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** Everything that can go wrong, in the one vocabulary. */
export function toProblem(error: unknown): {
  error: DomainError;
  headers: Record<string, string>;
  unexpected: boolean;
} {
  if (error instanceof DomainError) return { error, headers: {}, unexpected: false };
  const parserCode = bodyParserCode(error);
  if (parserCode !== undefined) {
    const detail =
      parserCode === 'payload_too_large'
        ? 'The request body is too large'
        : parserCode === 'validation_failed'
          ? 'The request body is not valid JSON'
          : 'Unsupported body encoding';
    return { error: new DomainError(parserCode, detail), headers: {}, unexpected: false };
  }
  if (isDecodingError(error))
    return {
      error: new DomainError('validation_failed', 'The request body does not decode as its Content-Encoding says'),
      headers: {},
      unexpected: false,
    };
  if (isValidatorError(error)) {
    const code = STATUS_CODES[error.status];
    if (code !== undefined) {
      const items: ErrorItem[] = (error.errors ?? []).map(validatorErrorItem);
      const detail =
        code === 'validation_failed'
          ? 'The request does not match the contract'
          : (error.message.split(':')[0] ?? error.message);
      const extensions = code === 'validation_failed' ? { errors: items } : {};
      const headers = error.headers ?? {};
      return { error: new DomainError(code, detail, extensions), headers, unexpected: false };
    }
  }
  return { error: new DomainError('internal_error', 'An unexpected error occurred'), headers: {}, unexpected: true };
}

/** The single error middleware: no route has its own try/catch (Express 5 forwards rejections). */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) {
      // Already answered (e.g. 503 on request timeout): the late failure only needs recording.
      logger.debug({ ...requestFields(req), err: error }, 'error after the response was sent');
      return;
    }
    const problem = toProblem(error);
    if (problem.unexpected) logger.error({ ...requestFields(req), err: error }, 'unhandled error');
    else if (problem.error.code === 'db_unavailable')
      logger.warn({ ...requestFields(req), err: error }, 'database unavailable');
    else if (Object.keys(problem.error.diagnostics).length > 0)
      logger.warn(
        { ...requestFields(req), code: problem.error.code, ...problem.error.diagnostics },
        'refused by the database',
      );
    sendProblem(req, res, problem.error, problem.headers);
  };
}
