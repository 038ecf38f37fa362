import type { AuthoredModule, AuthoredTrack, TrackAuthoring } from '../../../application/authoring/authoring.ports.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import type { StageRef, StageTemplate } from '../../../domain/progress/stage-ladder.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';
import { guardNames } from './name-taken.errors.js';

interface TrackRow {
  id: number;
  name: string;
  created_at: Date;
  active_settings_version_id: number | null;
  stages: StageRef[];
  modules: { id: number; track_id: number; name: string }[];
}

interface ModuleRow {
  id: number;
  track_id: number;
  name: string;
}

const toModule = (row: ModuleRow): AuthoredModule => ({ id: row.id, trackId: row.track_id, name: row.name });

const toTrack = (row: TrackRow): AuthoredTrack => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  activeSettingsVersionId: row.active_settings_version_id,
  stages: row.stages,
  modules: row.modules.map(toModule),
});

export class PgTrackAuthoring implements TrackAuthoring {
  private readonly sql: NamedStatements<
    'listTracks' | 'insertTrack' | 'insertStages' | 'insertModule' | 'renameModule'
  >;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'authoring/tracks', [
      'listTracks',
      'insertTrack',
      'insertStages',
      'insertModule',
      'renameModule',
    ]);
  }

  async listTracks(db: Session): Promise<AuthoredTrack[]> {
    return (await this.sql.rows<TrackRow>(db, 'listTracks', [null])).map(toTrack);
  }

  async findTrack(db: Session, trackId: number): Promise<AuthoredTrack | undefined> {
    const row = await this.sql.first<TrackRow>(db, 'listTracks', [trackId]);
    return row && toTrack(row);
  }

  async insertTrack(tx: TxSession, name: string): Promise<{ id: number }> {
    const row = await guardNames(() => this.sql.first<{ id: number }>(tx, 'insertTrack', [name]));
    return { id: row!.id };
  }

  async insertStages(tx: TxSession, trackId: number, ladder: readonly StageTemplate[]): Promise<void> {
    await this.sql.run(tx, 'insertStages', [trackId, JSON.stringify(ladder)]);
  }

  async insertModule(tx: TxSession, trackId: number, name: string): Promise<AuthoredModule | undefined> {
    const row = await guardNames(() => this.sql.first<ModuleRow>(tx, 'insertModule', [trackId, name]));
    return row && toModule(row);
  }

  async renameModule(
    tx: TxSession,
    moduleId: number,
    name: string,
  ): Promise<(AuthoredModule & { previousName: string }) | undefined> {
    const row = await guardNames(() =>
      this.sql.first<ModuleRow & { previous_name: string }>(tx, 'renameModule', [moduleId, name]),
    );
    return row && { ...toModule(row), previousName: row.previous_name };
  }
}
