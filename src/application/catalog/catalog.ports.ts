import type { Rank } from '../../domain/progress/stage-ladder.js';
import type { Session } from '../ports/transactor.port.js';

export interface TrackSummary {
  readonly id: number;
  readonly name: string;
}

export interface TrackDetail extends TrackSummary {
  /** By position. */
  readonly stages: { readonly id: number; readonly rank: Rank; readonly level: number; readonly position: number }[];
  /** By id. */
  readonly modules: { readonly id: number; readonly name: string }[];
}

export interface TrackCatalog {
  listTracks(db: Session): Promise<TrackSummary[]>;
  findTrack(db: Session, trackId: number): Promise<TrackDetail | undefined>;
}
