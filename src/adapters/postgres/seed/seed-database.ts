import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { loadSqlCatalogue, sqlOf, SQL_ROOT, type SqlCatalogue } from '../sql-catalogue.js';
import { pgSession, PgTransactor } from '../transactor.js';
import { checkContentDocuments, type ContentDocument } from './content-document.js';

/**
 * The idempotent demo seed: sql/seed/catalog.sql for the track, its stages, modules and
 * bootstrap settings version, then sql/seed/content.sql once per content document. Everything runs
 * in ONE transaction, so a failing document leaves the database untouched.
 */

/** Rows inserted by one run, per table; a second run reports all zeros. */
export interface SeedSummary {
  readonly tracks: number;
  readonly stages: number;
  readonly modules: number;
  readonly settingsVersions: number;
  readonly questions: number;
  readonly answerOptions: number;
  readonly articles: number;
  readonly minitestQuestions: number;
}

export interface SeedOptions {
  /** Folder of `<module>.json` content documents; defaults to sql/seed/content. */
  readonly contentDir?: string;
  /** The seeded track; defaults to `default`. */
  readonly trackName?: string;
  readonly catalogue?: SqlCatalogue;
}

export const DEFAULT_CONTENT_DIR = join(SQL_ROOT, 'seed', 'content');
export const DEFAULT_SEED_TRACK = 'default';

/** Reads and checks every `*.json` document of the folder, in file-name order, as content of `track`. */
export function readContentDocuments(contentDir: string, track: string = DEFAULT_SEED_TRACK): ContentDocument[] {
  if (!existsSync(contentDir)) throw new Error(`Seed content folder ${contentDir} does not exist`);
  const files = readdirSync(contentDir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const sources = files.map((name) => {
    const source = join(contentDir, name);
    try {
      return { source, json: JSON.parse(readFileSync(source, 'utf8')) as unknown };
    } catch (error) {
      throw new Error(`${source} is not valid JSON: ${(error as Error).message}`);
    }
  });
  // A module or content_ref named by two documents is caught here too: the rules see one bundle.
  return checkContentDocuments(sources, track);
}

export async function seedDatabase(pool: pg.Pool, options: SeedOptions = {}): Promise<SeedSummary> {
  const catalogue = options.catalogue ?? loadSqlCatalogue();
  const track = options.trackName ?? DEFAULT_SEED_TRACK;
  // Read and validate everything before touching the database.
  const documents = readContentDocuments(options.contentDir ?? DEFAULT_CONTENT_DIR, track);

  return new PgTransactor(pool).run(async (tx) => {
    const client = pgSession(tx).queryable;
    const count = async (key: string, params: unknown[]): Promise<number> =>
      (await client.query(sqlOf(catalogue, key), params)).rowCount ?? 0;

    const summary = {
      tracks: await count('seed/catalog.upsertTrack', [track]),
      stages: await count('seed/catalog.upsertStages', [track]),
      modules: await count('seed/catalog.upsertModules', [track]),
      settingsVersions: await count('seed/catalog.insertBootstrapSettingsVersion', [track]),
      questions: 0,
      answerOptions: 0,
      articles: 0,
      minitestQuestions: 0,
    };

    for (const document of documents) {
      const params = [JSON.stringify(document), track];
      if ((await count('seed/content.findModule', params)) !== 1) {
        throw new Error(`Seed content names module "${document.module}", which track "${track}" does not have`);
      }
      summary.questions += await count('seed/content.insertQuestions', params);
      summary.answerOptions += await count('seed/content.insertAnswerOptions', params);
      await count('seed/content.activateQuestions', params);
      summary.articles += await count('seed/content.insertArticles', params);
      summary.minitestQuestions += await count('seed/content.insertMinitests', params);
    }
    return summary;
  });
}
