import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { OPENAPI_PATH } from '../../../src/config/project-paths.js';

/**
 * openapi.yaml read at test time and flattened into the operations the suites iterate over, so
 * every operation another engineer adds is fuzzed and probed without touching these suites.
 */
export type Schema = Record<string, any>;
export type SecurityKind = 'learner' | 'admin' | 'none';

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly schema: Schema;
  readonly example?: unknown;
}

export interface Operation {
  readonly operationId: string;
  readonly method: string;
  /** The path as written in the contract, e.g. `/exams/level/{attempt_id}/submit`. */
  readonly template: string;
  readonly security: SecurityKind;
  readonly parameters: readonly Parameter[];
  readonly body?: {
    readonly required: boolean;
    readonly contentType: string;
    readonly schema: Schema;
    readonly example?: unknown;
  };
  /** The documented statuses. */
  readonly statuses: readonly number[];
}

export const API_BASE = '/api/v1';

export function loadContract(): Schema {
  return parse(readFileSync(OPENAPI_PATH, 'utf8')) as Schema;
}

/** Follows $refs (local ones) until a concrete node. */
export function deref(document: Schema, node: unknown): Schema {
  let current = node as Schema;
  for (let hops = 0; typeof current?.$ref === 'string'; hops += 1) {
    if (hops > 50) throw new Error(`$ref cycle at ${String(current.$ref)}`);
    current = (current.$ref as string)
      .replace(/^#\//, '')
      .split('/')
      .reduce<Schema>((acc, part) => acc?.[part.replace(/~1/g, '/').replace(/~0/g, '~')] as Schema, document);
  }
  return current ?? {};
}

/** A schema with every $ref replaced by its target (cycles are cut to `{}`). */
export function inlineRefs(document: Schema, node: unknown, seen: readonly string[] = []): Schema {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(document, item, seen)) as unknown as Schema;
  if (node === null || typeof node !== 'object') return node as Schema;
  const ref = (node as Schema).$ref;
  if (typeof ref === 'string')
    return seen.includes(ref) ? {} : inlineRefs(document, deref(document, node), [...seen, ref]);
  return Object.fromEntries(
    Object.entries(node as Schema).map(([key, value]) => [key, inlineRefs(document, value, seen)]),
  );
}

function securityOf(document: Schema, operation: Schema): SecurityKind {
  const requirements = (operation.security ?? document.security ?? []) as Schema[];
  const names = requirements.flatMap((requirement) => Object.keys(requirement));
  if (names.includes('adminBearer')) return 'admin';
  if (names.includes('learnerBearer')) return 'learner';
  return 'none';
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function listOperations(document: Schema = loadContract()): Operation[] {
  const operations: Operation[] = [];
  for (const [template, rawItem] of Object.entries((document.paths ?? {}) as Record<string, Schema>)) {
    const item = deref(document, rawItem);
    const shared = ((item.parameters ?? []) as Schema[]).map((parameter) => deref(document, parameter));
    for (const method of METHODS) {
      const operation = item[method] as Schema | undefined;
      if (operation === undefined) continue;
      const own = ((operation.parameters ?? []) as Schema[]).map((parameter) => deref(document, parameter));
      const parameters = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own].map(
        (parameter): Parameter => ({
          name: parameter.name as string,
          in: parameter.in as Parameter['in'],
          required: parameter.in === 'path' || parameter.required === true,
          schema: inlineRefs(document, parameter.schema ?? {}),
          ...(parameter.example === undefined ? {} : { example: parameter.example }),
        }),
      );
      let body: Operation['body'];
      if (operation.requestBody !== undefined) {
        const requestBody = deref(document, operation.requestBody);
        const [contentType, media] = Object.entries((requestBody.content ?? {}) as Record<string, Schema>)[0] ?? [
          'application/json',
          {},
        ];
        const example = media.example ?? Object.values((media.examples ?? {}) as Record<string, Schema>)[0]?.value;
        body = {
          required: requestBody.required === true,
          contentType,
          schema: inlineRefs(document, media.schema ?? {}),
          ...(example === undefined ? {} : { example }),
        };
      }
      operations.push({
        operationId: (operation.operationId as string | undefined) ?? `${method} ${template}`,
        method: method.toUpperCase(),
        template,
        security: securityOf(document, operation),
        parameters,
        ...(body === undefined ? {} : { body }),
        statuses: Object.keys(operation.responses ?? {})
          .map(Number)
          .filter(Number.isInteger),
      });
    }
  }
  return operations;
}

/** Fills a path template: `/a/{id}` with { id: 7 } → `/api/v1/a/7` (values are URL-encoded). */
export function fillPath(template: string, values: Readonly<Record<string, unknown>>): string {
  return API_BASE + template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(values[name])));
}

/** The ErrorCode enum of the contract: the only codes a problem document may carry. */
export function errorCodes(document: Schema = loadContract()): string[] {
  return (deref(document, document.components?.schemas?.ErrorCode).enum ?? []) as string[];
}
