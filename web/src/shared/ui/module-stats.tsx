import type { ModuleStat } from '@contract';
import { useTranslation } from 'react-i18next';
import styles from './page.module.css';

/** Per-module results of a diagnostika or exam. */
export function ModuleStats({
  stats,
  moduleName,
}: {
  stats: readonly ModuleStat[];
  moduleName: (id: number) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">{t('stats.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.module')}</th>
            <th scope="col">{t('stats.correct')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.map((stat) => (
            <tr key={stat.module_id}>
              <td>{moduleName(stat.module_id) ?? t('module.fallback', { id: stat.module_id })}</td>
              <td>{t('stats.row', { correct: stat.correct_cnt, total: stat.total_cnt })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
