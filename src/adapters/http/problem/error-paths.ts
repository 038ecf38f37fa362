import type { ErrorItem } from '../../../domain/shared/domain-error.js';
import { jsonPointer, pointerOf, segmentsOf } from '../../shared/json-pointer.js';

/** The parts of a request a problem can be in, named as the contract's parameters say (`in: query`). */
export type RequestPart = 'body' | 'query' | 'path' | 'header' | 'cookie';

/**
 * An item the HTTP edge found itself (the contract validator, a cursor): it knows the part of the
 * request, and its segments are already the names the client sent (an unknown member keeps its spelling).
 */
export interface RequestErrorItem extends ErrorItem {
  readonly in: RequestPart;
  readonly path: readonly string[];
}

/** An item as the problem document carries it: `path` is a JSON Pointer into the request. */
export interface WireErrorItem {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
}

const isRequestItem = (item: ErrorItem): item is RequestErrorItem => 'in' in item;

/**
 * The one place an error's path becomes its wire form. A domain item's path starts at the use case's
 * input, which is the request body, and names members in camelCase; the pointer uses the wire's names.
 */
export function wireErrorItem(item: ErrorItem): WireErrorItem {
  const { code, message } = item;
  if (item.path === undefined) return { code, message };
  const path = isRequestItem(item) ? jsonPointer([item.in, ...item.path]) : pointerOf(['body'], item.path);
  return { code, message, path };
}

/** express-openapi-validator names the parts after Express's request (`params` for path parameters). */
const VALIDATOR_PARTS: Readonly<Record<string, RequestPart>> = {
  body: 'body',
  query: 'query',
  params: 'path',
  headers: 'header',
  cookies: 'cookie',
};

/**
 * One item of the contract validator. Its paths are pointers into its view of the request
 * (`/body/answers/0/question_id`, `/params/attempt_id`); a path that is not (the URL of a refused request)
 * is left out rather than passed off as a location.
 */
export function validatorErrorItem(item: { path?: string; message?: string; errorCode?: string }): ErrorItem {
  const code = item.errorCode ?? 'invalid';
  const message = item.message ?? 'invalid';
  const [part, ...path] = segmentsOf(item.path ?? '') ?? [];
  const where = part === undefined ? undefined : VALIDATOR_PARTS[part];
  if (where === undefined) return { code, message };
  const located: RequestErrorItem = { code, message, in: where, path };
  return located;
}
