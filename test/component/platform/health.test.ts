import { expect } from 'chai';
import { useApi } from '../../support/api.js';

describe('health', () => {
  const api = useApi();

  it('answers liveness without touching the database', async () => {
    const response = await api.request('GET', '/api/v1/health');
    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({ status: 'ok' });
  });

  it('answers database readiness with SELECT 1', async () => {
    const response = await api.request('GET', '/api/v1/health/db');
    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({ status: 'ok', db: 'ok' });
  });

  it('echoes a sane X-Request-Id and generates one otherwise', async () => {
    const echoed = await api.request('GET', '/api/v1/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(echoed.headers.get('x-request-id')).to.equal('trace-123');
    const generated = await api.request('GET', '/api/v1/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
  });

  it('sends helmet security headers', async () => {
    const response = await api.request('GET', '/api/v1/health');
    expect(response.headers.get('x-content-type-options')).to.equal('nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).to.include("default-src 'self'");
    // Swagger UI must keep working on a plain-HTTP host.
    expect(csp).not.to.include('upgrade-insecure-requests');
    expect(response.headers.get('x-powered-by')).to.equal(null);
  });
});

describe('health with the database unreachable', () => {
  // A port nothing listens on: every connection attempt is refused.
  const api = useApi({ env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' } });

  it('answers 503 db_unavailable as problem+json', async () => {
    const response = await api.request('GET', '/api/v1/health/db');
    expect(response.status).to.equal(503);
    expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect(response.body).to.include({
      status: 503,
      code: 'db_unavailable',
      type: '/problems/db_unavailable',
      title: 'Database unavailable',
    });
  });

  it('keeps answering liveness', async () => {
    const response = await api.request('GET', '/api/v1/health');
    expect(response.status).to.equal(200);
  });
});
