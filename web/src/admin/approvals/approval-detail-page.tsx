import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '@shared/api/api-context';
import styles from '@shared/ui/page.module.css';
import { QueryView } from '@shared/ui/states';
import { adminApprovalQueries } from './approvals.api';
import { AttemptsTable } from './attempts-table';
import { DecisionForms } from './decision-forms';
import { stageLabel } from './stage-label';

/** One request: who asks for what, their exam attempts on the stage, and (while pending) the decision. */
export function ApprovalDetailPage() {
  const { t, i18n } = useTranslation();
  const http = useApi();
  const requestId = Number(useParams().requestId);
  const approval = useQuery(adminApprovalQueries.detail(http, requestId));
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <p>
        <Link to="/admin/approvals">{t('admin.approvals.back')}</Link>
      </p>
      <QueryView query={approval}>
        {(a) => (
          <>
            <h1>
              {t('admin.approvals.detailTitle', { name: a.user.full_name })} — {t(`approvals.status.${a.status}`)}
            </h1>
            <section className={styles.card}>
              <p>
                {t(`approvals.type.${a.type}`)}: {stageLabel(t, a.from_stage)} → {stageLabel(t, a.to_stage)}
              </p>
              <p className={styles.muted}>
                {a.user.email} · {t('approvals.created', { at: date.format(new Date(a.created_at)) })}
                {a.decided_at !== null && ` · ${t('approvals.decided', { at: date.format(new Date(a.decided_at)) })}`}
              </p>
              {a.comment !== null && <p>{t('approvals.comment', { comment: a.comment })}</p>}
            </section>
            <section className={styles.card}>
              <h2>{t('admin.approvals.attempts')}</h2>
              <AttemptsTable caption={t('admin.approvals.levelAttempts')} attempts={a.level_exam_attempts} />
              {a.rank_final_attempts.length > 0 && (
                <AttemptsTable caption={t('admin.approvals.finalAttempts')} attempts={a.rank_final_attempts} />
              )}
            </section>
            {a.status === 'pending' && (
              <section className={styles.card}>
                <DecisionForms requestId={a.request_id} />
              </section>
            )}
          </>
        )}
      </QueryView>
    </>
  );
}
