import type { ModuleWeakness } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '@shared/api/api-context';
import { progressQueries } from '@shared/api/progress';
import styles from '@shared/ui/page.module.css';
import { Empty, QueryView } from '@shared/ui/states';

/** The 90 % interval the API adds to each module under `error_rate`; absent from older servers. */
type Interval = { readonly low: number; readonly high: number };
const intervalOf = (module: ModuleWeakness): Interval | null =>
  (module as ModuleWeakness & { interval?: Interval | null }).interval ?? null;

const ROW = 36;
const LABEL = 190;
const WIDTH = 560;

/** A plain SVG bar per module (weakest first) with the interval as a whisker; the same data as text. */
export function WeaknessChart() {
  const { t } = useTranslation();
  const weakness = useQuery(progressQueries.weakness(useApi()));
  return (
    <section className={styles.card} aria-labelledby="weakness">
      <h2 id="weakness">{t('weakness.title')}</h2>
      <QueryView query={weakness}>
        {(profile) => {
          if (profile.modules.every((m) => m.total === 0)) return <Empty>{t('weakness.empty')}</Empty>;
          const max = profile.metric === 'error_rate' ? 1 : Math.max(1, ...profile.modules.map((m) => m.weakness));
          const scale = (value: number) => ((WIDTH - LABEL - 20) * value) / max;
          const hasIntervals = profile.modules.some((m) => intervalOf(m) !== null);
          const format = (value: number) => (profile.metric === 'error_rate' ? value.toFixed(2) : String(value));
          return (
            <>
              <p className={styles.muted}>
                {t('weakness.caption', { metric: t(`weakness.metric.${profile.metric}`) })}{' '}
                {hasIntervals && t('weakness.intervalNote')}
              </p>
              <svg
                viewBox={`0 0 ${WIDTH} ${profile.modules.length * ROW}`}
                width="100%"
                role="img"
                aria-labelledby="weakness"
                style={{ maxWidth: WIDTH }}
              >
                {profile.modules.map((module, i) => {
                  const y = i * ROW;
                  const interval = intervalOf(module);
                  return (
                    <g key={module.module_id} aria-hidden="true">
                      <text x={0} y={y + 22} fontSize="14" fill="var(--color-text)">
                        {module.module_name}
                      </text>
                      <rect
                        x={LABEL}
                        y={y + 8}
                        height={20}
                        width={scale(module.weakness)}
                        fill="var(--color-chart-bar)"
                      />
                      {interval !== null && (
                        <g stroke="var(--color-chart-interval)" strokeWidth={2}>
                          <line
                            x1={LABEL + scale(interval.low)}
                            x2={LABEL + scale(interval.high)}
                            y1={y + 18}
                            y2={y + 18}
                          />
                          <line
                            x1={LABEL + scale(interval.low)}
                            x2={LABEL + scale(interval.low)}
                            y1={y + 10}
                            y2={y + 26}
                          />
                          <line
                            x1={LABEL + scale(interval.high)}
                            x2={LABEL + scale(interval.high)}
                            y1={y + 10}
                            y2={y + 26}
                          />
                        </g>
                      )}
                    </g>
                  );
                })}
              </svg>
              <ul className="visually-hidden">
                {profile.modules.map((module) => {
                  const interval = intervalOf(module);
                  const values = {
                    module: module.module_name,
                    value: format(module.weakness),
                    correct: module.correct,
                    total: module.total,
                  };
                  return (
                    <li key={module.module_id}>
                      {interval === null
                        ? t('weakness.row', values)
                        : t('weakness.rowInterval', {
                            ...values,
                            low: format(interval.low),
                            high: format(interval.high),
                          })}
                    </li>
                  );
                })}
              </ul>
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
