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
