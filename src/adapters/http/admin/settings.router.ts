import { Router } from 'express';
import type { DraftChange, NewDraftInput } from '../../../application/settings/draft-settings-version.use-case.js';
import type { SettingsVersion } from '../../../application/settings/settings.ports.js';
import type { AdminActor } from '../../../domain/identity/actor.js';
import { SETTINGS_FIELD_NAMES, type TrackSettings } from '../../../domain/settings/track-settings.js';
import { adminOf, type Authentication } from '../auth/authentication.js';
import type {
  AdminCreateSettingsDraftData,
  AdminEditSettingsDraftData,
} from '../../../contract/generated/types.gen.js';
import { bodyOf } from '../shared/typed-route.js';

export interface SettingsUseCases {
  readonly list: (trackId: number, actor: AdminActor) => Promise<SettingsVersion[]>;
  readonly get: (versionId: number, actor: AdminActor) => Promise<SettingsVersion>;
  readonly createDraft: (trackId: number, input: NewDraftInput, actor: AdminActor) => Promise<SettingsVersion>;
  readonly editDraft: (versionId: number, change: DraftChange, actor: AdminActor) => Promise<SettingsVersion>;
  readonly activate: (versionId: number, actor: AdminActor) => Promise<SettingsVersion>;
  readonly archive: (versionId: number, actor: AdminActor) => Promise<SettingsVersion>;
}

const FIELDS = Object.entries(SETTINGS_FIELD_NAMES) as [keyof TrackSettings, string][];

export const settingsJson = (settings: TrackSettings): Record<string, unknown> =>
  Object.fromEntries(FIELDS.map(([key, name]) => [name, settings[key]]));

/** The contract names every field; absent ones stay absent (they are overrides). */
const settingsFromJson = (json: Record<string, unknown> | undefined): Partial<TrackSettings> | undefined =>
  json === undefined
    ? undefined
    : (Object.fromEntries(
        FIELDS.filter(([, name]) => json[name] !== undefined).map(([key, name]) => [key, json[name]]),
      ) as Partial<TrackSettings>);

export const versionJson = (version: SettingsVersion) => ({
  id: version.id,
  track_id: version.trackId,
  version_no: version.versionNo,
  status: version.status,
  note: version.note,
  created_at: version.createdAt.toISOString(),
  created_by_admin_id: version.createdByAdminId,
  activated_at: version.activatedAt?.toISOString() ?? null,
  archived_at: version.archivedAt?.toISOString() ?? null,
  settings: settingsJson(version.settings),
});

/** Settings versions of a track: list, draft, edit, activate, archive. */
export function settingsRouter(useCases: SettingsUseCases, auth: Authentication): Router {
  const router = Router();
  const id = (value: unknown) => Number(value);

  router.get('/admin/tracks/:track_id/settings-versions', auth.admin, async (req, res) => {
    res.json((await useCases.list(id(req.params.track_id), adminOf(res))).map(versionJson));
  });

  router.post('/admin/tracks/:track_id/settings-versions', auth.admin, async (req, res) => {
    const body = bodyOf<AdminCreateSettingsDraftData>(req);
    const draft = await useCases.createDraft(
      id(req.params.track_id),
      { basedOnVersionId: body.based_on_version_id, note: body.note, settings: settingsFromJson(body.settings) },
      adminOf(res),
    );
    res.status(201).json(versionJson(draft));
  });

  router.get('/admin/settings-versions/:version_id', auth.admin, async (req, res) => {
    res.json(versionJson(await useCases.get(id(req.params.version_id), adminOf(res))));
  });

  router.patch('/admin/settings-versions/:version_id', auth.admin, async (req, res) => {
    const body = bodyOf<AdminEditSettingsDraftData>(req);
    const change: DraftChange = {
      ...('note' in body ? { note: body.note ?? null } : {}),
      settings: settingsFromJson(body.settings),
    };
    res.json(versionJson(await useCases.editDraft(id(req.params.version_id), change, adminOf(res))));
  });

  router.post('/admin/settings-versions/:version_id/activate', auth.admin, async (req, res) => {
    res.json(versionJson(await useCases.activate(id(req.params.version_id), adminOf(res))));
  });

  router.post('/admin/settings-versions/:version_id/archive', auth.admin, async (req, res) => {
    res.json(versionJson(await useCases.archive(id(req.params.version_id), adminOf(res))));
  });

  return router;
}
