import { expect } from 'chai';
import { useApi } from '../../support/api.js';

describe('CORS', () => {
  const api = useApi({ seeded: false, env: { CORS_ORIGINS: 'https://app.example.com, https://admin.example.com' } });

  it('allows the configured origins, including preflight for authenticated JSON requests', async () => {
    const simple = await api.request('GET', '/api/v1/health', { headers: { origin: 'https://app.example.com' } });
    expect(simple.headers.get('access-control-allow-origin')).to.equal('https://app.example.com');
    expect(simple.headers.get('access-control-expose-headers')).to.include('X-Request-Id');

    const preflight = await api.raw('OPTIONS', '/api/v1/users/me', {
      headers: {
        origin: 'https://admin.example.com',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).to.equal(204);
    expect(preflight.headers.get('access-control-allow-origin')).to.equal('https://admin.example.com');
    expect(preflight.headers.get('access-control-allow-methods')).to.include('GET');
  });

  it('grants nothing to any other origin', async () => {
    const response = await api.request('GET', '/api/v1/health', { headers: { origin: 'https://evil.example.com' } });
    expect(response.status).to.equal(200);
    expect(response.headers.get('access-control-allow-origin')).to.equal(null);
  });
});

describe('CORS with no origins configured', () => {
  const api = useApi({ seeded: false });

  it('grants no cross-origin access at all', async () => {
    const response = await api.request('GET', '/api/v1/health', { headers: { origin: 'https://app.example.com' } });
    expect(response.headers.get('access-control-allow-origin')).to.equal(null);
  });
});
