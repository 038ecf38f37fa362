import type { AdminActor } from '../../domain/identity/actor.js';
import { assertValidSettings } from '../../domain/settings/settings-consistency.rules.js';
import { applySettingsOverrides, assertEditable } from '../../domain/settings/settings-lifecycle.rules.js';
import { DEFAULT_TRACK_SETTINGS, type TrackSettings } from '../../domain/settings/track-settings.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { AdminAuditLog } from '../ports/admin-audit-log.port.js';
import type { Session, Transactor } from '../ports/transactor.port.js';
import type { SettingsVersion, SettingsVersions } from './settings.ports.js';

export interface DraftSettingsDeps {
  readonly transactor: Transactor;
  readonly versions: SettingsVersions;
  readonly audit: AdminAuditLog;
}

export interface NewDraftInput {
  /** Copy this version (of the same track) instead of the active one. */
  readonly basedOnVersionId?: number;
  readonly note?: string | null;
  readonly settings?: Partial<TrackSettings>;
}

export interface DraftChange {
  /** Absent: keep; null or blank: clear. */
  readonly note?: string | null;
  readonly settings?: Partial<TrackSettings>;
}

const cleanNote = (note: string | null | undefined): string | null =>
  note === undefined || note === null || note.trim() === '' ? null : note.trim();

/** The overrides as the admin sent them (snake_case), for the audit trail. */
/**
 * POST /admin/tracks/{track_id}/settings-versions: a draft copied from `based_on_version_id`, else
 * from the track's active version, else (a track that never had one) from the platform defaults;
 * then the overrides. Checked against the track's module count: 422 settings_invalid with every
 * violated rule.
 */
export const createSettingsDraft =
  (deps: DraftSettingsDeps) =>
  async (trackId: number, input: NewDraftInput, actor: AdminActor): Promise<SettingsVersion> => {
    return deps.transactor.run(async (tx) => {
      // Serialises drafts of one track so version_no is max + 1 without a unique-violation race.
      const track = await deps.versions.lockTrack(tx, trackId);
      if (track === undefined) throw notFound(`Track ${trackId}`);
      const base = await baseOf(deps.versions, tx, trackId, input.basedOnVersionId);
      const settings = applySettingsOverrides(
        base?.settings ?? { ...DEFAULT_TRACK_SETTINGS, expectedModulesCount: track.moduleCount },
        input.settings ?? {},
      );
      assertValidSettings(settings, track.moduleCount);
      const draft = await deps.versions.insertDraft(tx, {
        trackId,
        note: cleanNote(input.note),
        settings,
        adminId: actor.adminId,
      });
      await deps.audit.record(tx, {
        adminId: actor.adminId,
        action: 'settings_version.create',
        entityType: 'settings_version',
        entityId: draft.id,
        details: {
          trackId,
          versionNo: draft.versionNo,
          basedOnVersionId: base?.id ?? null,
          overrides: input.settings ?? {},
        },
      });
      return draft;
    });
  };

async function baseOf(
  versions: SettingsVersions,
  tx: Session,
  trackId: number,
  basedOnVersionId: number | undefined,
): Promise<SettingsVersion | undefined> {
  if (basedOnVersionId === undefined) return versions.findActive(tx, trackId);
  const base = await versions.find(tx, basedOnVersionId);
  // a version of another track is as unknown here as one that does not exist
  if (base === undefined || base.trackId !== trackId)
    throw notFound(`Settings version ${basedOnVersionId} of track ${trackId}`);
  return base;
}

/** PATCH /admin/settings-versions/{id}: drafts only (409 settings_version_not_draft), re-checked as a whole. */
export const editSettingsDraft =
  (deps: DraftSettingsDeps) =>
  async (versionId: number, change: DraftChange, actor: AdminActor): Promise<SettingsVersion> => {
    return deps.transactor.run(async (tx) => {
      const version = await deps.versions.lockVersion(tx, versionId);
      if (version === undefined) throw notFound(`Settings version ${versionId}`);
      assertEditable(version);
      const settings = applySettingsOverrides(version.settings, change.settings ?? {});
      assertValidSettings(settings, await deps.versions.moduleCount(tx, version.trackId));
      const note = change.note === undefined ? version.note : cleanNote(change.note);
      await deps.versions.updateDraft(tx, versionId, { note, settings });
      await deps.audit.record(tx, {
        adminId: actor.adminId,
        action: 'settings_version.update',
        entityType: 'settings_version',
        entityId: versionId,
        details: { overrides: change.settings ?? {}, ...(change.note === undefined ? {} : { note }) },
      });
      return { ...version, note, settings };
    });
  };
