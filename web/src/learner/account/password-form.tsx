import type { PasswordChangeRequest } from '@contract';
import type { FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { accountCalls, accountKeys } from '@shared/api/account';
import { useApi } from '@shared/api/api-context';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { Button } from '@shared/ui/button';
import styles from '@shared/ui/page.module.css';
import { ErrorState, Notice } from '@shared/ui/states';
import { TextField } from '@shared/ui/text-field';

export function PasswordForm() {
  const { t } = useTranslation();
  const http = useApi();
  const change = useInvalidatingMutation(
    (body: PasswordChangeRequest) => accountCalls.changePassword(http, body),
    [accountKeys.sessions()],
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    change.mutate(
      { current_password: String(data.get('current_password')), new_password: String(data.get('new_password')) },
      { onSuccess: () => form.reset() },
    );
  }
  const fields = change.error?.fieldErrors() ?? {};
  return (
    <section className={styles.card} aria-labelledby="password">
      <h2 id="password">{t('password.title')}</h2>
      {change.isSuccess && <Notice>{t('password.changed')}</Notice>}
      {change.error !== null && <ErrorState error={change.error} />}
      <Form onSubmit={submit}>
        <TextField
          label={t('password.current')}
          name="current_password"
          type="password"
          autoComplete="current-password"
          isRequired
          serverError={fields.current_password}
        />
        <TextField
          label={t('password.new')}
          name="new_password"
          type="password"
          autoComplete="new-password"
          isRequired
          minLength={8}
          maxLength={200}
          description={t('auth.passwordHint')}
          serverError={fields.new_password}
        />
        <Button type="submit" isDisabled={change.isPending}>
          {t('password.submit')}
        </Button>
      </Form>
    </section>
  );
}
