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

  it('answers readiness 200 when the database answers and every shipped migration is applied', async () => {
    const response = await api.request('GET', '/api/v1/health/ready');
    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({ status: 'ok', db: 'ok', migrations: 'ok', pending_migrations: [] });
  });

  it('answers readiness 503 naming the migration the database has not applied', async () => {
    const { rows } = await api.db.pool.query<{ name: string }>(
      'DELETE FROM pgmigrations WHERE id = (SELECT max(id) FROM pgmigrations) RETURNING name',
    );
    try {
      const response = await api.request('GET', '/api/v1/health/ready');
      expect(response.status).to.equal(503);
      expect(response.body).to.deep.equal({
        status: 'unavailable',
        db: 'ok',
        migrations: 'pending',
        pending_migrations: [rows[0]!.name],
      });
    } finally {
      await api.db.pool.query('INSERT INTO pgmigrations (name, run_on) VALUES ($1, now())', [rows[0]!.name]);
    }
    expect((await api.request('GET', '/api/v1/health/ready')).status).to.equal(200);
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

  it('answers readiness 503 with db unavailable and migrations unknown', async () => {
    const response = await api.request('GET', '/api/v1/health/ready');
    expect(response.status).to.equal(503);
    expect(response.body).to.deep.equal({
      status: 'unavailable',
      db: 'unavailable',
      migrations: 'unknown',
      pending_migrations: [],
    });
  });

  it('keeps answering liveness', async () => {
    const response = await api.request('GET', '/api/v1/health');
    expect(response.status).to.equal(200);
  });
});
