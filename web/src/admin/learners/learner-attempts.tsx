import type { AdminLearnerDetail } from '@contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import styles from '@shared/ui/page.module.css';
import { ScrollRegion } from '@shared/ui/scroll-region';
import { Empty } from '@shared/ui/states';
import { AssemblyExplanation } from './assembly-explanation';
import { stageName } from './stage-name';

type Attempt = AdminLearnerDetail['attempts'][number];

/** Level exams and rank finals, newest first; below the table, how each attempt was assembled. */
export function LearnerAttempts({
  attempts,
  stages,
  moduleName,
}: {
  attempts: readonly Attempt[];
  stages: AdminLearnerDetail['stages'];
  moduleName: (moduleId: number) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const stageOf = (attempt: Attempt) => {
    const stage = stages.find((s) => s.stage_id === attempt.stage_id);
    return stage === undefined ? '—' : stageName(t, stage);
  };
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.learner.attempts')}</h2>
      {attempts.length === 0 ? (
        <Empty>{t('admin.learner.noAttempts')}</Empty>
      ) : (
        <>
          <ScrollRegion label={t('admin.learner.attempts')}>
            <table className={styles.table}>
              <caption className={styles.muted}>{t('admin.learner.attemptsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.learner.examCol')}</th>
                  <th scope="col">{t('admin.learner.stageCol')}</th>
                  <th scope="col">{t('admin.attempts.no')}</th>
                  <th scope="col">{t('admin.attempts.submitted')}</th>
                  <th scope="col">{t('admin.attempts.score')}</th>
                  <th scope="col">{t('admin.attempts.result')}</th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((attempt) => (
                  <tr key={`${attempt.kind}-${attempt.attempt_id}`}>
                    <td>{t(`admin.learner.kind.${attempt.kind}`)}</td>
                    <td>{stageOf(attempt)}</td>
                    <td>{attempt.attempt_no}</td>
                    <td>{attempt.submitted_at === null ? '—' : date.format(new Date(attempt.submitted_at))}</td>
                    <td>
                      {attempt.score_total === null
                        ? '—'
                        : t('admin.attempts.scoreOf', {
                            score: attempt.score_total,
                            total: attempt.total_q,
                            pass: attempt.pass_score,
                          })}
                    </td>
                    <td>
                      {attempt.submitted_at === null
                        ? t('admin.learner.open')
                        : attempt.passed
                          ? t('admin.attempts.passed')
                          : t('admin.attempts.failed')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {attempts.map((attempt) => (
            <AssemblyExplanation
              key={`${attempt.kind}-${attempt.attempt_id}`}
              attemptNo={attempt.attempt_no}
              exam={`${t(`admin.learner.kind.${attempt.kind}`)}, ${stageOf(attempt)}`}
              assembly={attempt.assembly}
              moduleName={moduleName}
            />
          ))}
        </>
      )}
    </section>
  );
}
