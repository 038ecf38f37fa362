import { requiredText, throwIfInvalid } from '../../domain/authoring/authoring-text.rules.js';
import type { AdminActor } from '../../domain/identity/actor.js';
import { STANDARD_LADDER } from '../../domain/progress/stage-ladder.js';
import type { ErrorItem } from '../../domain/shared/domain-error.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { AdminAuditLog } from '../ports/admin-audit-log.port.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { AuthoredModule, AuthoredTrack, TrackAuthoring } from './authoring.ports.js';

export interface CatalogAuthoringDeps {
  readonly transactor: Transactor;
  readonly tracks: TrackAuthoring;
  readonly audit: AdminAuditLog;
}

function nameOf(value: string): string {
  const errors: ErrorItem[] = [];
  const name = requiredText(value, ['name'], errors);
  throwIfInvalid(errors, 'The name is invalid');
  return name;
}

/** GET /admin/tracks. */
export const listTracksForAdmin =
  (deps: CatalogAuthoringDeps) =>
  async (_actor: AdminActor): Promise<AuthoredTrack[]> =>
    deps.transactor.read((db) => deps.tracks.listTracks(db));

/** GET /admin/tracks/{track_id}. */
export const getTrackForAdmin =
  (deps: CatalogAuthoringDeps) =>
  async (trackId: number, _actor: AdminActor): Promise<AuthoredTrack> => {
    const track = await deps.transactor.read((db) => deps.tracks.findTrack(db, trackId));
    if (track === undefined) throw notFound(`Track ${trackId}`);
    return track;
  };

/**
 * POST /admin/tracks: the track with the standard ladder (trainee 0 … senior 3). It has no
 * modules and no settings version yet, so learners cannot sign up on it until an admin adds
 * modules and activates a version.
 */
export const createTrack =
  (deps: CatalogAuthoringDeps) =>
  async (input: { name: string }, actor: AdminActor): Promise<AuthoredTrack> => {
    const name = nameOf(input.name);
    return deps.transactor.run(async (tx) => {
      const { id } = await deps.tracks.insertTrack(tx, name);
      await deps.tracks.insertStages(tx, id, STANDARD_LADDER);
      await deps.audit.record(tx, {
        adminId: actor.adminId,
        action: 'track.create',
        entityType: 'track',
        entityId: id,
        details: { name },
      });
      return (await deps.tracks.findTrack(tx, id))!;
    });
  };

/** POST /admin/tracks/{track_id}/modules. */
export const addModule =
  (deps: CatalogAuthoringDeps) =>
  async (trackId: number, input: { name: string }, actor: AdminActor): Promise<AuthoredModule> => {
    const name = nameOf(input.name);
    return deps.transactor.run(async (tx) => {
      const module = await deps.tracks.insertModule(tx, trackId, name);
      if (module === undefined) throw notFound(`Track ${trackId}`);
      await deps.audit.record(tx, {
        adminId: actor.adminId,
        action: 'module.create',
        entityType: 'module',
        entityId: module.id,
        details: { trackId, name },
      });
      return module;
    });
  };

/** PATCH /admin/modules/{module_id}: a rename (a module is never deleted: questions and stats refer to it). */
export const renameModule =
  (deps: CatalogAuthoringDeps) =>
  async (moduleId: number, input: { name: string }, actor: AdminActor): Promise<AuthoredModule> => {
    const name = nameOf(input.name);
    return deps.transactor.run(async (tx) => {
      const module = await deps.tracks.renameModule(tx, moduleId, name);
      if (module === undefined) throw notFound(`Module ${moduleId}`);
      await deps.audit.record(tx, {
        adminId: actor.adminId,
        action: 'module.rename',
        entityType: 'module',
        entityId: moduleId,
        details: { from: module.previousName, to: name },
      });
      return { id: module.id, trackId: module.trackId, name: module.name };
    });
  };
