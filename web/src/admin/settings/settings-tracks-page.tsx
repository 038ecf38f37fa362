import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '@shared/api/api-context';
import styles from '@shared/ui/page.module.css';
import { Empty, QueryView } from '@shared/ui/states';
import { adminSettingsQueries } from './settings.api';

/** Settings live per track: pick the track whose versions to manage. */
export function SettingsTracksPage() {
  const { t } = useTranslation();
  const tracks = useQuery(adminSettingsQueries.tracks(useApi()));
  return (
    <>
      <h1>{t('admin.settings.title')}</h1>
      <QueryView query={tracks}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('admin.settings.noTracks')}</Empty>
          ) : (
            <ul className={styles.list}>
              {rows.map((track) => (
                <li key={track.id} className={styles.card}>
                  <Link to={`/admin/settings/tracks/${track.id}`}>{track.name}</Link>
                  <span className={styles.muted}>
                    {' · '}
                    {track.active_settings_version_id === null
                      ? t('admin.settings.noActive')
                      : t('admin.settings.activeId', { id: track.active_settings_version_id })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </>
  );
}
