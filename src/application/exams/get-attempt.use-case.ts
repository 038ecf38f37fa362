import type { ExamAssembly } from '../../domain/exams/exam-assembly.rules.js';
import type { LearnerActor } from '../../domain/identity/actor.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { AttemptSummary, ExamAttempts } from './exams.ports.js';

export interface AttemptWithAssembly {
  readonly summary: AttemptSummary;
  readonly assembly: ExamAssembly | null;
}

/** GET /exams/{kind}/attempts/{id}: one of the learner's own attempts and how it was assembled; 404 otherwise. */
export const getAttempt =
  (deps: { transactor: Transactor; attempts: ExamAttempts }) =>
  async (attemptId: number, actor: LearnerActor): Promise<AttemptWithAssembly> => {
    const found = await deps.transactor.read((db) => deps.attempts.findWithAssembly(db, attemptId, actor.userId));
    if (found === undefined) throw notFound(`Attempt ${attemptId}`);
    return found;
  };
