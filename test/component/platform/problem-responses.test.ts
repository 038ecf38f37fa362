import { expect } from 'chai';
import { useApi } from '../../support/api.js';

describe('problem+json for requests that miss the contract', () => {
  const api = useApi({ env: { BODY_LIMIT_KB: '1' } });

  it('404 not_found for an unknown API path', async () => {
    const response = await api.request('GET', '/api/v1/no-such-thing');
    expect(response.status).to.equal(404);
    expect(response.body).to.include({ code: 'not_found', status: 404, instance: '/api/v1/no-such-thing' });
  });

  it('404 not_found outside the API too', async () => {
    // A path naming a file: paths without one belong to the web app's history fallback when it is built.
    const response = await api.raw('GET', '/nothing-here.txt');
    expect(response.status).to.equal(404);
    expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect(response.body.code).to.equal('not_found');
  });

  it('405 method_not_allowed for a known path with another method', async () => {
    const response = await api.request('DELETE', '/api/v1/health');
    expect(response.status).to.equal(405);
    expect(response.body.code).to.equal('method_not_allowed');
  });

  it('400 validation_failed for unknown query parameters', async () => {
    const response = await api.request('GET', '/api/v1/health?debug=1');
    expect(response.status).to.equal(400);
    expect(response.body.code).to.equal('validation_failed');
    expect(response.body.errors).to.be.an('array').that.is.not.empty;
  });

  it('400 validation_failed for malformed JSON', async () => {
    const response = await api.request('POST', '/api/v1/health', {
      rawBody: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).to.equal(400);
    expect(response.body).to.include({ code: 'validation_failed', detail: 'The request body is not valid JSON' });
  });

  it('413 payload_too_large beyond the body limit', async () => {
    const response = await api.request('POST', '/api/v1/health', { body: { filler: 'x'.repeat(2048) } });
    expect(response.status).to.equal(413);
    expect(response.body).to.include({ code: 'payload_too_large', status: 413 });
  });

  it('never leaks internals: the problem members are exactly the documented ones', async () => {
    const response = await api.request('GET', '/api/v1/no-such-thing');
    expect(Object.keys(response.body).sort()).to.deep.equal([
      'code',
      'detail',
      'instance',
      'request_id',
      'status',
      'title',
      'type',
    ]);
  });
});

describe('the contract endpoints', () => {
  const api = useApi();

  it('serves the contract as YAML and JSON', async () => {
    const yaml = await api.raw('GET', '/openapi.yaml');
    expect(yaml.status).to.equal(200);
    expect(yaml.headers.get('content-type')).to.match(/yaml/);
    expect(yaml.text).to.match(/^openapi: 3\.1\.0/);
    const json = await api.raw('GET', '/openapi.json');
    expect(json.status).to.equal(200);
    expect(json.body.openapi).to.equal('3.1.0');
    expect(json.body.paths).to.have.property('/health/db');
  });

  it('serves Swagger UI at /docs', async () => {
    const page = await api.raw('GET', '/docs/');
    expect(page.status).to.equal(200);
    expect(page.text).to.include('swagger-ui');
  });
});
