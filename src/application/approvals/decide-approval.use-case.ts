import type { AdminActor } from '../../domain/identity/actor.js';
import { DomainError, notFound } from '../../domain/shared/domain-error.js';
import type { Transactor, TxSession } from '../ports/transactor.port.js';
import type { StageTransitions } from '../progress/stage-transitions.port.js';
import type { ApprovalRequest, ApprovalRequests, DecidedStatus, Graduation } from './approvals.ports.js';

export interface DecideDeps {
  readonly transactor: Transactor;
  readonly approvals: ApprovalRequests;
  readonly transitions: StageTransitions;
  readonly graduation: Graduation;
}

export interface ApprovalDecision {
  readonly request: ApprovalRequest & { readonly status: DecidedStatus };
  readonly graduated: boolean;
}

/**
 * The conditional pending → decided update settles races between admins: exactly one
 * decision lands, the other finds the request no longer pending (409).
 */
async function decide(
  deps: DecideDeps,
  tx: TxSession,
  decision: { requestId: number; status: DecidedStatus; adminId: number; comment: string | null },
): Promise<ApprovalDecision['request']> {
  const decided = await deps.approvals.decide(tx, decision);
  // the update only lands on a pending request, so the row now holds the status just written
  if (decided !== undefined) return { ...decided, status: decision.status };
  if (await deps.approvals.exists(tx, decision.requestId))
    throw new DomainError('approval_not_pending', 'This request was already decided');
  throw notFound('Approval request');
}

/** Approve: the transition applies in the same transaction (next stage active, or graduation). */
export const approveRequest =
  (deps: DecideDeps) =>
  async (input: { requestId: number; comment?: string }, actor: AdminActor): Promise<ApprovalDecision> =>
    deps.transactor.run(async (tx) => {
      const comment = input.comment?.trim() ? input.comment.trim() : null;
      const request = await decide(deps, tx, {
        requestId: input.requestId,
        status: 'approved',
        adminId: actor.adminId,
        comment,
      });
      const from = await deps.transitions.lockStage(tx, request.userId, request.fromStageId);
      if (from?.status !== 'pending_approval')
        throw new DomainError('conflict', 'The learner is no longer waiting for this approval');
      await deps.transitions.complete(tx, request.userId, request.fromStageId, 'pending_approval');
      if (request.type === 'rank_transition') {
        await deps.transitions.activate(tx, request.userId, request.trackId, request.toStageId!);
        return { request, graduated: false };
      }
      await deps.graduation.markGraduated(tx, request.userId);
      return { request, graduated: true };
    });

/** Reject: a comment is required; the learner's stage stays pending_approval and may be resubmitted. */
export const rejectRequest =
  (deps: DecideDeps) =>
  async (input: { requestId: number; comment: string }, actor: AdminActor): Promise<ApprovalDecision> => {
    const comment = input.comment.trim();
    if (comment.length === 0) {
      throw new DomainError('validation_failed', 'A rejection needs a comment', {
        errors: [{ code: 'blank', message: 'comment must not be blank', path: ['comment'] }],
      });
    }
    return deps.transactor.run(async (tx) => ({
      request: await decide(deps, tx, {
        requestId: input.requestId,
        status: 'rejected',
        adminId: actor.adminId,
        comment,
      }),
      graduated: false,
    }));
  };
