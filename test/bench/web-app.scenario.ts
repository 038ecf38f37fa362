import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { WEB_DIST_DIR } from '../../src/config/project-paths.js';
import { launchChromium } from '../e2e/support/browser.js';
import { median } from './load.js';

/** What the web app costs a learner: bytes before the first screen, and time to it beside /docs. */
export interface WebAppReport {
  /** Gzipped bytes of every script the learner's index.html loads or preloads before anything renders. */
  readonly learnerInitialJsGzipBytes: number;
  readonly scripts: number;
  /** Milliseconds, one per run: pressing "Log in" until the dashboard shows the learner's stage. */
  readonly dashboardAfterLoginMs: number[];
  /** Milliseconds, one per run: navigating to /docs/ until Swagger UI shows the contract's title. */
  readonly docsMs: number[];
}

/** Module scripts and module preloads named by the built learner page (hashed assets under /assets/). */
export function learnerInitialJs(distDir = WEB_DIST_DIR): { gzipBytes: number; scripts: number } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const sources = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((match) => match[1]!);
  const unique = [...new Set(sources)];
  if (unique.length === 0) throw new Error(`no module script in ${distDir}/index.html`);
  const gzipBytes = unique
    .map((source) => gzipSync(readFileSync(join(distDir, source.replace(/^\//, '')))).length)
    .reduce((sum, bytes) => sum + bytes, 0);
  return { gzipBytes, scripts: unique.length };
}

async function signUp(url: string, email: string, password: string): Promise<void> {
  const response = await fetch(`${url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, full_name: 'Bench Browser' }),
  });
  if (response.status !== 201) throw new Error(`bench sign-up answered ${response.status}`);
}

/** One fresh browser context per run: nothing cached, as for a learner on a new device. */
async function timeDashboard(browser: Browser, url: string, email: string, password: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    const started = performance.now();
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('#current-stage').waitFor();
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

async function timeDocs(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${url}/docs/`);
    await page.locator('.swagger-ui .info .title').waitFor();
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

/** Interleaved runs, so a slow moment of the machine falls on both sides alike. */
export async function measureWebApp(url: string, runs: number): Promise<WebAppReport> {
  const bundle = learnerInitialJs();
  const password = 'bench-browser-password';
  const browser = await launchChromium();
  try {
    const dashboardAfterLoginMs: number[] = [];
    const docsMs: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const email = `bench-browser-${Date.now()}-${run}@example.com`;
      await signUp(url, email, password);
      docsMs.push(await timeDocs(browser, url));
      dashboardAfterLoginMs.push(await timeDashboard(browser, url, email, password));
    }
    return { learnerInitialJsGzipBytes: bundle.gzipBytes, scripts: bundle.scripts, dashboardAfterLoginMs, docsMs };
  } finally {
    await browser.close();
  }
}

/** The report's rows for the web app (the size bar is met or not; the render ratio is reported). */
export function webAppRows(report: WebAppReport): { scenario: string; measured: string; bar: string; met?: boolean }[] {
  const kb = report.learnerInitialJsGzipBytes / 1000;
  const dashboard = median(report.dashboardAfterLoginMs);
  const docs = median(report.docsMs);
  return [
    {
      scenario: `web app: learner initial JavaScript (${report.scripts} scripts, gzipped)`,
      measured: `${kb.toFixed(1)} kB`,
      bar: '≤ 200 kB',
      met: kb <= 200,
    },
    {
      scenario: `web app: dashboard after login vs /docs, Chromium, median of ${report.docsMs.length}`,
      measured: `${dashboard.toFixed(0)} ms vs ${docs.toFixed(0)} ms = ${(dashboard / docs).toFixed(2)}×`,
      bar: '≤ 2× (reported)',
    },
  ];
}
