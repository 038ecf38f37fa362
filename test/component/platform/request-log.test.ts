import { Writable } from 'node:stream';
import { expect } from 'chai';
import { createLogger } from '../../../src/adapters/logging/logger.js';
import { useApi } from '../../support/api.js';

/** One sink and the parsed lines it received. */
function sink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      callback();
    },
  });
  return { stream, completed: () => lines.filter((line) => line.msg === 'request completed') };
}

describe('the request log', () => {
  describe('at info', () => {
    const info = sink();
    const api = useApi({ logger: createLogger('info', info.stream) });

    it('writes one line per refused request, with its id, method, URL and status and no header', async () => {
      const response = await api.request('GET', '/api/v1/no-such-thing?x=1', {
        headers: { 'x-request-id': 'trace-404', authorization: 'Bearer not-a-token' },
      });
      expect(response.status).to.equal(404);
      const lines = info.completed();
      expect(lines).to.have.length(1);
      expect(lines[0]).to.deep.include({
        level: 30,
        req: { id: 'trace-404', method: 'GET', url: '/api/v1/no-such-thing?x=1' },
        res: { statusCode: 404 },
      });
      expect(lines[0]!.responseTime).to.be.a('number');
      expect(JSON.stringify(lines[0])).not.to.include('not-a-token');
    });

    it('writes nothing for an answered request, which logs at debug', async () => {
      const before = info.completed().length;
      expect((await api.request('GET', '/api/v1/health')).status).to.equal(200);
      expect(info.completed()).to.have.length(before);
    });
  });

  describe('at debug', () => {
    const debug = sink();
    const api = useApi({ logger: createLogger('debug', debug.stream) });

    it('writes answered requests too', async () => {
      const response = await api.request('GET', '/api/v1/health');
      const lines = debug.completed();
      expect(lines).to.have.length(1);
      expect(lines[0]).to.deep.include({
        level: 20,
        req: { id: response.headers.get('x-request-id'), method: 'GET', url: '/api/v1/health' },
        res: { statusCode: 200 },
      });
    });
  });
});
