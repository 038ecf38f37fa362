import type { PinnedSettings } from '../../../application/progress/progress.ports.js';
import type { Session } from '../../../application/ports/transactor.port.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import {
  INTEGER_SETTING_KEYS,
  SETTINGS_FIELD_NAMES,
  type TrackSettings,
  type WeaknessMetric,
} from '../../../domain/settings/track-settings.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

/** A `track_settings` row (or its jsonb), snake_case columns. */
export type SettingsRow = Record<string, number> & { weakness_metric: WeaknessMetric };

/** Maps a `track_settings` row (snake_case columns) to the domain's TrackSettings. */
export function toTrackSettings(row: SettingsRow): TrackSettings {
  const integers = Object.fromEntries(INTEGER_SETTING_KEYS.map((key) => [key, row[SETTINGS_FIELD_NAMES[key]]]));
  return { ...integers, weaknessMetric: row.weakness_metric } as unknown as TrackSettings;
}

export class PgPinnedSettings implements PinnedSettings {
  private readonly sql: NamedStatements<'settingsOf'>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'progress/settings', ['settingsOf']);
  }

  async settingsOf(db: Session, settingsVersionId: number): Promise<TrackSettings> {
    const row = await this.sql.first<SettingsRow>(db, 'settingsOf', [settingsVersionId]);
    // Every version is created with its parameters; a missing row is a broken catalogue, not a 500.
    if (row === undefined)
      throw new DomainError('track_not_ready', `Settings version ${settingsVersionId} has no parameters`);
    return toTrackSettings(row);
  }
}
