import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '@shared/api/api-context';
import { identityCalls } from '@shared/api/identity';
import { LoginForm } from '@shared/session/login-form';
import styles from '@shared/ui/page.module.css';

export function LoginPage() {
  const { t } = useTranslation();
  const http = useApi();
  return (
    <section className={styles.narrow}>
      <h1>{t('auth.login.title')}</h1>
      <LoginForm logIn={(body) => identityCalls.logIn(http, body)} />
      <p>
        {t('auth.login.noAccount')} <Link to="/signup">{t('auth.login.toSignup')}</Link>
      </p>
    </section>
  );
}
