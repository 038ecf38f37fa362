import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '@shared/api/api-context';
import { progressQueries } from '@shared/api/progress';
import styles from '@shared/ui/page.module.css';
import { QueryView } from '@shared/ui/states';
import ladder from './ladder.module.css';
import { useStageName } from './stage-name';

/** The track's stages in order, each with the learner's status on it. */
export function Ladder({ trackId, currentStageId }: { trackId: number; currentStageId: number }) {
  const { t } = useTranslation();
  const http = useApi();
  const track = useQuery(progressQueries.track(http, trackId));
  const history = useQuery(progressQueries.history(http));
  const stageName = useStageName();
  return (
    <section className={styles.card} aria-labelledby="ladder">
      <h2 id="ladder">{t('dashboard.ladder')}</h2>
      <QueryView query={track}>
        {(detail) => (
          <ol className={ladder.ladder}>
            {detail.stages.map((stage) => {
              const row = history.data?.find((h) => h.stage_id === stage.id);
              const current = stage.id === currentStageId;
              return (
                <li
                  key={stage.id}
                  className={current ? ladder.current : undefined}
                  aria-current={current ? 'step' : undefined}
                >
                  <span>{stageName(stage)}</span>
                  {row !== undefined && <span className={ladder.status}>{t(`status.${row.status}`)}</span>}
                </li>
              );
            })}
          </ol>
        )}
      </QueryView>
    </section>
  );
}
