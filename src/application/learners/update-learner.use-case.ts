import type { AdminActor } from '../../domain/identity/actor.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { RefreshTokens } from '../identity/sessions/sessions.ports.js';
import type { LearnerAccounts } from '../identity/identity.ports.js';
import type { AdminAuditLog } from '../ports/admin-audit-log.port.js';
import type { Clock } from '../ports/clock.port.js';
import type { Transactor, TxSession } from '../ports/transactor.port.js';
import type { LearnerDetail, LearnerOverview } from './learners.ports.js';

/**
 * PATCH /admin/users/{user_id}: a partial set of changes, at least one. Each field is one step
 * below; a new field (an accommodation, say) adds its own step and its own audit detail.
 */
export interface LearnerChanges {
  readonly isActive?: boolean;
  /** 0-400 (the contract bounds it; the CHECK of migration 0014 backs it up); applies to attempts started later. */
  readonly extraTimePct?: number;
}

export interface UpdateLearnerDeps {
  readonly transactor: Transactor;
  readonly accounts: LearnerAccounts;
  readonly refreshTokens: RefreshTokens;
  readonly learners: LearnerOverview;
  readonly audit: AdminAuditLog;
  readonly clock: Clock;
}

type Step = (tx: TxSession, userId: number) => Promise<Record<string, unknown>>;

export const updateLearner =
  (deps: UpdateLearnerDeps) =>
  async (userId: number, changes: LearnerChanges, actor: AdminActor): Promise<LearnerDetail> => {
    const now = deps.clock.now();
    const steps: Step[] = [];

    const { isActive } = changes;
    if (isActive !== undefined)
      steps.push(async (tx) => {
        if (!(await deps.accounts.setActive(tx, userId, isActive))) throw notFound(`User ${userId}`);
        // A deactivated learner keeps no session; reactivation restores login, not the old sessions.
        if (!isActive) await deps.refreshTokens.revokeOwnerFamilies(tx, { kind: 'learner', userId }, now);
        return { isActive };
      });

    const { extraTimePct } = changes;
    if (extraTimePct !== undefined)
      steps.push(async (tx) => {
        if (!(await deps.accounts.setExtraTimePct(tx, userId, extraTimePct))) throw notFound(`User ${userId}`);
        return { extra_time_pct: extraTimePct };
      });

    await deps.transactor.run(async (tx) => {
      let details: Record<string, unknown> = {};
      for (const step of steps) details = { ...details, ...(await step(tx, userId)) };
      await deps.audit.record(tx, {
        adminId: actor.adminId,
        action: 'learner.update',
        entityType: 'learner',
        entityId: userId,
        details,
      });
    });
    const detail = await deps.transactor.read((db) => deps.learners.detail(db, userId));
    if (detail === undefined) throw notFound(`User ${userId}`);
    return detail;
  };
