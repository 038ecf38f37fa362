import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '@shared/api/api-context';
import { isApiError } from '@shared/api/api-error';
import { identityCalls } from '@shared/api/identity';
import { useSession } from '@shared/session/session-context';
import { Button } from '@shared/ui/button';
import styles from '@shared/ui/page.module.css';
import { ErrorState } from '@shared/ui/states';
import { TextField } from '@shared/ui/text-field';

/** Sign-up, then the same credentials log in at once: a new learner lands on the dashboard. */
export function SignupPage() {
  const { t } = useTranslation();
  const http = useApi();
  const session = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email'));
    const password = String(data.get('password'));
    setBusy(true);
    setError(null);
    try {
      await identityCalls.signUp(http, { email, password, full_name: String(data.get('full_name')) });
      session.signIn(await identityCalls.logIn(http, { email, password }));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const fields = isApiError(error) ? error.fieldErrors() : {};
  return (
    <section className={styles.narrow}>
      <h1>{t('auth.signup.title')}</h1>
      <Form onSubmit={(event) => void submit(event)}>
        {error !== null && <ErrorState error={error} />}
        <TextField
          label={t('auth.fullName')}
          name="full_name"
          autoComplete="name"
          isRequired
          maxLength={200}
          serverError={fields.full_name}
        />
        <TextField
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="username"
          isRequired
          serverError={fields.email}
        />
        <TextField
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          isRequired
          minLength={8}
          maxLength={200}
          description={t('auth.passwordHint')}
          serverError={fields.password}
        />
        <Button type="submit" isDisabled={busy}>
          {t('auth.signup.submit')}
        </Button>
      </Form>
      <p>
        {t('auth.signup.haveAccount')} <Link to="/login">{t('auth.signup.toLogin')}</Link>
      </p>
    </section>
  );
}
