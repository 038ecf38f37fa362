import { automaticApprovalComment, progressAfterPass } from '../../domain/progress/progression.rules.js';
import type { StageRef } from '../../domain/progress/stage-ladder.js';
import type { ExamKind } from '../../domain/shared/exam-kind.js';
import type { ApprovalRequests } from '../approvals/approvals.ports.js';
import type { TxSession } from '../ports/transactor.port.js';
import type { StageTransitions } from './stage-transitions.port.js';

export type ProgressAction = 'none' | 'auto_advanced' | 'rank_final_required' | 'pending_approval';

export interface ProgressOutcome {
  readonly action: ProgressAction;
  readonly fromStageId: number;
  readonly toStageId: number | null;
}

export interface ProgressionDeps {
  readonly transitions: StageTransitions;
  readonly approvals: ApprovalRequests;
}

/**
 * What a PASS does to the learner's ladder (docs/product.md, "Learner journey"), inside the submit's transaction, so
 * the
 * verdict and its consequence land together or not at all.
 */
export const applyProgression =
  (deps: ProgressionDeps) =>
  async (
    tx: TxSession,
    pass: { kind: ExamKind; userId: number; trackId: number; stage: StageRef },
  ): Promise<ProgressOutcome> => {
    const next = (await deps.transitions.nextStage(tx, pass.trackId, pass.stage.position)) ?? null;
    const decision = progressAfterPass(pass.kind, pass.stage, next);
    switch (decision.action) {
      case 'rank_final_required':
        return { action: decision.action, fromStageId: pass.stage.id, toStageId: null };
      case 'auto_advanced':
        await deps.transitions.complete(tx, pass.userId, pass.stage.id, 'active');
        await deps.transitions.activate(tx, pass.userId, pass.trackId, decision.toStage.id);
        return { action: decision.action, fromStageId: pass.stage.id, toStageId: decision.toStage.id };
      case 'pending_approval': {
        await deps.transitions.markPendingApproval(tx, pass.userId, pass.stage.id);
        const toStageId = decision.toStage?.id ?? null;
        await deps.approvals.create(tx, {
          userId: pass.userId,
          trackId: pass.trackId,
          type: decision.approvalType,
          fromStageId: pass.stage.id,
          toStageId,
          comment: automaticApprovalComment(pass.kind, pass.stage, decision),
        });
        return { action: decision.action, fromStageId: pass.stage.id, toStageId };
      }
    }
  };

export type ApplyProgression = ReturnType<typeof applyProgression>;
