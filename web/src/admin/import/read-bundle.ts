import type { ImportBundle } from '@contract';

export type ReadBundle =
  { readonly ok: true; readonly bundle: ImportBundle } | { readonly ok: false; readonly reason: string };

/**
 * The chosen file as a bundle to send. Only JSON syntax is checked here: the server checks the bundle's
 * shape and content as a whole and answers every problem at once, so the browser does not guess at them.
 */
export async function readBundle(file: Blob): Promise<ReadBundle> {
  const text = await file.text();
  try {
    return { ok: true, bundle: JSON.parse(text) as ImportBundle };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
