import type { AttemptSummary } from '@contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import styles from '@shared/ui/page.module.css';
import { Empty } from '@shared/ui/states';

export function AttemptsTable({ caption, attempts }: { caption: string; attempts: readonly AttemptSummary[] }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (attempts.length === 0)
    return (
      <>
        <h3>{caption}</h3>
        <Empty>{t('admin.approvals.noAttempts')}</Empty>
      </>
    );
  return (
    <div className={styles.tableWrap}>
      <h3 id={headingId}>{caption}</h3>
      <table className={styles.table} aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{t('admin.attempts.no')}</th>
            <th scope="col">{t('admin.attempts.submitted')}</th>
            <th scope="col">{t('admin.attempts.score')}</th>
            <th scope="col">{t('admin.attempts.result')}</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.attempt_id}>
              <td>{a.attempt_no}</td>
              <td>{a.submitted_at === null ? '—' : date.format(new Date(a.submitted_at))}</td>
              <td>
                {t('admin.attempts.scoreOf', { score: a.score_total ?? 0, total: a.total_q, pass: a.pass_score })}
              </td>
              <td>{a.passed ? t('admin.attempts.passed') : t('admin.attempts.failed')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
