import { DomainError } from '../shared/domain-error.js';
import type { TrackSettings } from './track-settings.js';

/** draft → active → archived; a draft may also be archived directly (discarded). */
export const SETTINGS_VERSION_STATUSES = ['draft', 'active', 'archived'] as const;
export type SettingsVersionStatus = (typeof SETTINGS_VERSION_STATUSES)[number];

export interface VersionState {
  readonly id: number;
  readonly status: SettingsVersionStatus;
}

/** A draft copies its base and applies the admin's overrides field by field. */
export function applySettingsOverrides(base: TrackSettings, overrides: Partial<TrackSettings>): TrackSettings {
  const defined = Object.entries(overrides).filter(([, value]) => value !== undefined);
  return { ...base, ...Object.fromEntries(defined) } as TrackSettings;
}

const notDraft = (version: VersionState, doing: string, hint = ''): DomainError =>
  new DomainError(
    'settings_version_not_draft',
    `Settings version ${version.id} is ${version.status}: only a draft can be ${doing}${hint}`,
  );

/** Learner stages are pinned to active and archived versions, so only drafts change. */
export function assertEditable(version: VersionState): void {
  if (version.status !== 'draft') throw notDraft(version, 'edited', '; create a new draft based on it instead');
}

export function assertActivatable(version: VersionState): void {
  if (version.status !== 'draft') throw notDraft(version, 'activated');
}

/**
 * Archiving directly is for discarding a draft. The active version is archived only by activating
 * its successor: archiving it alone would leave the track without an active version, and every
 * signup and rank transition on the track would fail with track_not_ready.
 */
export function assertArchivable(version: VersionState): void {
  if (version.status === 'active')
    throw notDraft(version, 'archived directly', '; activate another version to replace it');
  if (version.status !== 'draft') throw notDraft(version, 'archived');
}
