import { expect } from 'chai';
import { useApi } from '../../support/api.js';

describe('metrics behind METRICS_TOKEN', () => {
  const api = useApi({ env: { METRICS_TOKEN: 'scrape-token-for-tests' } });

  it('answers 401 problem+json without the bearer token, or with a wrong one', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token' }];
    for (const headers of attempts) {
      const response = await api.request('GET', '/api/v1/metrics', { headers });
      expect(response.status).to.equal(401);
      expect(response.body.code).to.equal('unauthorized');
    }
  });

  it('serves the Prometheus text with it', async () => {
    const response = await api.request('GET', '/api/v1/metrics', {
      headers: { authorization: 'Bearer scrape-token-for-tests' },
    });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^text\/plain/);
    expect(response.text).to.include('# TYPE http_server_request_duration_seconds histogram');
  });
});

describe('metrics off (METRICS_ENABLED=false)', () => {
  const api = useApi({ env: { METRICS_ENABLED: 'false' } });

  it('serves no /metrics (404 problem+json) and the API as usual', async () => {
    expect((await api.request('GET', '/api/v1/health')).status).to.equal(200);
    // Not in the contract for this operation: the route does not exist in this mode.
    const response = await api.raw('GET', '/api/v1/metrics');
    expect(response.status).to.equal(404);
    expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect(response.body.code).to.equal('not_found');
  });
});
