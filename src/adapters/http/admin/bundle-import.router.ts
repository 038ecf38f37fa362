import express, { Router, type RequestHandler } from 'express';
import type { ImportCounts } from '../../../application/authoring/authoring.ports.js';
import type { ImportSummary } from '../../../application/authoring/import-bundle.use-case.js';
import type { BundleInput, StageInput } from '../../../domain/authoring/import-bundle.rules.js';
import type { AdminActor } from '../../../domain/identity/actor.js';
import { adminOf, type Authentication } from '../auth/authentication.js';
import type {
  AdminImportBundleData,
  AdminImportBundleResponses,
  ImportCounts as ImportCountsJson,
} from '../../../contract/generated/types.gen.js';
import { bodyOf } from '../shared/typed-route.js';

export interface BundleImportUseCases {
  readonly importBundle: (bundle: BundleInput, actor: AdminActor) => Promise<ImportSummary>;
}

/** The one route whose bodies may exceed the global limit: a 10,000-question bundle is a few MB. */
export const IMPORT_PATH = '/admin/import';
export const IMPORT_BODY_LIMIT = '20mb';

/**
 * The import's own JSON parser, mounted (after admin authentication) before the global one, which
 * then skips the already parsed body. Every other route keeps the global limit.
 */
export function importBodyParser(): RequestHandler {
  return express.json({ limit: IMPORT_BODY_LIMIT, type: ['application/json', 'application/*+json'] });
}

interface BundleJson {
  track: string;
  modules: {
    name: string;
    questions?: { text: string; options: string[]; correct_pos: number }[];
    articles?: {
      stage: StageInput;
      kind: string;
      position?: number;
      title: string;
      content_ref: string;
      body?: string;
      minitest?: (number | string)[];
    }[];
  }[];
}

const toBundle = (json: BundleJson): BundleInput => ({
  track: json.track,
  modules: json.modules.map((module) => ({
    name: module.name,
    questions: (module.questions ?? []).map((question) => ({
      text: question.text,
      options: question.options,
      correctPos: question.correct_pos,
    })),
    articles: (module.articles ?? []).map((article) => ({
      stage: article.stage,
      kind: article.kind,
      position: article.position,
      title: article.title,
      contentRef: article.content_ref,
      body: article.body,
      minitest: article.minitest,
    })),
  })),
});

const countsJson = (counts: ImportCounts): ImportCountsJson => ({
  tracks: counts.tracks,
  modules: counts.modules,
  questions: counts.questions,
  articles: counts.articles,
  minitests: counts.minitests,
});

/** POST /admin/import: a content bundle, all or nothing, idempotent. */
export function bundleImportRouter(useCases: BundleImportUseCases, auth: Authentication): Router {
  const router = Router();

  router.post(IMPORT_PATH, auth.admin, async (req, res) => {
    const summary = await useCases.importBundle(toBundle(bodyOf<AdminImportBundleData>(req)), adminOf(res));
    res.json({
      track_id: summary.trackId,
      created: countsJson(summary.created),
      unchanged: countsJson(summary.unchanged),
    } satisfies AdminImportBundleResponses[200]);
  });

  return router;
}
