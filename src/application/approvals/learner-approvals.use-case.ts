import type { LearnerActor } from '../../domain/identity/actor.js';
import { DomainError, notFound } from '../../domain/shared/domain-error.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { StageProgress } from '../progress/progress.ports.js';
import type { ApprovalRequest, ApprovalRequests } from './approvals.ports.js';

/** GET /approvals/my: the learner's requests, newest first. */
export const listMyApprovals =
  (deps: { transactor: Transactor; approvals: ApprovalRequests }) =>
  async (actor: LearnerActor): Promise<ApprovalRequest[]> =>
    deps.transactor.read((db) => deps.approvals.listMine(db, actor.userId));

/**
 * POST /approvals/{id}/resubmit (docs/product.md, "Approvals"): after a rejection the learner asks again — a new
 * pending request of the same type and target. The learner's stage row is locked first, so
 * concurrent resubmits queue and only the first finds the latest request still rejected.
 */
export const resubmitApproval =
  (deps: { transactor: Transactor; approvals: ApprovalRequests; stages: StageProgress }) =>
  async (requestId: number, actor: LearnerActor): Promise<ApprovalRequest> =>
    deps.transactor.run(async (tx) => {
      await deps.stages.lockCurrentStage(tx, actor.userId);
      const request = await deps.approvals.lockOwn(tx, requestId, actor.userId);
      if (request === undefined) throw notFound('Approval request');
      if (request.latestStatus === 'pending')
        throw new DomainError('approval_already_pending', 'A request for this stage is already pending');
      if (request.latestStatus !== 'rejected')
        throw new DomainError('approval_not_rejected', 'Only a rejected request can be resubmitted');
      return deps.approvals.create(tx, {
        userId: actor.userId,
        trackId: request.trackId,
        type: request.type,
        fromStageId: request.fromStageId,
        toStageId: request.toStageId,
        comment: 'Resubmitted by the learner after a rejection.',
      });
    });
