import { useTranslation } from 'react-i18next';
import { useApi } from '@shared/api/api-context';
import { identityCalls } from '@shared/api/identity';
import { LoginForm } from '@shared/session/login-form';
import styles from '@shared/ui/page.module.css';

export function AdminLoginPage() {
  const { t } = useTranslation();
  const http = useApi();
  return (
    <section className={styles.narrow}>
      <h1>{t('admin.login.title')}</h1>
      <LoginForm logIn={(body) => identityCalls.adminLogIn(http, body)} />
    </section>
  );
}
