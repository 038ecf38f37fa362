import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import { OPENAPI_PATH } from '../../../config/project-paths.js';

/** The contract, read once: its YAML text (served as is) and the parsed document. */
export interface OpenApiContract {
  readonly yaml: string;
  readonly document: Record<string, unknown>;
}

/**
 * Parsed with js-yaml: it builds the plain objects directly, where a full YAML document model
 * (the `yaml` package the tests use) left the server ≈ 35 MiB larger for the rest of its life
 * (docs/decisions.md, "Reading the contract"). The YAML 1.2 core schema, as there: a timestamp stays a string.
 */
export function loadOpenApiContract(path: string = OPENAPI_PATH): OpenApiContract {
  const yaml = readFileSync(path, 'utf8');
  return { yaml, document: load(yaml, { schema: CORE_SCHEMA }) as Record<string, unknown> };
}
