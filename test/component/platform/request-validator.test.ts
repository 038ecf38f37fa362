import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'chai';
import type { Request, RequestHandler, Response } from 'express';
import { parse } from 'yaml';
import { loadOpenApiContract } from '../../../src/adapters/http/contract/openapi-document.js';
import {
  contractValidator,
  memoizePathToRegexp,
  pathToRegexpModule,
  validatorInstance,
} from '../../../src/adapters/http/contract/request-validator.js';
import { narrowRouteLookup, routesByFirstSegment } from '../../../src/adapters/http/contract/route-lookup.js';
import { OPENAPI_PATH } from '../../../src/config/project-paths.js';
import { useApi } from '../../support/api.js';

const require = createRequire(import.meta.url);

describe('the contract validator path-pattern cache', () => {
  it('reaches the very module express-openapi-validator resolves', () => {
    const validatorsCopy = require.resolve('path-to-regexp', {
      paths: [require.resolve('express-openapi-validator/dist/middlewares/openapi.metadata.js')],
    });
    expect(require(validatorsCopy)).to.equal(pathToRegexpModule);
  });

  it('compiles each (path, options) once and keeps answering like the original', () => {
    const compile = memoizePathToRegexp();
    expect(pathToRegexpModule.pathToRegexp).to.equal(compile);
    expect(memoizePathToRegexp()).to.equal(compile);
    const first = compile('/api/v1/content/:article_id/minitest', { sensitive: false, trailing: true });
    expect(compile('/api/v1/content/:article_id/minitest', { sensitive: false, trailing: true })).to.equal(first);
    expect(first.regexp.exec('/api/v1/content/42/minitest')?.[1]).to.equal('42');
    expect(first.keys.map((key) => key.name)).to.deep.equal(['article_id']);
    expect(compile('/api/v1/content/:article_id/minitest', { sensitive: true, trailing: true })).not.to.equal(first);
  });
});

describe('the contract validator route lookup', () => {
  const base = { basePath: '/api/v1' };
  const routes = {
    '/api/v1/progress/current-stage': base,
    '/api/v1/progress/history': base,
    '/api/v1/exams/level/:attempt_id/submit': base,
    '/api/v1/:anything/echo': base,
  };

  it('hands a request only the routes sharing its first segment, and those starting with a parameter', () => {
    const routesFor = routesByFirstSegment(routes);
    expect(Object.keys(routesFor('/api/v1/progress/current-stage?x=1'))).to.have.members([
      '/api/v1/progress/current-stage',
      '/api/v1/progress/history',
      '/api/v1/:anything/echo',
    ]);
    expect(Object.keys(routesFor('/api/v1/PROGRESS/history'))).to.include('/api/v1/progress/history');
    expect(Object.keys(routesFor('/API/V1/Progress/history'))).to.include('/api/v1/progress/history');
    expect(Object.keys(routesFor('/api/v1/exams/level/7/submit'))).to.have.members([
      '/api/v1/exams/level/:attempt_id/submit',
      '/api/v1/:anything/echo',
    ]);
    expect(Object.keys(routesFor('/api/v1/nothing-here'))).to.deep.equal(['/api/v1/:anything/echo']);
  });

  it('narrows the map the metadata middleware reads to the request at hand, keeping the rest of the context', () => {
    const seen: string[][] = [];
    const context = Object.assign(Object.create({ kind: () => 'the real context' }) as object, {
      expressRouteMap: routes,
    }) as { expressRouteMap: typeof routes; kind(): string };
    const validator = {
      metadataMiddleware(view: typeof context): RequestHandler {
        return (_req, _res, next) => {
          seen.push([view.kind(), ...Object.keys(view.expressRouteMap)]);
          next();
        };
      },
    };
    narrowRouteLookup(validator as never);
    const middleware = validator.metadataMiddleware(context);
    const call = (url: string) => middleware({ originalUrl: url } as Request, {} as Response, () => undefined);
    call('/api/v1/exams/level/1/submit');
    call('/api/v1/progress/history');
    expect(seen).to.deep.equal([
      ['the real context', '/api/v1/exams/level/:attempt_id/submit', '/api/v1/:anything/echo'],
      ['the real context', '/api/v1/progress/current-stage', '/api/v1/progress/history', '/api/v1/:anything/echo'],
    ]);
  });

  it('finds the hook on the instance express-openapi-validator builds', () => {
    contractValidator({ document: loadOpenApiContract().document });
    expect(validatorInstance()).to.not.equal(undefined);
  });
});

describe('the contract document the server loads', () => {
  it('is exactly what an independent YAML reader (the one the response checks use) reads from openapi.yaml', () => {
    const contract = loadOpenApiContract();
    expect(contract.document).to.deep.equal(parse(readFileSync(OPENAPI_PATH, 'utf8')));
  });
});

describe('the contract validator on a path in other letter case', () => {
  const api = useApi();

  it('validates /API/V1/PROGRESS/… as the progress route it reaches (routes match case-insensitively)', async () => {
    const response = await fetch(`${api.baseUrl}/API/V1/Progress/current-stage?surplus=1`);
    expect(response.status).to.equal(400);
    expect(((await response.json()) as { code?: string }).code).to.equal('validation_failed');
  });
});
