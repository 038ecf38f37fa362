import type { AdminLearnerDetail } from '@contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import styles from '@shared/ui/page.module.css';
import { ScrollRegion } from '@shared/ui/scroll-region';
import { Empty } from '@shared/ui/states';

/** The learner's approval requests, newest first, each linking to its page in the approval queue. */
export function LearnerApprovals({ approvals }: { approvals: AdminLearnerDetail['approvals'] }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.learner.approvals')}</h2>
      {approvals.length === 0 ? (
        <Empty>{t('admin.learner.noApprovals')}</Empty>
      ) : (
        <ScrollRegion label={t('admin.learner.approvals')}>
          <table className={styles.table} aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('admin.approvals.type')}</th>
                <th scope="col">{t('admin.approvals.status')}</th>
                <th scope="col">{t('admin.approvals.requested')}</th>
                <th scope="col">{t('admin.learner.decidedCol')}</th>
                <th scope="col">{t('admin.approvals.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {approvals.map((request) => (
                <tr key={request.request_id}>
                  <td>
                    <Link to={`/admin/approvals/${request.request_id}`}>
                      {t('admin.learner.openRequest', { id: request.request_id })}
                    </Link>
                    <br />
                    {t(`approvals.type.${request.type}`)}
                  </td>
                  <td>{t(`approvals.status.${request.status}`)}</td>
                  <td>{date.format(new Date(request.created_at))}</td>
                  <td>{request.decided_at === null ? '—' : date.format(new Date(request.decided_at))}</td>
                  <td>{request.comment ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
