import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { parse } from 'yaml';
import { ERROR_MAP } from '../../../src/adapters/http/problem/error-map.js';
import { OPENAPI_PATH } from '../../../src/config/project-paths.js';
import { ERROR_CODES } from '../../../src/domain/shared/domain-error.js';

/**
 * The domain owns the list of error codes (it may not import the contract); the contract's
 * ErrorCode enum is the wire's copy. This test is what keeps the two one list.
 */
describe('the error vocabulary', () => {
  const contract = parse(readFileSync(OPENAPI_PATH, 'utf8')) as {
    components: { schemas: { ErrorCode: { enum: string[] } } };
  };
  const contractCodes = contract.components.schemas.ErrorCode.enum;

  it("is the contract's ErrorCode enum, code for code and in the same order", () => {
    expect([...ERROR_CODES]).to.deep.equal(contractCodes);
    expect(new Set(ERROR_CODES).size, 'no code is listed twice').to.equal(ERROR_CODES.length);
  });

  it('has exactly one HTTP status and title per code, each an error status', () => {
    expect(Object.keys(ERROR_MAP).sort()).to.deep.equal([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      const { status, title } = ERROR_MAP[code];
      expect(status, code).to.be.within(400, 599);
      expect(title, code).to.be.a('string').and.not.equal('');
    }
  });
});
