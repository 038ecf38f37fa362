import { DomainError, type ErrorItem, type FieldPath } from '../shared/domain-error.js';

/**
 * Text rules shared by every authored thing (names, question texts, titles, content refs). The
 * database caps the texts that are part of a unique key at 2000 bytes (so its btree index can hold
 * them) and refuses blank ones; checking here turns those refusals into readable errors.
 */
export const KEY_TEXT_MAX_BYTES = 2000;

/** UTF-8 length without Buffer/TextEncoder, so the domain stays free of platform APIs. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Trims `value` and reports it when blank or longer than `maxBytes`; returns the trimmed text.
 * `errors` collects the problems so a caller can report all fields at once; the message leaves the
 * field's name to `path`, which every client shows beside it.
 */
export function requiredText(
  value: string,
  path: FieldPath,
  errors: ErrorItem[],
  maxBytes: number = KEY_TEXT_MAX_BYTES,
): string {
  const text = value.trim();
  if (text.length === 0) errors.push({ code: 'blank', message: 'must not be blank', path });
  else if (utf8ByteLength(text) > maxBytes)
    errors.push({ code: 'too_long', message: `must be at most ${maxBytes} bytes of UTF-8`, path });
  return text;
}

/** 400 validation_failed with every collected problem (the rules the contract cannot express). */
export function throwIfInvalid(errors: readonly ErrorItem[], message: string): void {
  if (errors.length > 0) throw new DomainError('validation_failed', message, { errors });
}
