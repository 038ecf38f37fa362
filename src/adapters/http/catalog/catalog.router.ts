import { Router } from 'express';
import type { TrackDetail, TrackSummary } from '../../../application/catalog/catalog.ports.js';
import type { ListTracksResponses, GetTrackResponses } from '../../../contract/generated/types.gen.js';
import type { Authentication } from '../auth/authentication.js';

export interface CatalogUseCases {
  readonly listTracks: () => Promise<TrackSummary[]>;
  readonly getTrack: (trackId: number) => Promise<TrackDetail>;
}

export function catalogRouter(useCases: CatalogUseCases, auth: Authentication): Router {
  const router = Router();

  router.get('/catalog/tracks', auth.learner, async (_req, res) => {
    const tracks = await useCases.listTracks();
    res.json(tracks.map((track) => ({ id: track.id, name: track.name })) satisfies ListTracksResponses[200]);
  });

  router.get('/catalog/tracks/:track_id', auth.learner, async (req, res) => {
    const track = await useCases.getTrack(Number(req.params.track_id));
    res.json({
      id: track.id,
      name: track.name,
      stages: track.stages.map((s) => ({ id: s.id, rank: s.rank, level: s.level, position: s.position })),
      modules: track.modules.map((m) => ({ id: m.id, name: m.name })),
    } satisfies GetTrackResponses[200]);
  });

  return router;
}
