import { createRequire } from 'node:module';
import type { RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import type * as PathToRegexpModule from 'path-to-regexp';
import { isMetadataHook, narrowRouteLookup, type MetadataHook } from './route-lookup.js';

/**
 * express-openapi-validator 5.6 recompiles the pattern of every path of the contract on every
 * request to find the operation (openapi.metadata.js `lookupRoute`): with ~45 paths that was half
 * of the read path's CPU in the benchmarks. The patterns are pure functions of (path, options), so
 * the compiled result is kept the first time. The validator reads `pathToRegexp` from the shared
 * module object at call time, which is why replacing the export reaches it; the contract test
 * checks that it still does. Upstream: cdimascio/express-openapi-validator#1217.
 */
type PathToRegexp = typeof PathToRegexpModule.pathToRegexp;

/** The CommonJS module object itself (the one the validator requires), not an ESM namespace copy. */
export const pathToRegexpModule = createRequire(import.meta.url)('path-to-regexp') as { pathToRegexp: PathToRegexp };

const MEMOIZED = Symbol.for('adaptive-learning.memoized-path-to-regexp');

export function memoizePathToRegexp(module: { pathToRegexp: PathToRegexp } = pathToRegexpModule): PathToRegexp {
  const current = module.pathToRegexp as PathToRegexp & { [MEMOIZED]?: true };
  if (current[MEMOIZED]) return current;
  // Options key → path → compiled; two lookups and no string built per call (the validator calls this for every
  // path of the contract on every request).
  const compiled = new Map<string, Map<string, ReturnType<PathToRegexp>>>();
  const memoized = ((path: Parameters<PathToRegexp>[0], options?: Parameters<PathToRegexp>[1]) => {
    if (typeof path !== 'string') return current(path, options);
    const key = keyOf(options);
    let byPath = compiled.get(key);
    if (byPath === undefined) compiled.set(key, (byPath = new Map()));
    let result = byPath.get(path);
    if (result === undefined) {
      result = current(path, options);
      byPath.set(path, result);
    }
    return result;
  }) as PathToRegexp & { [MEMOIZED]?: true };
  memoized[MEMOIZED] = true;
  module.pathToRegexp = memoized;
  return memoized;
}

const FLAG_KEYS = ['', 's', 't', 'st'] as const;

/** The validator passes only `sensitive` and `strict`; anything else falls back to a full (slower) key. */
function keyOf(options: object | undefined): string {
  if (options === undefined) return '';
  const flags = options as { sensitive?: boolean; strict?: boolean };
  for (const name in options) if (name !== 'sensitive' && name !== 'strict') return JSON.stringify(options);
  return FLAG_KEYS[(flags.sensitive === true ? 1 : 0) + (flags.strict === true ? 2 : 0)]!;
}

export interface ValidatorOptions {
  readonly document: Record<string, unknown>;
}

/**
 * Every request under the API base is validated against the contract; unknown properties and query parameters are
 * refused.
 */
export function contractValidator(options: ValidatorOptions): RequestHandler[] {
  memoizePathToRegexp();
  const handlers = OpenApiValidator.middleware({
    apiSpec: options.document as never,
    validateRequests: { allowUnknownQueryParameters: false, coerceTypes: true },
    validateResponses: false,
    validateSecurity: false,
    validateFormats: true,
    ignoreUndocumented: false,
  }) as RequestHandler[];
  // The instance just built; its metadata middleware is made on the first request, after this.
  const validator = validatorInstance();
  if (validator !== undefined) narrowRouteLookup(validator);
  return handlers;
}

/** The instance behind the last `middleware()` call (the library keeps it as `middleware._oav`). */
export function validatorInstance(): MetadataHook | undefined {
  const instance = (OpenApiValidator.middleware as unknown as { _oav?: unknown })._oav;
  return isMetadataHook(instance) ? instance : undefined;
}
