import type { LearnerActor } from '../../domain/identity/actor.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { AttemptSummary, ExamAttempts } from './exams.ports.js';

/**
 * GET /exams/{kind}/attempts: all stages, newest first; the learner's expired attempts are closed before they are
 * listed (docs/product.md, "Exam sittings").
 */
export const listAttempts =
  (deps: { transactor: Transactor; attempts: ExamAttempts; closeExpired: (userId: number) => Promise<void> }) =>
  async (actor: LearnerActor): Promise<AttemptSummary[]> => {
    await deps.closeExpired(actor.userId);
    return deps.transactor.read((db) => deps.attempts.listForUser(db, actor.userId));
  };
