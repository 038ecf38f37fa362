import { expect } from 'chai';
import { DomainError, type ErrorCode } from '../../src/domain/shared/domain-error.js';

/** Runs `fn`, asserts it throws a DomainError with `code`, and returns it for closer checks. */
export function expectDomainError(fn: () => unknown, code: ErrorCode): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(DomainError);
    expect((error as DomainError).code).to.equal(code);
    return error as DomainError;
  }
  return expect.fail(`expected DomainError ${code}, nothing was thrown`);
}
