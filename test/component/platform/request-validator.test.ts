import { createRequire } from 'node:module';
import { expect } from 'chai';
import { memoizePathToRegexp, pathToRegexpModule } from '../../../src/adapters/http/contract/request-validator.js';

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
