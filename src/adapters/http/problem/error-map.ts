import type { ErrorCode as ContractErrorCode } from '../../../contract/generated/types.gen.js';
import type { ErrorCode } from '../../../domain/shared/domain-error.js';

/**
 * The domain's codes and the contract's enum are one list: this fails to compile when either
 * side gains a code the other lacks (test/domain/shared/error-codes.test.ts also checks the order).
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type ErrorCodesMatchContract = Holds<Same<ErrorCode, ContractErrorCode>>;

/** The one table from error code to HTTP status and problem title. */
export const ERROR_MAP: Readonly<Record<ErrorCode, { readonly status: number; readonly title: string }>> = {
  validation_failed: { status: 400, title: 'Validation failed' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  headers_too_large: { status: 431, title: 'Request header fields too large' },
  rate_limited: { status: 429, title: 'Too many requests' },
  db_unavailable: { status: 503, title: 'Database unavailable' },
  request_timeout: { status: 503, title: 'Request timed out' },
  internal_error: { status: 500, title: 'Internal error' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  invalid_credentials: { status: 401, title: 'Invalid credentials' },
  email_taken: { status: 409, title: 'Email already registered' },
  track_not_ready: { status: 409, title: 'Track not ready' },
  no_active_stage: { status: 409, title: 'No active stage' },
  diagnostika_not_available: { status: 409, title: 'Diagnostika not available' },
  diagnostika_already_completed: { status: 409, title: 'Diagnostika already completed' },
  diagnostika_required: { status: 409, title: 'Diagnostika required' },
  not_enough_questions: { status: 409, title: 'Not enough questions' },
  not_enough_articles: { status: 409, title: 'Not enough articles' },
  minitest_not_configured: { status: 409, title: 'Minitest not configured' },
  article_not_optional: { status: 409, title: 'Article is not optional' },
  article_not_required: { status: 409, title: 'Article is not required' },
  answers_invalid: { status: 422, title: 'Answers invalid' },
  attempt_already_submitted: { status: 409, title: 'Attempt already submitted' },
  attempt_expired: { status: 409, title: 'Attempt expired' },
  not_eligible: { status: 409, title: 'Not eligible' },
  exam_already_passed: { status: 409, title: 'Exam already passed' },
  rank_final_not_available: { status: 409, title: 'Rank final not available' },
  approval_not_pending: { status: 409, title: 'Approval request not pending' },
  approval_not_rejected: { status: 409, title: 'Approval request not rejected' },
  approval_already_pending: { status: 409, title: 'Approval request already pending' },
  settings_invalid: { status: 422, title: 'Settings invalid' },
  settings_version_not_draft: { status: 409, title: 'Settings version is not a draft' },
  settings_version_not_active: { status: 409, title: 'Settings version is not active' },
  name_taken: { status: 409, title: 'Name taken' },
  question_in_use: { status: 409, title: 'Question in use' },
  minitest_invalid: { status: 422, title: 'Minitest invalid' },
  import_invalid: { status: 422, title: 'Import bundle invalid' },
  conflict: { status: 409, title: 'Conflict' },
};
