import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '@shared/api/api-context';
import { QueryView } from '@shared/ui/states';
import { adminSettingsQueries } from './settings.api';
import { SettingsEditor } from './settings-editor';

export function SettingsVersionPage() {
  const { t } = useTranslation();
  const versionId = Number(useParams().versionId);
  const version = useQuery(adminSettingsQueries.version(useApi(), versionId));
  return (
    <QueryView query={version}>
      {(v) => (
        <>
          <p>
            <Link to={`/admin/settings/tracks/${v.track_id}`}>{t('admin.settings.backToVersions')}</Link>
          </p>
          <h1>
            {t('admin.settings.versionNo', { no: v.version_no })} — {t(`admin.settings.statusOf.${v.status}`)}
          </h1>
          <SettingsEditor version={v} />
        </>
      )}
    </QueryView>
  );
}
