import type pg from 'pg';
import type { AppDeps } from '../adapters/http/app.js';
import type { AccessChecks } from '../adapters/http/auth/authentication.js';
import type { AppConfig } from '../config/config.js';
import { adminWorkspaceUseCases } from './admin.wiring.js';
import { approvalUseCases } from './approvals.wiring.js';
import { catalogUseCases } from './catalog.wiring.js';
import { contentUseCases } from './content.wiring.js';
import { diagnostikaUseCases } from './diagnostika.wiring.js';
import { examUseCases } from './exams.wiring.js';
import { accessChecks, identityServices, identityUseCases, sessionUseCases } from './identity.wiring.js';
import { progressServices, progressUseCases } from './progress.wiring.js';
import { createWiringContext, type ComposeOverrides } from './wiring-context.js';

/** The use cases over their Postgres adapters: what the app serves, and what `npm run demo:learners` drives. */
export interface ComposedUseCases {
  readonly useCases: AppDeps['useCases'];
  readonly access: AccessChecks;
}

/** One line per router: each context's wiring file returns exactly the group its router declares. */
export async function composeUseCases(
  config: AppConfig,
  pool: pg.Pool,
  overrides: ComposeOverrides = {},
): Promise<ComposedUseCases> {
  const w = createWiringContext(pool, { preparedStatements: config.db.preparedStatements, ...overrides });
  const identity = await identityServices(w, config, pool);
  const progress = progressServices(w);
  return {
    access: accessChecks(w),
    useCases: {
      identity: identityUseCases(w, config, identity),
      sessions: sessionUseCases(w, identity),
      progress: progressUseCases(w),
      catalog: catalogUseCases(w),
      diagnostika: diagnostikaUseCases(w),
      content: contentUseCases(w, progress),
      levelExams: examUseCases(w, progress, w.repos.levelExams),
      rankFinals: examUseCases(w, progress, w.repos.rankFinals),
      approvals: approvalUseCases(w),
      admin: adminWorkspaceUseCases(w),
    },
  };
}
