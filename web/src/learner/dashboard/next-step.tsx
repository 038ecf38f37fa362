import type { CurrentStage } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '@shared/api/api-context';
import { progressQueries } from '@shared/api/progress';
import styles from '@shared/ui/page.module.css';
import { QueryView } from '@shared/ui/states';

/** What to do next, read from /progress/eligibility (and whether the diagnostika is done). */
export function NextStep({ status }: { status: CurrentStage['status'] }) {
  const { t } = useTranslation();
  const http = useApi();
  const active = status === 'active';
  const eligibility = useQuery({ ...progressQueries.eligibility(http), enabled: active });
  const weakness = useQuery({ ...progressQueries.weakness(http), enabled: active });
  // The diagnostika is the only source of evidence on the first stage: no evidence, not taken yet.
  const needsDiagnostika = weakness.data?.modules.every((module) => module.total === 0) ?? false;
  if (status === 'graduated') return <p>{t('dashboard.next.graduated')}</p>;
  if (status === 'pending_approval')
    return (
      <p>
        {t('dashboard.next.pending')} <Link to="/approvals">{t('dashboard.openApprovals')}</Link>
      </p>
    );
  return (
    <section aria-labelledby="next-step">
      <h3 id="next-step">{t('dashboard.next')}</h3>
      <QueryView query={eligibility}>
        {(e) => {
          const left = e.required_total - e.required_done + (e.optional_total - e.optional_done);
          const progress = (
            <p className={styles.muted}>
              {t('dashboard.progress', {
                requiredDone: e.required_done,
                requiredTotal: e.required_total,
                optionalDone: e.optional_done,
                optionalTotal: e.optional_total,
              })}
            </p>
          );
          if (!e.content_assigned && needsDiagnostika)
            return (
              <Step text={t('dashboard.next.diagnostika')} to="/diagnostika" label={t('dashboard.openDiagnostika')} />
            );
          if (!e.content_assigned)
            return <Step text={t('dashboard.next.assign')} to="/reading" label={t('dashboard.openReading')} />;
          if (e.level_exam_passed && e.rank_final_required && !e.rank_final_passed)
            return (
              <Step text={t('dashboard.next.rankFinal')} to="/exams/rank-final" label={t('dashboard.openRankFinal')} />
            );
          if (e.eligible)
            return (
              <>
                <Step text={t('dashboard.next.exam')} to="/exams/level" label={t('dashboard.openExam')} />
                {progress}
              </>
            );
          return (
            <>
              <Step text={t('dashboard.next.read', { count: left })} to="/reading" label={t('dashboard.openReading')} />
              {progress}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}

function Step({ text, to, label }: { text: string; to: string; label: string }) {
  return (
    <div className={styles.row}>
      <p>{text}</p>
      <Link className={styles.linkButton} to={to}>
        {label}
      </Link>
    </div>
  );
}
