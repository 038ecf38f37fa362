import type { LearnerActor } from '../../domain/identity/actor.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { AttemptSummary, ExamAttempts } from './exams.ports.js';

/** GET /exams/{kind}/attempts: all stages, newest first. */
export const listAttempts =
  (deps: { transactor: Transactor; attempts: ExamAttempts }) =>
  async (actor: LearnerActor): Promise<AttemptSummary[]> =>
    deps.transactor.read((db) => deps.attempts.listForUser(db, actor.userId));
