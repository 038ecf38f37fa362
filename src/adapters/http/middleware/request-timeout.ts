import type { RequestHandler } from 'express';
import { withDeadline } from '../../../application/request-deadline.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import { sendProblem } from '../problem/problem-response.js';

/**
 * Answers 503 `request_timeout` when a request outlives its budget, and opens the deadline
 * scope the transactor checks before COMMIT, so a late transaction is rolled back.
 */
export function requestTimeout(timeoutMs: number): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (!res.headersSent)
        sendProblem(
          req,
          res,
          new DomainError('request_timeout', `The request did not complete within ${timeoutMs} ms`),
        );
    }, timeoutMs);
    res.once('close', () => clearTimeout(timer));
    withDeadline(Date.now() + timeoutMs, () => next());
  };
}
