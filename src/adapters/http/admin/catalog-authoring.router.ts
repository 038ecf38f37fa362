import { Router } from 'express';
import type { AuthoredModule, AuthoredTrack } from '../../../application/authoring/authoring.ports.js';
import type { AdminActor } from '../../../domain/identity/actor.js';
import { adminOf, type Authentication } from '../auth/authentication.js';
import type {
  AdminAddModuleData,
  AdminCreateTrackData,
  AdminRenameModuleData,
  AdminAddModuleResponses,
  AdminCreateTrackResponses,
  AdminGetTrackResponses,
  AdminListTracksResponses,
  AdminModule,
  AdminRenameModuleResponses,
  AdminTrack,
} from '../../../contract/generated/types.gen.js';
import { bodyOf } from '../shared/typed-route.js';

export interface CatalogAuthoringUseCases {
  readonly listTracks: (actor: AdminActor) => Promise<AuthoredTrack[]>;
  readonly getTrack: (trackId: number, actor: AdminActor) => Promise<AuthoredTrack>;
  readonly createTrack: (input: { name: string }, actor: AdminActor) => Promise<AuthoredTrack>;
  readonly addModule: (trackId: number, input: { name: string }, actor: AdminActor) => Promise<AuthoredModule>;
  readonly renameModule: (moduleId: number, input: { name: string }, actor: AdminActor) => Promise<AuthoredModule>;
}

const moduleJson = (module: AuthoredModule): AdminModule => ({
  id: module.id,
  track_id: module.trackId,
  name: module.name,
});

const trackJson = (track: AuthoredTrack): AdminTrack => ({
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
    res.json((await useCases.listTracks(adminOf(res))).map(trackJson) satisfies AdminListTracksResponses[200]);
  });

  router.post('/admin/tracks', auth.admin, async (req, res) => {
    const body = bodyOf<AdminCreateTrackData>(req);
    const track = await useCases.createTrack({ name: body.name }, adminOf(res));
    res.status(201).json(trackJson(track) satisfies AdminCreateTrackResponses[201]);
  });

  router.get('/admin/tracks/:track_id', auth.admin, async (req, res) => {
    const track = await useCases.getTrack(Number(req.params.track_id), adminOf(res));
    res.json(trackJson(track) satisfies AdminGetTrackResponses[200]);
  });

  router.post('/admin/tracks/:track_id/modules', auth.admin, async (req, res) => {
    const body = bodyOf<AdminAddModuleData>(req);
    const added = await useCases.addModule(Number(req.params.track_id), { name: body.name }, adminOf(res));
    res.status(201).json(moduleJson(added) satisfies AdminAddModuleResponses[201]);
  });

  router.patch('/admin/modules/:module_id', auth.admin, async (req, res) => {
    const body = bodyOf<AdminRenameModuleData>(req);
    const renamed = await useCases.renameModule(Number(req.params.module_id), { name: body.name }, adminOf(res));
    res.json(moduleJson(renamed) satisfies AdminRenameModuleResponses[200]);
  });

  return router;
}
