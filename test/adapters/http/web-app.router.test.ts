import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import express from 'express';
import helmet from 'helmet';
import { webAppRouter } from '../../../src/adapters/http/web-app.router.js';

/** The web app's serving rules over a small stand-in build (the real build is exercised by test/e2e). */
describe('web app router', () => {
  let dir: string;
  let base: string;
  let close: () => void;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, 'admin'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>learner</title>');
    writeFileSync(join(dir, 'admin', 'index.html'), '<!doctype html><title>admin</title>');
    writeFileSync(join(dir, 'assets', 'learner-abc123.js'), 'console.log(1)');
    const app = express();
    app.use(helmet());
    app.use(webAppRouter(dir));
    app.use((_req, res) => res.status(404).type('application/problem+json').send('{"code":"not_found"}'));
    const server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  after(() => {
    close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the learner page for / and its app routes, revalidated on every load', async () => {
    for (const path of ['/', '/reading/3', '/exams/level']) {
      const response = await fetch(base + path);
      expect(response.status, path).to.equal(200);
      expect(response.headers.get('cache-control')).to.equal('no-cache');
      expect(await response.text()).to.contain('learner');
    }
  });

  it('serves the admin page for the /admin/ tree', async () => {
    for (const path of ['/admin', '/admin/', '/admin/approvals/4']) {
      const response = await fetch(base + path);
      expect(response.status, path).to.equal(200);
      expect(await response.text()).to.contain('admin');
    }
  });

  it('caches hashed assets for a year', async () => {
    const response = await fetch(`${base}/assets/learner-abc123.js`);
    expect(response.status).to.equal(200);
    expect(response.headers.get('cache-control')).to.equal('public, max-age=31536000, immutable');
  });

  it('never falls back for server paths or missing files', async () => {
    for (const path of [
      '/api/v1/nope',
      '/api/other',
      '/docs/x',
      '/openapi.json',
      '/assets/missing.js',
      '/favicon.ico',
    ]) {
      const response = await fetch(base + path);
      expect(response.status, path).to.equal(404);
      expect(response.headers.get('content-type'), path).to.contain('application/problem+json');
    }
  });

  it('keeps the strict CSP: no inline script allowed', async () => {
    const csp = (await fetch(`${base}/`)).headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src'));
    expect(scriptSrc?.trim()).to.equal("script-src 'self'");
  });
});
