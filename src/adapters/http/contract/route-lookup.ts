import type { RequestHandler } from 'express';

/**
 * express-openapi-validator finds a request's operation by trying the pattern of every path of the
 * contract in turn (openapi.metadata.js `lookupRoute`): 68 paths, and GET /progress/current-stage
 * is the 34th, which made that loop the largest single cost of the validator on the read path
 * (docs/benchmarks.md). A path can only match a route whose first segment below the base path is
 * the same word (or a parameter), so the lookup is handed just those routes.
 */
export type RouteMap = Readonly<Record<string, { readonly basePath: string }>>;

/** The routes a request URL could match: those sharing its first segment, and those starting with a parameter. */
export function routesByFirstSegment(routes: RouteMap): (url: string) => RouteMap {
  const anySegment: Record<string, RouteMap[string]> = {};
  const bySegment = new Map<string, Record<string, RouteMap[string]>>();
  for (const [route, methods] of Object.entries(routes)) {
    const segment = firstSegment(route, methods.basePath);
    if (segment.startsWith(':') || segment === '') anySegment[route] = methods;
    else {
      const group = bySegment.get(segment) ?? {};
      group[route] = methods;
      bySegment.set(segment, group);
    }
  }
  const narrowed = new Map<string, RouteMap>();
  for (const [segment, group] of bySegment) narrowed.set(segment, { ...group, ...anySegment });
  const basePaths = [...new Set(Object.values(routes).map((methods) => methods.basePath))];
  // Several base paths (servers) would need a lookup per base: keep the full map then.
  if (basePaths.length !== 1) return () => routes;
  const [basePath] = basePaths as [string];
  return (url) => narrowed.get(firstSegment(url.split('?', 1)[0]!, basePath)) ?? anySegment;
}

/**
 * Lower-cased, base path included, since routes match case-insensitively unless the app says otherwise
 * (`/API/V1/PROGRESS/…` reaches the progress routes and must be validated as theirs); lower-casing only widens.
 */
function firstSegment(path: string, basePath: string): string {
  const lower = path.toLowerCase();
  if (!lower.startsWith(basePath.toLowerCase())) return '';
  return lower.slice(basePath.length).split('/', 2)[1] ?? '';
}

interface LookupContext {
  readonly expressRouteMap: RouteMap;
}

/** The validator instance's factory of its metadata (route lookup) middleware. */
export interface MetadataHook {
  metadataMiddleware(context: LookupContext, responseApiDoc: unknown): RequestHandler;
}

export function isMetadataHook(value: unknown): value is MetadataHook {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { metadataMiddleware?: unknown }).metadataMiddleware === 'function'
  );
}

/**
 * Makes the validator's route lookup see only the routes a request could match: its metadata
 * middleware gets a view of the contract context whose route map is narrowed to the request's
 * first segment just before the (synchronous) lookup runs. Everything else the middleware reads
 * (the operation's schema, the allowed methods of a 405) comes from the real context.
 */
export function narrowRouteLookup(validator: MetadataHook): void {
  const original = validator.metadataMiddleware.bind(validator);
  validator.metadataMiddleware = (context, responseApiDoc) => {
    const routesFor = routesByFirstSegment(context.expressRouteMap);
    let current = context.expressRouteMap;
    const view = Object.create(context, { expressRouteMap: { get: () => current } }) as LookupContext;
    const middleware = original(view, responseApiDoc);
    return (req, res, next) => {
      current = routesFor(req.originalUrl);
      return middleware(req, res, next);
    };
  };
}
