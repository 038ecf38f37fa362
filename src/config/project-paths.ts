import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the nearest folder above this file holding package.json (works from src/ and dist/). */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot();
/** Named queries (sql/<context>/<aggregate>.sql) and seed data (sql/seed/). */
export const SQL_DIR = join(PROJECT_ROOT, 'sql');
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'migrations');
export const OPENAPI_PATH = join(PROJECT_ROOT, 'openapi.yaml');
/** Where the embedded demo keeps its database cluster and generated secrets (git-ignored). */
export const DATA_DIR = join(PROJECT_ROOT, '.data');
/** The web app: its sources (web/) and Vite's build of them (dist/web, git-ignored), served at / and /admin/. */
export const WEB_SOURCE_DIR = join(PROJECT_ROOT, 'web');
export const WEB_DIST_DIR = join(PROJECT_ROOT, 'dist', 'web');
