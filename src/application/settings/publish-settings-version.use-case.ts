import type { AdminActor } from '../../domain/identity/actor.js';
import { assertValidSettings } from '../../domain/settings/settings-consistency.rules.js';
import { assertActivatable, assertArchivable } from '../../domain/settings/settings-lifecycle.rules.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { AdminAuditLog } from '../ports/admin-audit-log.port.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { SettingsVersion, SettingsVersions } from './settings.ports.js';

export interface PublishSettingsDeps {
  readonly transactor: Transactor;
  readonly versions: SettingsVersions;
  readonly audit: AdminAuditLog;
}

/**
 * POST /admin/settings-versions/{id}/activate: the draft becomes the track's active version and the
 * previous active one is archived, in one transaction. Learner stages stay pinned to the version
 * they started under; stages that start from now on are pinned to this one.
 */
export const activateSettingsVersion =
  (deps: PublishSettingsDeps) =>
  async (versionId: number, actor: AdminActor): Promise<SettingsVersion> => {
    return deps.transactor.run(async (tx) => {
      // All versions of the track, locked: two activations on one track run one after the other,
      // and the second sees the first's outcome (its own draft still a draft, or not).
      const versions = await deps.versions.lockVersionsOfTrackOf(tx, versionId);
      const version = versions.find((candidate) => candidate.id === versionId);
      if (version === undefined) throw notFound(`Settings version ${versionId}`);
      assertActivatable(version);
      // Modules may have been added since the draft was saved; the rules must still hold.
      assertValidSettings(version.settings, await deps.versions.moduleCount(tx, version.trackId));
      const previous = versions.find((candidate) => candidate.status === 'active');
      await deps.versions.activate(tx, version);
      await deps.audit.record(tx, {
        adminId: actor.adminId,
        action: 'settings_version.activate',
        entityType: 'settings_version',
        entityId: versionId,
        details: { trackId: version.trackId, archivedVersionId: previous?.id ?? null },
      });
      return (await deps.versions.find(tx, versionId))!;
    });
  };

/**
 * POST /admin/settings-versions/{id}/archive: discards a draft (the active version is replaced by activating
 * another).
 */
export const archiveSettingsVersion =
  (deps: PublishSettingsDeps) =>
  async (versionId: number, actor: AdminActor): Promise<SettingsVersion> => {
    return deps.transactor.run(async (tx) => {
      const version = await deps.versions.lockVersion(tx, versionId);
      if (version === undefined) throw notFound(`Settings version ${versionId}`);
      assertArchivable(version);
      await deps.versions.archive(tx, versionId);
      await deps.audit.record(tx, {
        adminId: actor.adminId,
        action: 'settings_version.archive',
        entityType: 'settings_version',
        entityId: versionId,
        details: { trackId: version.trackId },
      });
      return (await deps.versions.find(tx, versionId))!;
    });
  };
