import { Router } from 'express';
import type { AuthoredModule, AuthoredTrack } from '../../../application/authoring/authoring.ports.js';
import type { AdminActor } from '../../../domain/identity/actor.js';
import { adminOf, type Authentication } from '../auth/authentication.js';
import type {
  AdminAddModuleData,
  AdminCreateTrackData,
  AdminRenameModuleData,
} from '../../../contract/generated/types.gen.js';
import { bodyOf } from '../shared/typed-route.js';

export interface CatalogAuthoringUseCases {
  readonly listTracks: (actor: AdminActor) => Promise<AuthoredTrack[]>;
  readonly getTrack: (trackId: number, actor: AdminActor) => Promise<AuthoredTrack>;
  readonly createTrack: (input: { name: string }, actor: AdminActor) => Promise<AuthoredTrack>;
  readonly addModule: (trackId: number, input: { name: string }, actor: AdminActor) => Promise<AuthoredModule>;
  readonly renameModule: (moduleId: number, input: { name: string }, actor: AdminActor) => Promise<AuthoredModule>;
}

const moduleJson = (module: AuthoredModule) => ({ id: module.id, track_id: module.trackId, name: module.name });

const trackJson = (track: AuthoredTrack) => ({
  id: track.id,
  name: track.name,
  created_at: track.createdAt.toISOString(),
  active_settings_version_id: track.activeSettingsVersionId,
  stages: track.stages.map((stage) => ({
    id: stage.id,
    rank: stage.rank,
    level: stage.level,
    position: stage.position,
  })),
  modules: track.modules.map(moduleJson),
});

/** Tracks (with their ladder) and modules. */
export function catalogAuthoringRouter(useCases: CatalogAuthoringUseCases, auth: Authentication): Router {
  const router = Router();

  router.get('/admin/tracks', auth.admin, async (_req, res) => {
    res.json((await useCases.listTracks(adminOf(res))).map(trackJson));
  });

  router.post('/admin/tracks', auth.admin, async (req, res) => {
    const body = bodyOf<AdminCreateTrackData>(req);
    res.status(201).json(trackJson(await useCases.createTrack({ name: body.name }, adminOf(res))));
  });

  router.get('/admin/tracks/:track_id', auth.admin, async (req, res) => {
    res.json(trackJson(await useCases.getTrack(Number(req.params.track_id), adminOf(res))));
  });

  router.post('/admin/tracks/:track_id/modules', auth.admin, async (req, res) => {
    const body = bodyOf<AdminAddModuleData>(req);
    res
      .status(201)
      .json(moduleJson(await useCases.addModule(Number(req.params.track_id), { name: body.name }, adminOf(res))));
  });

  router.patch('/admin/modules/:module_id', auth.admin, async (req, res) => {
    const body = bodyOf<AdminRenameModuleData>(req);
    res.json(moduleJson(await useCases.renameModule(Number(req.params.module_id), { name: body.name }, adminOf(res))));
  });

  return router;
}
