import type pg from 'pg';
import type { Clock } from '../application/ports/clock.port.js';
import { expiredDiagnostikaSweep } from './diagnostika.wiring.js';
import { expiredExamSweep } from './exams.wiring.js';
import { progressServices } from './progress.wiring.js';
import { createWiringContext } from './wiring-context.js';

/**
 * The sweep of `npm run attempts:close-expired` (docs/product.md, "Exam sittings"): every expired diagnostika,
 * level exam and rank final closed on its saved answers, each in its own transaction, through the same use cases
 * the server runs — so it is safe beside running servers and idempotent.
 */
export function composeExpirySweep(
  pool: pg.Pool,
  options: { readonly preparedStatements: boolean; readonly clock?: Clock },
): () => Promise<{ diagnostika: number; levelExams: number; rankFinals: number }> {
  const w = createWiringContext(pool, options);
  const progress = progressServices(w);
  const diagnostika = expiredDiagnostikaSweep(w);
  const levelExams = expiredExamSweep(w, progress, w.repos.levelExams);
  const rankFinals = expiredExamSweep(w, progress, w.repos.rankFinals);
  return async () => ({
    diagnostika: await diagnostika(),
    levelExams: await levelExams(),
    rankFinals: await rankFinals(),
  });
}
