import type { StageRef } from '../../domain/progress/stage-ladder.js';
import type { Session, TxSession } from '../ports/transactor.port.js';

/**
 * The writes that move a learner along the ladder. Each is a conditional statement on the
 * learner's own progress rows, so a transition applies once whatever races around it.
 */
export interface StageTransitions {
  /** The next stage of the track after `position`, or undefined at the top of the ladder. */
  nextStage(db: Session, trackId: number, position: number): Promise<StageRef | undefined>;
  /** Locks one progress row of the learner (FOR UPDATE OF user_stage_progress). */
  lockStage(
    tx: TxSession,
    userId: number,
    stageId: number,
  ): Promise<{ status: 'active' | 'pending_approval' | 'completed'; trackId: number } | undefined>;
  markPendingApproval(tx: TxSession, userId: number, stageId: number): Promise<void>;
  complete(tx: TxSession, userId: number, stageId: number, fromStatus: 'active' | 'pending_approval'): Promise<void>;
  /**
   * Makes `stageId` the learner's current stage, pinned to the track's active settings version
   * at this moment; DomainError('track_not_ready') when the track has none.
   */
  activate(tx: TxSession, userId: number, trackId: number, stageId: number): Promise<{ settingsVersionId: number }>;
}
