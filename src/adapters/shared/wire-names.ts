/**
 * The names of the platform's JSON documents (requests, responses, stored documents such as the audit trail's
 * details) are snake_case; the domain's are camelCase (docs/architecture.md, "Layer rules").
 */

/** `questionId` → `question_id`, `kExam` → `k_exam`; a snake_case name stays as it is. */
export function wireName(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** A plain JSON value with every member name, at any depth, in wire names; strings and numbers stay as they are. */
export function withWireNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withWireNames);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([name, member]) => [wireName(name), withWireNames(member)]));
}
