import { expect } from 'chai';
import { validatorErrorItem, wireErrorItem } from '../../../src/adapters/http/problem/error-paths.js';
import { jsonPointer, segmentsOf } from '../../../src/adapters/shared/json-pointer.js';
import { withWireNames } from '../../../src/adapters/shared/wire-names.js';
import { useApi } from '../../support/api.js';
import { newLearner } from '../../support/fixtures/identity.js';

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

  it('names the members of a stored document in snake_case at any depth, leaving values alone', () => {
    expect(
      withWireNames({
        trackId: 1,
        overrides: { levelExamTotalQ: 20, kExam: 3 },
        items: [{ contentRef: 'contentRef' }],
      }),
    ).to.deep.equal({
      track_id: 1,
      overrides: { level_exam_total_q: 20, k_exam: 3 },
      items: [{ content_ref: 'contentRef' }],
    });
  });

  describe('through the app', () => {
    const api = useApi();

    it("answers the contract validator's findings with pointers into the body, the query and the path", async () => {
      const learner = await newLearner(api);
      const submit = (body: unknown) =>
        api.request('POST', '/api/v1/exams/level/1/submit', { token: learner.token, body });
      const wrongType = await submit({ answers: [{ question_id: 'one', selected_option_id: 2 }] });
      expect(wrongType.status).to.equal(400);
      expect(wrongType.body.errors.map((error: { path?: string }) => error.path)).to.include(
        '/body/answers/0/question_id',
      );
      const unknown = await submit({ answers: [], extraMember: true });
      expect(unknown.status).to.equal(400);
      expect(unknown.body.errors.map((error: { path?: string }) => error.path)).to.include('/body/extraMember');

      const query = await api.request('GET', '/api/v1/admin/audit-log?limit=abc', { token: learner.token });
      expect(query.status).to.equal(400);
      expect(query.body.errors.map((error: { path?: string }) => error.path)).to.include('/query/limit');

      const path = await api.request('GET', '/api/v1/exams/level/attempts/abc', { token: learner.token });
      expect(path.status).to.equal(400);
      expect(path.body.errors.map((error: { path?: string }) => error.path)).to.include('/path/attempt_id');
    });
  });
});
