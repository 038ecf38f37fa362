import { notFound } from '../../domain/shared/domain-error.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { TrackCatalog, TrackDetail, TrackSummary } from './catalog.ports.js';

export interface CatalogDeps {
  readonly transactor: Transactor;
  readonly catalog: TrackCatalog;
}

/** GET /catalog/tracks: every track, by id. */
export const listTracks = (deps: CatalogDeps) => async (): Promise<TrackSummary[]> =>
  deps.transactor.read((db) => deps.catalog.listTracks(db));

/** GET /catalog/tracks/{id}: the track with its ladder and modules. */
export const getTrack =
  (deps: CatalogDeps) =>
  async (trackId: number): Promise<TrackDetail> => {
    const track = await deps.transactor.read((db) => deps.catalog.findTrack(db, trackId));
    if (track === undefined) throw notFound(`Track ${trackId}`);
    return track;
  };
