import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '@shared/api/api-context';
import { approvalCalls, approvalKeys, approvalQueries } from '@shared/api/approvals';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { progressKeys } from '@shared/api/progress';
import { Button } from '@shared/ui/button';
import styles from '@shared/ui/page.module.css';
import { Empty, ErrorState, Notice, QueryView } from '@shared/ui/states';

export function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const http = useApi();
  const approvals = useQuery(approvalQueries.mine(http));
  const resubmit = useInvalidatingMutation(
    (requestId: number) => approvalCalls.resubmit(http, requestId),
    [approvalKeys.all, progressKeys.all],
  );
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const hasPending = approvals.data?.some((a) => a.status === 'pending') ?? false;
  return (
    <>
      <h1>{t('approvals.title')}</h1>
      {resubmit.isSuccess && <Notice>{t('approvals.resubmitted')}</Notice>}
      {resubmit.error !== null && <ErrorState error={resubmit.error} />}
      <QueryView query={approvals}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('approvals.empty')}</Empty>
          ) : (
            <ul className={styles.list}>
              {rows.map((row, i) => (
                <li key={row.request_id} className={styles.card}>
                  <h2>
                    {t(`approvals.type.${row.type}`)} — {t(`approvals.status.${row.status}`)}
                  </h2>
                  <p className={styles.muted}>
                    {t('approvals.created', { at: date.format(new Date(row.created_at)) })}
                    {row.decided_at !== null &&
                      ` · ${t('approvals.decided', { at: date.format(new Date(row.decided_at)) })}`}
                  </p>
                  {row.comment !== null && <p>{t('approvals.comment', { comment: row.comment })}</p>}
                  {row.status === 'rejected' && i === 0 && !hasPending && (
                    <Button onPress={() => resubmit.mutate(row.request_id)} isDisabled={resubmit.isPending}>
                      {t('approvals.resubmit')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </>
  );
}
