import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '@shared/api/api-context';
import { identityQueries } from '@shared/api/identity';
import { QueryView } from '@shared/ui/states';

export function AdminHomePage() {
  const { t } = useTranslation();
  const me = useQuery(identityQueries.adminMe(useApi()));
  return (
    <>
      <h1>{t('admin.home.title')}</h1>
      <QueryView query={me}>{(admin) => <p>{t('admin.home.intro', { name: admin.full_name })}</p>}</QueryView>
    </>
  );
}
