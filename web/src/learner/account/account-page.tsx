import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '@shared/api/api-context';
import { identityQueries } from '@shared/api/identity';
import { QueryView } from '@shared/ui/states';
import { PasswordForm } from './password-form';
import { SessionList } from './session-list';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useQuery(identityQueries.me(useApi()));
  return (
    <>
      <h1>{t('account.title')}</h1>
      <QueryView query={me}>
        {(profile) => <p>{t('account.profile', { name: profile.full_name, email: profile.email })}</p>}
      </QueryView>
      <SessionList />
      <PasswordForm />
    </>
  );
}
