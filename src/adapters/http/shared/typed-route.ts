import type { Request } from 'express';

/** The shape of one operation's `<OperationId>Data` in src/contract/generated/types.gen.ts. */
interface OperationData {
  body?: unknown;
  path?: unknown;
  query?: unknown;
}

/**
 * Query values as they reach a router: Express 5 re-parses `req.query` after the contract
 * validator, so they are the validated strings (enums keep their literal types), named by the contract's
 * parameter names.
 */
export type QueryOf<D extends OperationData> = {
  [K in keyof NonNullable<D['query']>]?: NonNullable<NonNullable<D['query']>[K]> extends string
    ? NonNullable<D['query']>[K]
    : string;
};

/**
 * The request body of one operation, typed by the generated contract types. The contract
 * validator (app.ts) runs before every router and rejects a body that does not match the
 * operation's schema, which is the one reason this single conversion is sound.
 */
export function bodyOf<D extends OperationData>(req: Request): D['body'] {
  const validated: unknown = req.body;
  return validated as D['body'];
}

/** The query parameters of one operation, by the contract's names (values still strings). */
export function queryOf<D extends OperationData>(req: Request): QueryOf<D> {
  const validated: unknown = req.query;
  return validated as QueryOf<D>;
}
