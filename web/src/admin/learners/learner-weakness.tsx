import type { AdminLearnerDetail } from '@contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ModuleStats } from '@shared/ui/module-stats';
import styles from '@shared/ui/page.module.css';
import { Empty } from '@shared/ui/states';

/**
 * Where the learner is weak, as the platform first measured it: the diagnostika's result per module. Each
 * exam's own snapshot of the weakness profile is shown with the exam's assembly.
 */
export function LearnerWeakness({ diagnostika }: { diagnostika: AdminLearnerDetail['diagnostika'] }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.learner.weakness')}</h2>
      {diagnostika === null ? (
        <Empty>{t('admin.learner.noDiagnostika')}</Empty>
      ) : diagnostika.submitted_at === null ? (
        <p>{t('admin.learner.diagnostikaOpen', { at: date.format(new Date(diagnostika.created_at)) })}</p>
      ) : (
        <>
          <p>
            {t('admin.learner.diagnostikaScore', {
              at: date.format(new Date(diagnostika.submitted_at)),
              score: diagnostika.score_total ?? 0,
              total: diagnostika.total_q,
            })}
          </p>
          <ModuleStats
            stats={diagnostika.module_stats}
            moduleName={(id) => diagnostika.module_stats.find((stat) => stat.module_id === id)?.module_name}
          />
        </>
      )}
    </section>
  );
}
