import type { SettingsUseCases } from '../adapters/http/admin/settings.router.js';
import { createSettingsDraft, editSettingsDraft } from '../application/settings/draft-settings-version.use-case.js';
import {
  activateSettingsVersion,
  archiveSettingsVersion,
} from '../application/settings/publish-settings-version.use-case.js';
import { getSettingsVersion, listSettingsVersions } from '../application/settings/read-settings-versions.use-case.js';
import type { WiringContext } from './wiring-context.js';

export function settingsUseCases({ transactor, repos }: WiringContext): SettingsUseCases {
  const deps = { transactor, versions: repos.settingsVersions, audit: repos.audit };
  return {
    list: listSettingsVersions(deps),
    get: getSettingsVersion(deps),
    createDraft: createSettingsDraft(deps),
    editDraft: editSettingsDraft(deps),
    activate: activateSettingsVersion(deps),
    archive: archiveSettingsVersion(deps),
  };
}
