import type { RequestHandler } from 'express';
import { DomainError } from '../../../domain/shared/domain-error.js';
import { sendProblem } from '../problem/problem-response.js';

/**
 * The body codings the JSON parsers decode (docs/decisions.md, "Bad transport input"). The body
 * limit applies to the decoded bytes, so a small compressed body cannot expand past it.
 */
export const ACCEPTED_CONTENT_ENCODINGS = ['identity', 'gzip', 'deflate', 'br'] as const;
const ACCEPTED: ReadonlySet<string> = new Set(ACCEPTED_CONTENT_ENCODINGS);

/**
 * Answers 415 `unsupported_media_type` to a body in any other coding (several stacked codings
 * included), naming the accepted ones in `Accept-Encoding` as RFC 9110 §15.5.16 asks, before a
 * parser reads a byte of it.
 */
export function contentEncodingGate(): RequestHandler {
  return (req, res, next) => {
    const header = req.headers['content-encoding'];
    if (header === undefined) return next();
    const coding = header.trim().toLowerCase();
    // An empty list of codings is no coding at all.
    if (coding === '' || ACCEPTED.has(coding)) return next();
    sendProblem(
      req,
      res,
      new DomainError(
        'unsupported_media_type',
        `Content-Encoding "${header.slice(0, 64)}" is not supported; send ${ACCEPTED_CONTENT_ENCODINGS.join(', ')}`,
      ),
      { 'Accept-Encoding': ACCEPTED_CONTENT_ENCODINGS.filter((coding) => coding !== 'identity').join(', ') },
    );
  };
}
