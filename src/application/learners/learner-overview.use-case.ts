import type { AdminActor } from '../../domain/identity/actor.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { LearnerDetail, LearnerOverview, LearnerSearch, LearnerSummary } from './learners.ports.js';

export interface LearnerOverviewDeps {
  readonly transactor: Transactor;
  readonly learners: LearnerOverview;
}

/** GET /admin/users: search by email or name, by id, one page at a time. */
export const searchLearners =
  (deps: LearnerOverviewDeps) =>
  async (search: LearnerSearch, _actor: AdminActor): Promise<LearnerSummary[]> => {
    const q = search.q?.trim();
    return deps.transactor.read((db) => deps.learners.list(db, { ...search, q: q === '' ? undefined : q }));
  };

/** GET /admin/users/{user_id}: profile, stages, diagnostika, attempts with scores, approvals. */
export const getLearnerDetail =
  (deps: LearnerOverviewDeps) =>
  async (userId: number, _actor: AdminActor): Promise<LearnerDetail> => {
    const detail = await deps.transactor.read((db) => deps.learners.detail(db, userId));
    if (detail === undefined) throw notFound(`User ${userId}`);
    return detail;
  };
