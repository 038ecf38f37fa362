import {
  checkPlanAgainstCatalog,
  planImport,
  type BundleInput,
  type ImportPlan,
} from '../../domain/authoring/import-bundle.rules.js';
import type { AdminActor } from '../../domain/identity/actor.js';
import { STANDARD_LADDER } from '../../domain/progress/stage-ladder.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { AdminAuditLog } from '../ports/admin-audit-log.port.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { BundleWriter, ImportCounts, TrackAuthoring } from './authoring.ports.js';

export interface ImportBundleDeps {
  readonly transactor: Transactor;
  readonly tracks: TrackAuthoring;
  readonly writer: BundleWriter;
  readonly audit: AdminAuditLog;
}

export interface ImportSummary {
  readonly trackId: number;
  readonly created: ImportCounts;
  readonly unchanged: ImportCounts;
}

/** Everything the bundle names, counted the way the summary reports it. */
function totalsOf(plan: ImportPlan): ImportCounts {
  return {
    tracks: 1,
    modules: plan.modules.length,
    questions: plan.questions.length,
    articles: plan.articles.length,
    minitests: plan.articles.filter((article) => article.kind === 'required').length,
  };
}

/**
 * POST /admin/import. The bundle is checked as a whole first (422 import_invalid with every
 * problem), then against the catalog inside the transaction, then written set by set — all or
 * nothing. Natural keys make it idempotent: importing the same bundle again creates nothing.
 */
export const importBundle =
  (deps: ImportBundleDeps) =>
  async (bundle: BundleInput, actor: AdminActor): Promise<ImportSummary> => {
    const plan = planImport(bundle);
    return deps.transactor.run(async (tx) => {
      const track = await deps.writer.ensureTrack(tx, plan.track);
      if (track.created) await deps.tracks.insertStages(tx, track.id, STANDARD_LADDER);
      const facts = await deps.writer.readFacts(tx, track.id, plan);
      checkPlanAgainstCatalog(plan, facts);

      const created: ImportCounts = {
        tracks: track.created ? 1 : 0,
        modules: await deps.writer.insertModules(tx, track.id, plan.modules),
        questions: await deps.writer.insertQuestions(tx, track.id, plan),
        articles: await deps.writer.insertArticles(tx, track.id, plan),
        minitests: await deps.writer.insertMinitests(tx, track.id, plan),
      };
      // The track lock keeps other imports out, but a content_ref is unique across tracks: an
      // article created elsewhere since the facts were read would silently lose its minitest.
      const expectedArticles = plan.articles.filter((article) => !facts.articles.has(article.contentRef)).length;
      if (created.articles !== expectedArticles)
        throw new DomainError(
          'conflict',
          'A concurrent change took a content_ref of the bundle; nothing was imported, retry',
        );

      const totals = totalsOf(plan);
      const unchanged: ImportCounts = {
        tracks: totals.tracks - created.tracks,
        modules: totals.modules - created.modules,
        questions: totals.questions - created.questions,
        articles: totals.articles - created.articles,
        minitests: totals.minitests - created.minitests,
      };
      await deps.audit.record(tx, {
        adminId: actor.adminId,
        action: 'bundle.import',
        entityType: 'track',
        entityId: track.id,
        details: { track: plan.track, created, unchanged },
      });
      return { trackId: track.id, created, unchanged };
    });
  };
