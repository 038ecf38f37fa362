import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adminCatalogQueries } from '@shared/api/admin-catalog';
import { useApi } from '@shared/api/api-context';

/** A module screen's way back to its track and its title with the module's name (the API knows modules by track). */
export function ModuleHeading({
  trackId,
  moduleId,
  title,
}: {
  trackId: number;
  moduleId: number;
  title: 'bank' | 'statistics';
}) {
  const { t } = useTranslation();
  const track = useQuery(adminCatalogQueries.track(useApi(), trackId));
  const name = track.data?.modules.find((module) => module.id === moduleId)?.name ?? `#${moduleId}`;
  return (
    <>
      <p>
        <Link to={`/admin/tracks/${trackId}`}>
          {t('admin.questions.backToTrack', { name: track.data?.name ?? '…' })}
        </Link>
      </p>
      <h1>{title === 'bank' ? t('admin.questions.bankTitle', { name }) : t('admin.stats.title', { name })}</h1>
    </>
  );
}
