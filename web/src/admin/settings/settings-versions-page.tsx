import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '@shared/api/api-context';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { Button } from '@shared/ui/button';
import styles from '@shared/ui/page.module.css';
import { Empty, ErrorState, QueryView } from '@shared/ui/states';
import { adminSettingsCalls, adminSettingsKeys, adminSettingsQueries } from './settings.api';

/** A track's settings versions, newest first, and a new draft copied from the active one. */
export function SettingsVersionsPage() {
  const { t, i18n } = useTranslation();
  const http = useApi();
  const navigate = useNavigate();
  const trackId = Number(useParams().trackId);
  const versions = useQuery(adminSettingsQueries.versions(http, trackId));
  const active = versions.data?.find((v) => v.status === 'active');
  const draft = useInvalidatingMutation(
    () => adminSettingsCalls.draftFrom(http, trackId, active?.id),
    [adminSettingsKeys.all],
    { onSuccess: (created) => void navigate(`/admin/settings/versions/${created.id}`) },
  );
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <p>
        <Link to="/admin/settings">{t('admin.settings.backToTracks')}</Link>
      </p>
      <h1>{t('admin.settings.versionsTitle')}</h1>
      {draft.error !== null && <ErrorState error={draft.error} />}
      <p>
        <Button onPress={() => draft.mutate()} isDisabled={draft.isPending || versions.data === undefined}>
          {active === undefined ? t('admin.settings.newDraft') : t('admin.settings.draftFromActive')}
        </Button>
      </p>
      <QueryView query={versions}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('admin.settings.noVersions')}</Empty>
          ) : (
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <caption className={styles.muted}>{t('admin.settings.versionsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.settings.version')}</th>
                    <th scope="col">{t('admin.settings.status')}</th>
                    <th scope="col">{t('admin.settings.note')}</th>
                    <th scope="col">{t('admin.settings.created')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...rows]
                    .sort((a, b) => b.version_no - a.version_no)
                    .map((v) => (
                      <tr key={v.id}>
                        <td>
                          <Link to={`/admin/settings/versions/${v.id}`}>
                            {t('admin.settings.versionNo', { no: v.version_no })}
                          </Link>
                        </td>
                        <td>{t(`admin.settings.statusOf.${v.status}`)}</td>
                        <td>{v.note ?? '—'}</td>
                        <td>{date.format(new Date(v.created_at))}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </>
  );
}
