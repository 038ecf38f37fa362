import type { TrackCatalog, TrackDetail, TrackSummary } from '../../../application/catalog/catalog.ports.js';
import type { Session } from '../../../application/ports/transactor.port.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

export class PgTrackCatalog implements TrackCatalog {
  private readonly sql: NamedStatements<'listTracks' | 'findTrack'>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'catalog/tracks', ['listTracks', 'findTrack']);
  }

  listTracks(db: Session): Promise<TrackSummary[]> {
    return this.sql.rows<TrackSummary & Record<string, unknown>>(db, 'listTracks');
  }

  async findTrack(db: Session, trackId: number): Promise<TrackDetail | undefined> {
    // jsonb numbers arrive as JS numbers; the shapes are built by the query itself.
    return this.sql.first<TrackDetail & Record<string, unknown>>(db, 'findTrack', [trackId]);
  }
}
