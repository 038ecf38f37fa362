import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adminCatalogKeys, adminCatalogQueries } from '@shared/api/admin-catalog';
import { useApi } from '@shared/api/api-context';
import { useInvalidatingMutation } from '@shared/api/mutation';
import styles from '@shared/ui/page.module.css';
import { Empty, QueryView } from '@shared/ui/states';
import { adminCatalogCalls } from './catalog.api';
import { NameForm } from './name-form';

/** Every track with its modules at a glance, and a new track (it starts with the standard ladder, no modules). */
export function TracksPage() {
  const { t } = useTranslation();
  const http = useApi();
  const tracks = useQuery(adminCatalogQueries.tracks(http));
  const create = useInvalidatingMutation(
    (name: string) => adminCatalogCalls.createTrack(http, name),
    [adminCatalogKeys.all],
  );
  return (
    <>
      <h1>{t('admin.catalog.title')}</h1>
      <QueryView query={tracks}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('admin.catalog.noTracks')}</Empty>
          ) : (
            <ul className={styles.list}>
              {rows.map((track) => (
                <li key={track.id} className={styles.card}>
                  <Link to={`/admin/tracks/${track.id}`}>{track.name}</Link>
                  <span className={styles.muted}>
                    {' · '}
                    {t('admin.catalog.modulesCount', { count: track.modules.length })}
                    {' · '}
                    {track.active_settings_version_id === null ? t('admin.catalog.notOpen') : t('admin.catalog.open')}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      <section className={styles.card} aria-labelledby="new-track">
        <h2 id="new-track">{t('admin.catalog.newTrack')}</h2>
        <NameForm
          formLabel={t('admin.catalog.newTrack')}
          label={t('admin.catalog.trackName')}
          submitLabel={t('admin.catalog.createTrack')}
          clearOnSuccess
          mutation={create}
        />
      </section>
    </>
  );
}
