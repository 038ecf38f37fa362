import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '@shared/api/api-context';
import { examQueries, type ExamKind } from '@shared/api/exams';
import styles from '@shared/ui/page.module.css';
import { Empty, QueryView } from '@shared/ui/states';

export function AttemptsPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('history.title')}</h1>
      <AttemptTable kind="level" title={t('history.level')} />
      <AttemptTable kind="rank-final" title={t('history.rankFinal')} />
    </>
  );
}

function AttemptTable({ kind, title }: { kind: ExamKind; title: string }) {
  const { t, i18n } = useTranslation();
  const attempts = useQuery(examQueries.attempts(useApi(), kind));
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className={styles.card} aria-labelledby={`attempts-${kind}`}>
      <h2 id={`attempts-${kind}`}>{title}</h2>
      <QueryView query={attempts}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('history.empty')}</Empty>
          ) : (
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col">{t('history.attempt')}</th>
                    <th scope="col">{t('history.started')}</th>
                    <th scope="col">{t('history.score')}</th>
                    <th scope="col">{t('history.result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.attempt_id}>
                      <td>{row.attempt_no}</td>
                      <td>{date.format(new Date(row.created_at))}</td>
                      <td>{row.score_total === null ? '—' : `${row.score_total} / ${row.total_q}`}</td>
                      <td>
                        {row.submitted_at === null
                          ? t('history.open')
                          : t(row.passed ? 'history.passed' : 'history.failed')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </section>
  );
}
