import type { ApiError } from '@shared/api/api-error';

const SETTINGS_MEMBER = /^\/body\/settings\/([^/]+)$/;

/**
 * Every violated rule grouped by the settings field it names. A rule's `path` is a JSON Pointer into the request
 * (`/body/settings/k_exam`, docs/architecture.md, "Errors"), also when activation finds it; rules that point
 * elsewhere or nowhere go under `''` and are shown above the form.
 */
export function ruleErrorsByField(error: ApiError | null): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const item of error?.errors ?? []) {
    const member = SETTINGS_MEMBER.exec(item.path ?? '')?.[1];
    const field = member === undefined ? '' : member.replaceAll('~1', '/').replaceAll('~0', '~');
    (byField[field] ??= []).push(item.message);
  }
  return byField;
}
