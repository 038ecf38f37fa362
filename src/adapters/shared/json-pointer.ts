import type { FieldPath } from '../../domain/shared/domain-error.js';
import { wireName } from './wire-names.js';

/**
 * The one notation of an error's location in a JSON document the platform reads (a request, a seed
 * file): an RFC 6901 JSON Pointer whose member names are the document's snake_case names
 * (docs/architecture.md, "Errors").
 */

/** A domain member name as the document spells it (`questionId` → `question_id`); indexes stay numbers. */
export function wireSegment(segment: string | number): string | number {
  return typeof segment === 'number' ? segment : wireName(segment);
}

/** Segments already in the document's names → `/a/0/b`; `~` and `/` inside a name are escaped. */
export function jsonPointer(segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** A domain path written as a pointer into the document whose root is `root` (segments in wire names). */
export function pointerOf(root: readonly (string | number)[], path: FieldPath): string {
  return jsonPointer([...root, ...path.map(wireSegment)]);
}

/** The segments of a pointer, unescaped (`/body/a~1b/0` → `['body', 'a/b', '0']`); not a pointer → undefined. */
export function segmentsOf(pointer: string): string[] | undefined {
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}
