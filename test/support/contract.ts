import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { OPENAPI_PATH } from '../../src/config/project-paths.js';

/**
 * Checks a response against openapi.yaml: the path and method exist, the status is documented
 * (or is one of the transport statuses any request can meet), the content type matches, and
 * the body satisfies the schema. Every HTTP test response goes through here.
 */
type Json = Record<string, unknown>;

const document = parse(readFileSync(OPENAPI_PATH, 'utf8')) as Json;
const BASE = '/api/v1';
/** Statuses any request can meet whether or not its operation lists them. */
const TRANSPORT_STATUSES = new Set([400, 405, 413, 415, 431, 503]);

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi.json', components: document.components } as Json);

const compiled = new Map<string, ValidateFunction>();

/** Rewrites local refs so they resolve against the registered document. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema as Json).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `openapi.json${value}` : rebase(value),
    ]),
  );
}

function validatorFor(key: string, schema: unknown): ValidateFunction {
  let validate = compiled.get(key);
  if (validate === undefined) {
    validate = ajv.compile(rebase(schema) as Json);
    compiled.set(key, validate);
  }
  return validate;
}

function resolve(node: unknown): Json {
  let current = node as Json;
  while (typeof current?.$ref === 'string') {
    const path = (current.$ref as string).replace(/^#\//, '').split('/');
    current = path.reduce<Json>((acc, part) => acc[part] as Json, document);
  }
  return current;
}

const paths = Object.entries((document.paths ?? {}) as Record<string, Json>).map(([template, item]) => ({
  template,
  item,
  pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

export interface ContractResponse {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: unknown;
  readonly rawBody: string;
}

const problemSchema = { $ref: '#/components/schemas/Problem' };

/** Returns the list of contract violations (empty when the response conforms). */
export function contractViolations(response: ContractResponse): string[] {
  if (response.status >= 500 && response.status !== 503)
    return [`status ${response.status} is never an expected outcome`];
  const pathname = response.path.split('?')[0]!;
  if (!pathname.startsWith(BASE)) return [`${pathname} is outside the API base ${BASE}`];
  const relative = pathname.slice(BASE.length) || '/';
  const match = paths.find((candidate) => candidate.pattern.test(relative));
  const operation = match?.item[response.method.toLowerCase()] as Json | undefined;
  const declared = operation ? (operation.responses as Record<string, unknown>)[String(response.status)] : undefined;

  if (declared === undefined) {
    // Undocumented path/method/status: acceptable only as a transport-level problem document.
    const allowed =
      operation === undefined
        ? response.status === 404 || response.status === 405 || TRANSPORT_STATUSES.has(response.status)
        : TRANSPORT_STATUSES.has(response.status);
    if (!allowed)
      return [`${response.method} ${match?.template ?? relative} does not document status ${response.status}`];
    return checkBody('problem', problemSchema, 'application/problem+json', response);
  }
  const content = resolve(declared).content as Record<string, Json> | undefined;
  if (content === undefined)
    return response.rawBody.length === 0
      ? []
      : [`status ${response.status} declares no body but got ${response.rawBody.slice(0, 80)}`];
  const [mediaType, media] = Object.entries(content)[0]!;
  return checkBody(`${match!.template} ${response.method} ${response.status}`, media.schema, mediaType, response);
}

function checkBody(key: string, schema: unknown, mediaType: string, response: ContractResponse): string[] {
  const actualType = (response.contentType ?? '').split(';')[0]!.trim();
  if (actualType !== mediaType) return [`content type ${actualType || '(none)'} where the contract says ${mediaType}`];
  const validate = validatorFor(key, schema);
  if (validate(response.body)) return [];
  return (validate.errors ?? []).map(
    (error) => `body${error.instancePath} ${error.message ?? 'invalid'} (${JSON.stringify(error.params)})`,
  );
}
