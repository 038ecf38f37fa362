import type { AccessToken, LoginRequest } from '@contract';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { Button } from '../ui/button';
import { ErrorState } from '../ui/states';
import { TextField } from '../ui/text-field';
import { useSession } from './session-context';

/** Email + password → the login call given (learner or admin) → the session holds the token. */
export function LoginForm({ logIn }: { logIn: (body: LoginRequest) => Promise<AccessToken> }) {
  const { t } = useTranslation();
  const session = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      session.signIn(await logIn({ email: String(data.get('email')), password: String(data.get('password')) }));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const fields = isApiError(error) ? error.fieldErrors() : {};
  return (
    <Form onSubmit={(event) => void submit(event)}>
      {error !== null && <ErrorState error={error} />}
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
        autoComplete="current-password"
        isRequired
        serverError={fields.password}
      />
      <Button type="submit" isDisabled={busy}>
        {t('auth.login.submit')}
      </Button>
    </Form>
  );
}
