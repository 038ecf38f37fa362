import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accountCalls, accountKeys, accountQueries } from '@shared/api/account';
import { useApi } from '@shared/api/api-context';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { useSession } from '@shared/session/session-context';
import { Button } from '@shared/ui/button';
import styles from '@shared/ui/page.module.css';
import { ErrorState, QueryView } from '@shared/ui/states';

export function SessionList() {
  const { t, i18n } = useTranslation();
  const http = useApi();
  const session = useSession();
  const sessions = useQuery(accountQueries.sessions(http));
  const revoke = useInvalidatingMutation(
    (id: number) => accountCalls.revokeSession(http, id),
    [accountKeys.sessions()],
  );
  const logOutAll = useInvalidatingMutation(() => accountCalls.logOutAll(http), [], {
    onSuccess: () => session.signOut(),
  });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className={styles.card} aria-labelledby="sessions">
      <h2 id="sessions">{t('sessions.title')}</h2>
      {revoke.error !== null && <ErrorState error={revoke.error} />}
      <QueryView query={sessions}>
        {(rows) => (
          <ul className={styles.list}>
            {rows.map((row) => {
              const device = row.user_agent ?? t('sessions.unknownDevice');
              return (
                <li key={row.id} className={styles.row}>
                  <span>{device}</span>
                  <span className={styles.muted}>
                    {t('sessions.lastUsed')}: {date.format(new Date(row.last_used_at))}
                  </span>
                  {row.current ? (
                    <strong>{t('sessions.current')}</strong>
                  ) : (
                    <Button
                      variant="secondary"
                      aria-label={t('sessions.revokeLabel', { device })}
                      onPress={() => revoke.mutate(row.id)}
                    >
                      {t('sessions.revoke')}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </QueryView>
      <Button variant="danger" onPress={() => logOutAll.mutate(undefined)} isDisabled={logOutAll.isPending}>
        {t('sessions.logoutAll')}
      </Button>
    </section>
  );
}
