import type { SettingsVersion, SettingsVersions } from '../../../application/settings/settings.ports.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import type { SettingsVersionStatus } from '../../../domain/settings/settings-lifecycle.rules.js';
import { SETTINGS_FIELD_NAMES, type TrackSettings } from '../../../domain/settings/track-settings.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import { isCheckViolation } from '../postgres.errors.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

interface VersionRow {
  id: number;
  track_id: number;
  version_no: number;
  status: SettingsVersionStatus;
  note: string | null;
  created_at: Date;
  created_by_admin_id: number | null;
  activated_at: Date | null;
  archived_at: Date | null;
  settings: Record<string, unknown>;
}

const FIELDS = Object.entries(SETTINGS_FIELD_NAMES) as [keyof TrackSettings, string][];

/** track_settings as one JSON object keyed by column name (what jsonb_populate_record expects). */
export const settingsToColumns = (settings: TrackSettings): Record<string, unknown> =>
  Object.fromEntries(FIELDS.map(([key, column]) => [column, settings[key]]));

export const settingsFromColumns = (columns: Record<string, unknown>): TrackSettings =>
  Object.fromEntries(FIELDS.map(([key, column]) => [key, columns[column]])) as unknown as TrackSettings;

const toVersion = (row: VersionRow): SettingsVersion => ({
  id: row.id,
  trackId: row.track_id,
  versionNo: row.version_no,
  status: row.status,
  note: row.note,
  createdAt: row.created_at,
  createdByAdminId: row.created_by_admin_id,
  activatedAt: row.activated_at,
  archivedAt: row.archived_at,
  settings: settingsFromColumns(row.settings),
});

type Query =
  | 'lockTrack'
  | 'trackExists'
  | 'moduleCount'
  | 'listByTrack'
  | 'find'
  | 'findActive'
  | 'lockVersion'
  | 'lockVersionsOfTrackOf'
  | 'insertDraft'
  | 'updateDraft'
  | 'archiveActiveOfTrack'
  | 'activateDraft'
  | 'archiveDraft';

export class PgSettingsVersions implements SettingsVersions {
  private readonly sql: NamedStatements<Query>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'settings/settings-versions', [
      'lockTrack',
      'trackExists',
      'moduleCount',
      'listByTrack',
      'find',
      'findActive',
      'lockVersion',
      'lockVersionsOfTrackOf',
      'insertDraft',
      'updateDraft',
      'archiveActiveOfTrack',
      'activateDraft',
      'archiveDraft',
    ]);
  }

  async lockTrack(tx: TxSession, trackId: number): Promise<{ moduleCount: number } | undefined> {
    const row = await this.sql.first<{ module_count: number }>(tx, 'lockTrack', [trackId]);
    return row && { moduleCount: row.module_count };
  }

  async trackExists(db: Session, trackId: number): Promise<boolean> {
    return (await this.sql.first(db, 'trackExists', [trackId])) !== undefined;
  }

  async moduleCount(tx: Session, trackId: number): Promise<number> {
    return (await this.sql.first<{ module_count: number }>(tx, 'moduleCount', [trackId]))!.module_count;
  }

  async listByTrack(db: Session, trackId: number): Promise<SettingsVersion[]> {
    return (await this.sql.rows<VersionRow>(db, 'listByTrack', [trackId])).map(toVersion);
  }

  async find(db: Session, versionId: number): Promise<SettingsVersion | undefined> {
    const row = await this.sql.first<VersionRow>(db, 'find', [versionId]);
    return row && toVersion(row);
  }

  async findActive(db: Session, trackId: number): Promise<SettingsVersion | undefined> {
    const row = await this.sql.first<VersionRow>(db, 'findActive', [trackId]);
    return row && toVersion(row);
  }

  async lockVersion(tx: TxSession, versionId: number): Promise<SettingsVersion | undefined> {
    const row = await this.sql.first<VersionRow>(tx, 'lockVersion', [versionId]);
    return row && toVersion(row);
  }

  async lockVersionsOfTrackOf(tx: TxSession, versionId: number): Promise<SettingsVersion[]> {
    return (await this.sql.rows<VersionRow>(tx, 'lockVersionsOfTrackOf', [versionId])).map(toVersion);
  }

  async insertDraft(
    tx: TxSession,
    draft: { trackId: number; note: string | null; settings: TrackSettings; adminId: number },
  ): Promise<SettingsVersion> {
    const row = await guardSettings(() =>
      this.sql.first<VersionRow>(tx, 'insertDraft', [
        draft.trackId,
        draft.note,
        draft.adminId,
        JSON.stringify(settingsToColumns(draft.settings)),
      ]),
    );
    return toVersion(row!);
  }

  async updateDraft(
    tx: TxSession,
    versionId: number,
    change: { note: string | null; settings: TrackSettings },
  ): Promise<void> {
    await guardSettings(() =>
      this.sql.run(tx, 'updateDraft', [versionId, change.note, JSON.stringify(settingsToColumns(change.settings))]),
    );
  }

  async activate(tx: TxSession, version: { id: number; trackId: number }): Promise<void> {
    await this.sql.run(tx, 'archiveActiveOfTrack', [version.trackId]);
    if ((await this.sql.run(tx, 'activateDraft', [version.id])) !== 1)
      throw new DomainError('settings_version_not_draft', `Settings version ${version.id} is no longer a draft`);
  }

  async archive(tx: TxSession, versionId: number): Promise<void> {
    if ((await this.sql.run(tx, 'archiveDraft', [versionId])) !== 1)
      throw new DomainError('settings_version_not_draft', `Settings version ${versionId} is no longer a draft`);
  }
}

/**
 * The database defends the same rules as the domain: the trigger of migration 0003 freezes the
 * parameters of a non-draft version, and the track_settings CHECKs hold the single-row rules.
 * Should one of them fire (a rule the domain missed, a race the locks did not cover), the admin
 * still gets the precise code.
 */
const FIELDS_BY_COLUMN = new Map(
  (Object.entries(SETTINGS_FIELD_NAMES) as [keyof TrackSettings, string][]).map(([field, column]) => [column, field]),
);

async function guardSettings<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isCheckViolation(error, 'ck_track_settings_version_is_draft')) {
      throw new DomainError('settings_version_not_draft', 'Only a draft settings version can change');
    }
    const constraint = (error as { constraint?: string }).constraint ?? '';
    if (isCheckViolation(error) && constraint.startsWith('ck_track_settings_')) {
      // the constraint is named after the column it checks, which is the field's snake_case name
      const column = constraint.replace(/^ck_track_settings_/, '');
      const field = FIELDS_BY_COLUMN.get(column);
      throw new DomainError('settings_invalid', 'The settings break a database rule', {
        errors: [
          {
            code: 'database_check',
            message: `refused by ${constraint}`,
            ...(field === undefined ? {} : { path: ['settings', field] }),
          },
        ],
      });
    }
    throw error;
  }
}
