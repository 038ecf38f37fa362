import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, WEB_DIST_DIR, WEB_SOURCE_DIR } from '../config/project-paths.js';

/** The files the web build reads: web/ and the generated contract types it imports. */
function newestSourceMtime(): number {
  let newest = statSync(join(PROJECT_ROOT, 'src', 'contract', 'generated', 'types.gen.ts')).mtimeMs;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(WEB_SOURCE_DIR);
  return newest;
}

/** True when dist/web is missing or older than a source it is built from. */
export function webBuildIsStale(): boolean {
  const index = join(WEB_DIST_DIR, 'index.html');
  return !existsSync(index) || statSync(index).mtimeMs < newestSourceMtime();
}

/** Builds the web app with Vite when its build is missing or stale (`npm start`, the E2E tests). */
export function ensureWebBuild(log: (line: string) => void = console.log): void {
  if (!webBuildIsStale()) return;
  log('building the web app (web/ → dist/web)');
  const vite = join(PROJECT_ROOT, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--config', join(WEB_SOURCE_DIR, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the web app build failed (npm run build:web shows why)');
}
