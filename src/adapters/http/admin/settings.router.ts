import { Router } from 'express';
import type { DraftChange, NewDraftInput } from '../../../application/settings/draft-settings-version.use-case.js';
import type { SettingsVersion } from '../../../application/settings/settings.ports.js';
import type { AdminActor } from '../../../domain/identity/actor.js';
import { adminOf, type Authentication } from '../auth/authentication.js';
import type {
  AdminActivateSettingsVersionResponses,
  AdminArchiveSettingsVersionResponses,
  AdminCreateSettingsDraftData,
  AdminCreateSettingsDraftResponses,
  AdminEditSettingsDraftData,
  AdminEditSettingsDraftResponses,
  AdminGetSettingsVersionResponses,
  AdminListSettingsVersionsResponses,
  SettingsVersion as SettingsVersionJson,
} from '../../../contract/generated/types.gen.js';
import { settingsFromJson, settingsJson } from '../shared/settings-json.js';
import { bodyOf } from '../shared/typed-route.js';

export interface SettingsUseCases {
  readonly list: (trackId: number, actor: AdminActor) => Promise<SettingsVersion[]>;
  readonly get: (versionId: number, actor: AdminActor) => Promise<SettingsVersion>;
  readonly createDraft: (trackId: number, input: NewDraftInput, actor: AdminActor) => Promise<SettingsVersion>;
  readonly editDraft: (versionId: number, change: DraftChange, actor: AdminActor) => Promise<SettingsVersion>;
  readonly activate: (versionId: number, actor: AdminActor) => Promise<SettingsVersion>;
  readonly archive: (versionId: number, actor: AdminActor) => Promise<SettingsVersion>;
}

export const versionJson = (version: SettingsVersion): SettingsVersionJson => ({
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
    const versions = await useCases.list(id(req.params.track_id), adminOf(res));
    res.json(versions.map(versionJson) satisfies AdminListSettingsVersionsResponses[200]);
  });

  router.post('/admin/tracks/:track_id/settings-versions', auth.admin, async (req, res) => {
    const body = bodyOf<AdminCreateSettingsDraftData>(req);
    const draft = await useCases.createDraft(
      id(req.params.track_id),
      { basedOnVersionId: body.based_on_version_id, note: body.note, settings: settingsFromJson(body.settings) },
      adminOf(res),
    );
    res.status(201).json(versionJson(draft) satisfies AdminCreateSettingsDraftResponses[201]);
  });

  router.get('/admin/settings-versions/:version_id', auth.admin, async (req, res) => {
    const version = await useCases.get(id(req.params.version_id), adminOf(res));
    res.json(versionJson(version) satisfies AdminGetSettingsVersionResponses[200]);
  });

  router.patch('/admin/settings-versions/:version_id', auth.admin, async (req, res) => {
    const body = bodyOf<AdminEditSettingsDraftData>(req);
    const change: DraftChange = {
      ...('note' in body ? { note: body.note ?? null } : {}),
      settings: settingsFromJson(body.settings),
    };
    const edited = await useCases.editDraft(id(req.params.version_id), change, adminOf(res));
    res.json(versionJson(edited) satisfies AdminEditSettingsDraftResponses[200]);
  });

  router.post('/admin/settings-versions/:version_id/activate', auth.admin, async (req, res) => {
    const activated = await useCases.activate(id(req.params.version_id), adminOf(res));
    res.json(versionJson(activated) satisfies AdminActivateSettingsVersionResponses[200]);
  });

  router.post('/admin/settings-versions/:version_id/archive', auth.admin, async (req, res) => {
    const archived = await useCases.archive(id(req.params.version_id), adminOf(res));
    res.json(versionJson(archived) satisfies AdminArchiveSettingsVersionResponses[200]);
  });

  return router;
}
