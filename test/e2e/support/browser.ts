import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'chai';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (Playwright's own browser download is not used); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the E2E suites can run here. Without a Chromium they register no test and say so in one line,
 * except under CI=true, where a missing browser is a failure (.ci/run installs it).
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') throw new Error(`E2E: no Chromium at ${CHROMIUM_PATH} under CI=true`);
  console.log(`  E2E tests not run: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return false;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    headless: true,
  });
}

/** Everything that went wrong in the page: console errors, failed requests, HTTP errors. */
export interface PageProblems {
  readonly console: string[];
  readonly requests: string[];
}

/** A fresh, isolated context (its own cookies and storage) whose page records every problem. */
export async function openPage(
  browser: Browser,
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const problems = watch(page);
  return { context, page, problems };
}

export function watch(page: Page): PageProblems {
  const problems: PageProblems = { console: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.console.push(message.text());
  });
  page.on('pageerror', (error) => problems.console.push(error.message));
  page.on('requestfailed', (request) => problems.requests.push(`${request.method()} ${request.url()} failed`));
  page.on('response', (response) => {
    if (response.status() >= 400)
      problems.requests.push(`${response.request().method()} ${response.url()} ${response.status()}`);
  });
  return problems;
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Zero axe-core violations of WCAG 2.0/2.1/2.2 A and AA on what the page shows now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(violations, `axe on ${screen}`).to.deep.equal([]);
}
