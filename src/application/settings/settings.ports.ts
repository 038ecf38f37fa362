import type { SettingsVersionStatus } from '../../domain/settings/settings-lifecycle.rules.js';
import type { TrackSettings } from '../../domain/settings/track-settings.js';
import type { Session, TxSession } from '../ports/transactor.port.js';

export interface SettingsVersion {
  readonly id: number;
  readonly trackId: number;
  readonly versionNo: number;
  readonly status: SettingsVersionStatus;
  readonly note: string | null;
  readonly createdAt: Date;
  readonly createdByAdminId: number | null;
  readonly activatedAt: Date | null;
  readonly archivedAt: Date | null;
  readonly settings: TrackSettings;
}

export interface SettingsVersions {
  /**
   * Locks the track row against concurrent version creation (FOR NO KEY UPDATE: signups, whose
   * foreign keys take KEY SHARE on the track, are not blocked) and counts its modules; undefined
   * when the track does not exist.
   */
  lockTrack(tx: TxSession, trackId: number): Promise<{ readonly moduleCount: number } | undefined>;
  trackExists(db: Session, trackId: number): Promise<boolean>;
  moduleCount(tx: Session, trackId: number): Promise<number>;
  listByTrack(db: Session, trackId: number): Promise<SettingsVersion[]>;
  find(db: Session, versionId: number): Promise<SettingsVersion | undefined>;
  findActive(db: Session, trackId: number): Promise<SettingsVersion | undefined>;
  /** A new draft numbered max(version_no) + 1 of the track (the caller holds the track lock). */
  insertDraft(
    tx: TxSession,
    draft: { trackId: number; note: string | null; settings: TrackSettings; adminId: number },
  ): Promise<SettingsVersion>;
  /** The version, locked FOR UPDATE OF settings_versions. */
  lockVersion(tx: TxSession, versionId: number): Promise<SettingsVersion | undefined>;
  /**
   * Every version of the track the given version belongs to, locked FOR UPDATE OF
   * settings_versions in id order: concurrent activations on one track run one after another.
   */
  lockVersionsOfTrackOf(tx: TxSession, versionId: number): Promise<SettingsVersion[]>;
  updateDraft(
    tx: TxSession,
    versionId: number,
    change: { note: string | null; settings: TrackSettings },
  ): Promise<void>;
  /** The track's active version → archived, then the draft → active (this order keeps one active). */
  activate(tx: TxSession, version: { id: number; trackId: number }): Promise<void>;
  archive(tx: TxSession, versionId: number): Promise<void>;
}
