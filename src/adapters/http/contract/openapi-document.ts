import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { OPENAPI_PATH } from '../../../config/project-paths.js';

/** The contract, read once: its YAML text (served as is) and the parsed document. */
export interface OpenApiContract {
  readonly yaml: string;
  readonly document: Record<string, unknown>;
}

export function loadOpenApiContract(path: string = OPENAPI_PATH): OpenApiContract {
  const yaml = readFileSync(path, 'utf8');
  return { yaml, document: parse(yaml) as Record<string, unknown> };
}
