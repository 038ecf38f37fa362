import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '@shared/api/api-context';
import { progressQueries } from '@shared/api/progress';
import styles from '@shared/ui/page.module.css';
import { QueryView } from '@shared/ui/states';
import { Ladder } from './ladder';
import { NextStep } from './next-step';
import { useStageName } from './stage-name';
import { WeaknessChart } from './weakness-chart';

export function DashboardPage() {
  const { t } = useTranslation();
  const http = useApi();
  const stage = useQuery(progressQueries.currentStage(http));
  const stageName = useStageName();
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <QueryView query={stage}>
        {(current) => (
          <>
            <section className={styles.card} aria-labelledby="current-stage">
              <p className={styles.muted}>{t('dashboard.track', { name: current.track_name })}</p>
              <h2 id="current-stage">
                {t('dashboard.current', { stage: stageName(current), status: t(`status.${current.status}`) })}
              </h2>
              <NextStep status={current.status} />
            </section>
            <Ladder trackId={current.track_id} currentStageId={current.stage_id} />
          </>
        )}
      </QueryView>
      <WeaknessChart />
    </>
  );
}
