import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { adminCatalogKeys, adminCatalogQueries } from '@shared/api/admin-catalog';
import { useApi } from '@shared/api/api-context';
import { useInvalidatingMutation } from '@shared/api/mutation';
import styles from '@shared/ui/page.module.css';
import { stageName } from '@shared/ui/stage-name';
import { Empty, QueryView } from '@shared/ui/states';
import { adminCatalogCalls } from './catalog.api';
import { ModuleRow } from './module-row';
import { NameForm } from './name-form';

/** One track: its ladder, its modules (each leading to its question bank and item statistics), a new module. */
export function TrackPage() {
  const { t } = useTranslation();
  const http = useApi();
  const trackId = Number(useParams().trackId);
  const track = useQuery(adminCatalogQueries.track(http, trackId));
  const add = useInvalidatingMutation(
    (name: string) => adminCatalogCalls.addModule(http, trackId, name),
    [adminCatalogKeys.all],
  );
  return (
    <>
      <p>
        <Link to="/admin/tracks">{t('admin.catalog.backToTracks')}</Link>
      </p>
      <QueryView query={track}>
        {(data) => (
          <>
            <h1>{t('admin.catalog.trackTitle', { name: data.name })}</h1>
            <p className={styles.muted}>
              {t('admin.catalog.ladder')}: {data.stages.map((stage) => stageName(t, stage)).join(' → ')}
            </p>
            <h2>{t('admin.catalog.modules')}</h2>
            {data.modules.length === 0 ? (
              <Empty>{t('admin.catalog.noModules')}</Empty>
            ) : (
              <ul className={styles.list}>
                {data.modules.map((module) => (
                  <ModuleRow key={module.id} module={module} />
                ))}
              </ul>
            )}
            <section className={styles.card} aria-labelledby="new-module">
              <h2 id="new-module">{t('admin.catalog.newModule')}</h2>
              <NameForm
                formLabel={t('admin.catalog.newModule')}
                label={t('admin.catalog.moduleName')}
                submitLabel={t('admin.catalog.addModule')}
                clearOnSuccess
                mutation={add}
              />
            </section>
          </>
        )}
      </QueryView>
    </>
  );
}
