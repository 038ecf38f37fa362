import type { AdminActor } from '../../domain/identity/actor.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { SettingsVersion, SettingsVersions } from './settings.ports.js';

export interface ReadSettingsDeps {
  readonly transactor: Transactor;
  readonly versions: SettingsVersions;
}

/** GET /admin/tracks/{track_id}/settings-versions: every version of the track, newest first. */
export const listSettingsVersions =
  (deps: ReadSettingsDeps) =>
  async (trackId: number, _actor: AdminActor): Promise<SettingsVersion[]> => {
    return deps.transactor.snapshot(async (db) => {
      if (!(await deps.versions.trackExists(db, trackId))) throw notFound(`Track ${trackId}`);
      return deps.versions.listByTrack(db, trackId);
    });
  };

/** GET /admin/settings-versions/{id}. */
export const getSettingsVersion =
  (deps: ReadSettingsDeps) =>
  async (versionId: number, _actor: AdminActor): Promise<SettingsVersion> => {
    const version = await deps.transactor.read((db) => deps.versions.find(db, versionId));
    if (version === undefined) throw notFound(`Settings version ${versionId}`);
    return version;
  };
