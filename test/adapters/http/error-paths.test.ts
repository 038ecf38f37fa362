import { expect } from 'chai';
import { validatorErrorItem, wireErrorItem } from '../../../src/adapters/http/problem/error-paths.js';
import { jsonPointer, segmentsOf } from '../../../src/adapters/shared/json-pointer.js';

describe('error paths on the wire (problem/error-paths.ts)', () => {
  it('writes a domain path as a pointer into the body with snake_case names and indexes', () => {
    expect(wireErrorItem({ code: 'c', message: 'm', path: ['answers', 3, 'questionId'] })).to.deep.equal({
      code: 'c',
      message: 'm',
      path: '/body/answers/3/question_id',
    });
    expect(wireErrorItem({ code: 'c', message: 'm', path: ['settings', 'levelExamTotalQ'] }).path).to.equal(
      '/body/settings/level_exam_total_q',
    );
    expect(wireErrorItem({ code: 'c', message: 'm', path: ['settings', 'kExam'] }).path).to.equal(
      '/body/settings/k_exam',
    );
    // the whole input (e.g. an optional article given a minitest)
    expect(wireErrorItem({ code: 'c', message: 'm', path: [] }).path).to.equal('/body');
    expect(wireErrorItem({ code: 'c', message: 'm' })).to.deep.equal({ code: 'c', message: 'm' });
  });

  it('keeps the names of an item the edge found, in the request part it names', () => {
    const cursor = { code: 'cursor', message: 'm', in: 'query' as const, path: ['cursor'] };
    expect(wireErrorItem(cursor).path).to.equal('/query/cursor');
    // an unknown member keeps the client's spelling: it is not a domain name to convert
    const unknown = { code: 'c', message: 'm', in: 'body' as const, path: ['extraField', 'camelCase'] };
    expect(wireErrorItem(unknown).path).to.equal('/body/extraField/camelCase');
  });

  it("turns the contract validator's paths into pointers named by the contract's parameter locations", () => {
    const wire = (path: string | undefined) =>
      wireErrorItem(validatorErrorItem({ path, message: 'm', errorCode: 'type.openapi.validation' }));
    expect(wire('/body/answers/0/question_id')).to.deep.equal({
      code: 'type.openapi.validation',
      message: 'm',
      path: '/body/answers/0/question_id',
    });
    expect(wire('/query/limit').path).to.equal('/query/limit');
    expect(wire('/params/attempt_id').path).to.equal('/path/attempt_id');
    expect(wire('/headers/content-type').path).to.equal('/header/content-type');
    // a URL (what the validator puts in `path` for some refusals) is not a location in the request
    expect(wire('/api/v1/exams/level/x/submit')).to.deep.equal({ code: 'type.openapi.validation', message: 'm' });
    expect(wire(undefined)).to.deep.equal({ code: 'type.openapi.validation', message: 'm' });
  });

  it('escapes "~" and "/" inside a name (RFC 6901) and reads them back', () => {
    expect(jsonPointer(['body', 'a/b', 'c~d', 0])).to.equal('/body/a~1b/c~0d/0');
    expect(segmentsOf('/body/a~1b/c~0d/0')).to.deep.equal(['body', 'a/b', 'c~d', '0']);
    expect(segmentsOf('body')).to.equal(undefined);
  });
});
