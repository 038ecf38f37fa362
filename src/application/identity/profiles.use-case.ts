import type { AdminActor, LearnerActor } from '../../domain/identity/actor.js';
import { DomainError, notFound } from '../../domain/shared/domain-error.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { AdminAccounts, AdminProfile, LearnerAccounts, LearnerProfile } from './identity.ports.js';

/** GET /users/me. */
export const getLearnerProfile =
  (deps: { transactor: Transactor; learners: LearnerAccounts }) =>
  async (actor: LearnerActor): Promise<LearnerProfile> => {
    const profile = await deps.transactor.read((db) => deps.learners.findProfile(db, actor.userId));
    if (profile === undefined) throw notFound('User');
    return profile;
  };

/** GET /admin/me. */
export const getAdminProfile =
  (deps: { transactor: Transactor; admins: AdminAccounts }) =>
  async (actor: AdminActor): Promise<AdminProfile> => {
    const profile = await deps.transactor.read((db) => deps.admins.findProfile(db, actor.adminId));
    if (profile === undefined) throw notFound('Admin');
    return profile;
  };

/**
 * Runs on every admin request: a token stays cryptographically valid until it expires, but an
 * admin deactivated (or removed) since login must lose access on the very next request.
 */
export const checkAdminAccess =
  (deps: { transactor: Transactor; admins: AdminAccounts }) =>
  async (adminId: number): Promise<AdminActor> => {
    const profile = await deps.transactor.read((db) => deps.admins.findProfile(db, adminId));
    if (profile === undefined || !profile.isActive)
      throw new DomainError('forbidden', 'This admin account is not active');
    return { kind: 'admin', adminId };
  };

/**
 * Every learner request: a deactivated (or deleted) learner's still-valid access token is refused
 * with 403, like a deactivated admin's. One primary-key read (see docs/decisions.md).
 */
export const checkLearnerAccess =
  (deps: { transactor: Transactor; learners: LearnerAccounts }) =>
  async (userId: number): Promise<void> => {
    const active = await deps.transactor.read((db) => deps.learners.isActive(db, userId));
    if (!active) throw new DomainError('forbidden', 'This learner account is not active');
  };
