import type {
  CurrentStage,
  StageOverview,
  StageProgress,
  StageRecord,
} from '../../../application/progress/progress.ports.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import type { Rank } from '../../../domain/progress/stage-ladder.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

/** A current stage row as progress/stages.sql selects it (exam start's lock selects the same columns). */
export interface CurrentRow {
  user_id: number;
  track_id: number;
  stage_id: number;
  rank: Rank;
  level: number;
  position: number;
  status: 'active' | 'pending_approval';
  settings_version_id: number;
  activated_at: Date;
}

interface RecordRow extends Omit<CurrentRow, 'user_id' | 'track_id' | 'status'> {
  status: StageRecord['status'];
  completed_at: Date | null;
}

interface OverviewRow extends RecordRow {
  user_id: number;
  track_id: number;
  track_name: string;
  graduated_at: Date | null;
}

export const toCurrentStage = (row: CurrentRow): CurrentStage => ({
  userId: row.user_id,
  trackId: row.track_id,
  stageId: row.stage_id,
  rank: row.rank,
  level: row.level,
  position: row.position,
  status: row.status,
  settingsVersionId: row.settings_version_id,
  activatedAt: row.activated_at,
});

const toRecord = (row: RecordRow): StageRecord => ({
  stageId: row.stage_id,
  rank: row.rank,
  level: row.level,
  position: row.position,
  status: row.status,
  settingsVersionId: row.settings_version_id,
  activatedAt: row.activated_at,
  completedAt: row.completed_at,
});

export class PgStageProgress implements StageProgress {
  private readonly sql: NamedStatements<'findCurrentStage' | 'lockCurrentStage' | 'findOverview' | 'listHistory'>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'progress/stages', [
      'findCurrentStage',
      'lockCurrentStage',
      'findOverview',
      'listHistory',
    ]);
  }

  async findCurrentStage(db: Session, userId: number): Promise<CurrentStage | undefined> {
    const row = await this.sql.first<CurrentRow>(db, 'findCurrentStage', [userId]);
    return row && toCurrentStage(row);
  }

  async lockCurrentStage(tx: TxSession, userId: number): Promise<CurrentStage | undefined> {
    const row = await this.sql.first<CurrentRow>(tx, 'lockCurrentStage', [userId]);
    return row && toCurrentStage(row);
  }

  async findOverview(db: Session, userId: number): Promise<StageOverview | undefined> {
    const row = await this.sql.first<OverviewRow>(db, 'findOverview', [userId]);
    return (
      row && {
        ...toRecord(row),
        userId: row.user_id,
        trackId: row.track_id,
        trackName: row.track_name,
        graduatedAt: row.graduated_at,
      }
    );
  }

  async listHistory(db: Session, userId: number): Promise<StageRecord[]> {
    return (await this.sql.rows<RecordRow>(db, 'listHistory', [userId])).map(toRecord);
  }
}
