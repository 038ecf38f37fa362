import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SQL_DIR } from '../../config/project-paths.js';

/**
 * Named SQL queries live in `sql/<context>/<aggregate>.sql`, each introduced by a
 * `-- name: <queryName>` line. They are read once, at start-up, into an immutable catalogue so
 * no request ever touches the file system.
 */
export type SqlCatalogue = ReadonlyMap<string, string>;

const NAME_LINE = /^--\s*name:\s*([A-Za-z][\w]*)\s*$/;

export const SQL_ROOT = SQL_DIR;

/** Splits one file into its named queries; text before the first name line is a file comment. */
export function parseSqlFile(text: string, fileKey: string): Map<string, string> {
  const queries = new Map<string, string>();
  let current: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (current === undefined) return;
    const body = lines.join('\n').trim();
    if (body.length === 0) throw new Error(`sql/${fileKey}.sql: query "${current}" is empty`);
    queries.set(`${fileKey}.${current}`, body);
  };
  for (const line of text.split(/\r?\n/)) {
    const match = NAME_LINE.exec(line);
    if (match) {
      flush();
      current = match[1]!;
      if (queries.has(`${fileKey}.${current}`)) throw new Error(`sql/${fileKey}.sql: duplicate query "${current}"`);
      lines = [];
    } else {
      lines.push(line);
    }
  }
  flush();
  return queries;
}

/** Reads every `.sql` file under `root`; keys look like `exams/attempts.insertAttempt`. */
export function loadSqlCatalogue(root: string = SQL_ROOT): SqlCatalogue {
  const catalogue = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.sql')) {
        const fileKey = relative(root, path).slice(0, -'.sql'.length).split(sep).join('/');
        for (const [key, sql] of parseSqlFile(readFileSync(path, 'utf8'), fileKey)) catalogue.set(key, sql);
      }
    }
  };
  walk(root);
  return catalogue;
}

/** Looks a query up, failing at start-up (not mid-request) when a repository names a missing one. */
export function sqlOf(catalogue: SqlCatalogue, key: string): string {
  const sql = catalogue.get(key);
  if (sql === undefined) throw new Error(`Missing SQL query "${key}" (expected in sql/${key.split('.')[0]}.sql)`);
  return sql;
}
