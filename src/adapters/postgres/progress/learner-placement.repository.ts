import type { LearnerPlacement, TrackEntryPoint } from '../../../application/identity/identity.ports.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

interface EntryRow {
  track_id: number;
  first_stage_id: number | null;
  settings_version_id: number | null;
}

/** The progress side of signup: find where the track starts and put the learner there. */
export class PgLearnerPlacement implements LearnerPlacement {
  private readonly sql: NamedStatements<'findEntryPoint' | 'placeOnFirstStage'>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'progress/placement', ['findEntryPoint', 'placeOnFirstStage']);
  }

  async findEntryPoint(
    tx: Session,
    request: { trackId?: number; defaultTrackName: string },
  ): Promise<TrackEntryPoint | undefined> {
    const row = await this.sql.first<EntryRow>(tx, 'findEntryPoint', [
      request.trackId ?? null,
      request.defaultTrackName,
    ]);
    return (
      row && {
        trackId: row.track_id,
        firstStageId: row.first_stage_id,
        activeSettingsVersionId: row.settings_version_id,
      }
    );
  }

  async placeOnFirstStage(
    tx: TxSession,
    placement: { userId: number; trackId: number; stageId: number; settingsVersionId: number },
  ): Promise<void> {
    await this.sql.run(tx, 'placeOnFirstStage', [
      placement.userId,
      placement.stageId,
      placement.trackId,
      placement.settingsVersionId,
    ]);
  }
}
