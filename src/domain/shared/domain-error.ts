/**
 * The one error vocabulary of the platform. Every rule that refuses a request throws a
 * DomainError with a stable `code`; the HTTP adapter maps codes to statuses in one table
 * (src/adapters/http/problem/error-map.ts), so the domain never knows about HTTP.
 */
export const ERROR_CODES = [
  // request shape and transport
  'validation_failed',
  'not_found',
  'method_not_allowed',
  'unsupported_media_type',
  'payload_too_large',
  'headers_too_large',
  'rate_limited',
  'db_unavailable',
  'request_timeout',
  'internal_error',
  // identity and access
  'unauthorized',
  'forbidden',
  'invalid_credentials',
  'email_taken',
  'track_not_ready',
  // learner journey
  'no_active_stage',
  'diagnostika_not_available',
  'diagnostika_already_completed',
  'diagnostika_required',
  'not_enough_questions',
  'not_enough_articles',
  'minitest_not_configured',
  'article_not_optional',
  'article_not_required',
  'answers_invalid',
  'attempt_already_submitted',
  'attempt_expired',
  'not_eligible',
  'exam_already_passed',
  'rank_final_not_available',
  // approvals
  'approval_not_pending',
  'approval_not_rejected',
  'approval_already_pending',
  // admin workspace
  'settings_invalid',
  'settings_version_not_draft',
  'settings_version_not_active',
  'name_taken',
  'question_in_use',
  'minitest_invalid',
  'import_invalid',
  // a constraint the database refused that no rule above anticipated
  'conflict',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Where in a use case's input a problem is: member names as the domain spells them (camelCase) and
 * array indexes, from the input's root (`['answers', 3, 'questionId']`). The input of every use case
 * that reports items is the request body; the HTTP edge writes the path as a JSON Pointer into the
 * request with the wire's names (`/body/answers/3/question_id`, docs/architecture.md, "Errors").
 */
export type FieldPath = readonly (string | number)[];

/** One problem inside a request (a field, an answer, a settings rule). */
export interface ErrorItem {
  readonly code: string;
  readonly message: string;
  readonly path?: FieldPath;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra members of the problem document: `errors[]`, `eligibility`, … */
    readonly extensions: Readonly<Record<string, unknown>> = {},
    /** Facts for the operator's log only (e.g. which constraint refused a write); never sent to the client. */
    readonly diagnostics: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Shorthand for "the thing does not exist or is not yours" (indistinguishable by design). */
export const notFound = (what: string): DomainError => new DomainError('not_found', `${what} not found`);
