import type { ApiError } from '@shared/api/api-error';

/**
 * Every violated rule grouped by the settings field it names. A rule's `path` is the field as a JSON Pointer
 * (`/body/settings/k_exam`) or bare (`k_exam`); its last segment is the field either way. Rules without a path go
 * under `''` and are shown above the form.
 */
export function ruleErrorsByField(error: ApiError | null): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const item of error?.errors ?? []) {
    const field =
      item.path
        ?.split('/')
        .filter((s) => s !== '')
        .pop() ?? '';
    (byField[field] ??= []).push(item.message);
  }
  return byField;
}
