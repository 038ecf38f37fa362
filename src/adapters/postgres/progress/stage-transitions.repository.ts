import type { StageTransitions } from '../../../application/progress/stage-transitions.port.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import type { StageRef } from '../../../domain/progress/stage-ladder.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

type Query = 'nextStage' | 'lockStage' | 'markPendingApproval' | 'complete' | 'activate';

export class PgStageTransitions implements StageTransitions {
  private readonly sql: NamedStatements<Query>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'progress/transitions', [
      'nextStage',
      'lockStage',
      'markPendingApproval',
      'complete',
      'activate',
    ]);
  }

  async nextStage(db: Session, trackId: number, position: number): Promise<StageRef | undefined> {
    return this.sql.first<StageRef & Record<string, unknown>>(db, 'nextStage', [trackId, position]);
  }

  async lockStage(
    tx: TxSession,
    userId: number,
    stageId: number,
  ): Promise<{ status: 'active' | 'pending_approval' | 'completed'; trackId: number } | undefined> {
    const row = await this.sql.first<{ status: 'active' | 'pending_approval' | 'completed'; track_id: number }>(
      tx,
      'lockStage',
      [userId, stageId],
    );
    return row && { status: row.status, trackId: row.track_id };
  }

  async markPendingApproval(tx: TxSession, userId: number, stageId: number): Promise<void> {
    await this.expectOne(this.sql.run(tx, 'markPendingApproval', [userId, stageId]), 'the stage is no longer active');
  }

  async complete(
    tx: TxSession,
    userId: number,
    stageId: number,
    fromStatus: 'active' | 'pending_approval',
  ): Promise<void> {
    await this.expectOne(
      this.sql.run(tx, 'complete', [userId, stageId, fromStatus]),
      `the stage is no longer ${fromStatus}`,
    );
  }

  async activate(
    tx: TxSession,
    userId: number,
    trackId: number,
    stageId: number,
  ): Promise<{ settingsVersionId: number }> {
    const row = await this.sql.first<{ settings_version_id: number }>(tx, 'activate', [userId, trackId, stageId]);
    if (row === undefined)
      throw new DomainError('track_not_ready', 'The track has no active settings version to pin the next stage to');
    return { settingsVersionId: row.settings_version_id };
  }

  /** Callers hold the learner's row lock, so a miss means a concurrent change won: refuse, roll back. */
  private async expectOne(updated: Promise<number>, why: string): Promise<void> {
    if ((await updated) !== 1) throw new DomainError('conflict', `The learner's progress changed: ${why}`);
  }
}
