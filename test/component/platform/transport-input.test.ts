import { request as httpRequest } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { contractViolations } from '../../support/contract.js';
import { uniqueEmail } from '../../support/fixtures/identity.js';

/**
 * Bad transport input (docs/decisions.md, "Bad transport input"): request bodies in identity, gzip,
 * deflate or br are decoded, within the body limit after decoding; any other Content-Encoding is
 * 415, a body that does not decode as its Content-Encoding says is 400, and a request line or
 * headers beyond Node's limit is 431 — all problem+json with a stable code, none a 500.
 */
interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { code?: string; status?: number; detail?: string };
}

describe('transport: content codings, oversized headers and URLs', () => {
  const api = useApi({ env: { BODY_LIMIT_KB: '4' } });

  async function post(path: string, body: Buffer | string, headers: Record<string, string>): Promise<Answer> {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    const parsed = JSON.parse(text) as Answer['body'];
    const contentType = response.headers.get('content-type') ?? undefined;
    expect(
      contractViolations({ method: 'POST', path, status: response.status, contentType, body: parsed, rawBody: text }),
    ).to.deep.equal([]);
    if (response.status >= 400) {
      expect(contentType).to.match(/^application\/problem\+json/);
      expect(parsed.status).to.equal(response.status);
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  const signup = () =>
    JSON.stringify({ email: uniqueEmail('coding'), full_name: 'Coded Body', password: 'coded-password' });

  for (const [coding, encode] of [
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
    ['identity', (text: string) => Buffer.from(text)],
    ['GZip', gzipSync],
    ['', (text: string) => Buffer.from(text)],
  ] as const) {
    it(`decodes a body in Content-Encoding "${coding}"`, async () => {
      const response = await post('/api/v1/auth/signup', encode(signup()), { 'content-encoding': coding });
      expect(response.status).to.equal(201);
    });
  }

  for (const coding of ['zstd', 'compress', 'x-gzip', 'gzip, br', 'nonsense']) {
    it(`415 unsupported_media_type for Content-Encoding "${coding}", naming the accepted codings`, async () => {
      const response = await post('/api/v1/auth/signup', gzipSync(signup()), { 'content-encoding': coding });
      expect(response.status).to.equal(415);
      expect(response.body.code).to.equal('unsupported_media_type');
      expect(response.headers.get('accept-encoding')).to.equal('gzip, deflate, br');
    });
  }

  for (const [coding, body] of [
    ['gzip', Buffer.from(signup())],
    ['deflate', Buffer.from(signup())],
    ['br', Buffer.from(signup())],
    ['gzip', gzipSync(signup()).subarray(0, 20)],
    ['gzip', deflateSync(signup())],
    ['br', gzipSync(signup())],
  ] as const) {
    it(`400 validation_failed for a body that is not ${coding} (${body.length} bytes)`, async () => {
      const response = await post('/api/v1/auth/signup', body, { 'content-encoding': coding });
      expect(response.status).to.equal(400);
      expect(response.body).to.include({
        code: 'validation_failed',
        detail: 'The request body does not decode as its Content-Encoding says',
      });
    });
  }

  it('400 validation_failed for a gzip body that decodes to something other than JSON', async () => {
    const response = await post('/api/v1/auth/signup', gzipSync('not json'), { 'content-encoding': 'gzip' });
    expect(response.status).to.equal(400);
    expect(response.body.code).to.equal('validation_failed');
  });

  it('413 payload_too_large for a small gzip body that decodes beyond the limit', async () => {
    const bomb = gzipSync(JSON.stringify({ filler: 'x'.repeat(1024 * 1024) }));
    expect(bomb.length).to.be.below(4 * 1024);
    const response = await post('/api/v1/auth/signup', bomb, { 'content-encoding': 'gzip' });
    expect(response.status).to.equal(413);
    expect(response.body.code).to.equal('payload_too_large');
  });

  /** A raw request, so that Node's client does not refuse to send what the test means to send. */
  function rawGet(path: string, headers: Record<string, string> = {}): Promise<Answer & { text: string }> {
    const url = new URL(api.baseUrl);
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        { host: url.hostname, port: url.port, path, method: 'GET', headers, maxHeaderSize: 64 * 1024 },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: new Headers(response.headers as Record<string, string>),
              body: JSON.parse(text) as Answer['body'],
              text,
            }),
          );
        },
      );
      request.on('error', reject);
      request.end();
    });
  }

  it('431 headers_too_large as problem+json for headers beyond 16 kB', async () => {
    const response = await rawGet('/api/v1/health', { 'x-filler': 'x'.repeat(20 * 1024) });
    expect(response.status).to.equal(431);
    expect(response.headers.get('content-type')).to.equal('application/problem+json');
    expect(response.body).to.include({ code: 'headers_too_large', status: 431 });
    const violations = contractViolations({
      method: 'GET',
      path: '/api/v1/health',
      status: 431,
      contentType: 'application/problem+json',
      body: response.body,
      rawBody: response.text,
    });
    expect(violations).to.deep.equal([]);
  });

  it('431 headers_too_large for a URL beyond 16 kB, and the server goes on serving', async () => {
    const response = await rawGet(`/api/v1/health?${'q'.repeat(20 * 1024)}=1`);
    expect(response.status).to.equal(431);
    expect(response.body.code).to.equal('headers_too_large');
    expect((await api.request('GET', '/api/v1/health')).status).to.equal(200);
  });

  it('a long URL within the limit reaches the app: 400 validation_failed for the unknown parameter', async () => {
    const response = await api.request('GET', `/api/v1/health?${'q'.repeat(8 * 1024)}=1`);
    expect(response.status).to.equal(400);
    expect(response.body.code).to.equal('validation_failed');
  });
});
