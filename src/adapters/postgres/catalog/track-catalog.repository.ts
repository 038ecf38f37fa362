import type { TrackCatalog, TrackDetail, TrackSummary } from '../../../application/catalog/catalog.ports.js';
import type { Session } from '../../../application/ports/transactor.port.js';
import { SqlFile } from '../sql-file.js';
import type { SqlCatalogue } from '../sql-files.js';

export class PgTrackCatalog implements TrackCatalog {
  private readonly sql: SqlFile<'listTracks' | 'findTrack'>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new SqlFile(catalogue, 'catalog/tracks', ['listTracks', 'findTrack']);
  }

  listTracks(db: Session): Promise<TrackSummary[]> {
    return this.sql.rows<TrackSummary & Record<string, unknown>>(db, 'listTracks');
  }

  async findTrack(db: Session, trackId: number): Promise<TrackDetail | undefined> {
    // jsonb numbers arrive as JS numbers; the shapes are built by the query itself.
    return this.sql.first<TrackDetail & Record<string, unknown>>(db, 'findTrack', [trackId]);
  }
}
