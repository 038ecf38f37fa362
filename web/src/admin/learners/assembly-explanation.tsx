import type { ExamAssembly } from '@contract';
import { useTranslation } from 'react-i18next';
import styles from '@shared/ui/page.module.css';
import { ScrollRegion } from '@shared/ui/scroll-region';
import classes from './learners.module.css';

/**
 * Why an exam had the questions it had (docs/product.md, "Exam assembly"): the weakness profile it was built
 * from and how many questions each module got, and why. Folded by default: one per attempt.
 */
export function AssemblyExplanation({
  attemptNo,
  exam,
  assembly,
  moduleName,
}: {
  attemptNo: number;
  exam: string;
  assembly: ExamAssembly | null;
  moduleName: (moduleId: number) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  // A count of errors under the `errors` metric, a smoothed error rate under `error_rate` (docs/product.md).
  const weakness = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const name = (id: number) => moduleName(id) ?? t('module.fallback', { id });
  if (assembly === null) return <p className={styles.muted}>{t('admin.assembly.none', { no: attemptNo })}</p>;
  const { parameters } = assembly;
  return (
    <details className={classes.assembly}>
      <summary>{t('admin.assembly.title', { no: attemptNo, exam })}</summary>
      <p>
        {t('admin.assembly.parameters', {
          total: parameters.total_q,
          k: parameters.k,
          min: parameters.min_per_module,
          max: parameters.max_per_module,
          seed: assembly.seed,
          version: assembly.settings_version_id,
        })}
      </p>
      <ScrollRegion label={t('admin.assembly.weakness')}>
        <table className={styles.table}>
          <caption>{t('admin.assembly.weakness')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.assembly.rank')}</th>
              <th scope="col">{t('admin.assembly.module')}</th>
              <th scope="col">{t('admin.assembly.correct')}</th>
              <th scope="col">{t('admin.assembly.weaknessCol')}</th>
            </tr>
          </thead>
          <tbody>
            {assembly.weakness.map((row) => (
              <tr key={row.module_id}>
                <td>{row.rank}</td>
                <td>{name(row.module_id)}</td>
                <td>{t('stats.row', { correct: row.correct, total: row.total })}</td>
                <td>{weakness.format(row.weakness)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ScrollRegion label={t('admin.assembly.allocation')}>
        <table className={styles.table}>
          <caption>{t('admin.assembly.allocation')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.assembly.module')}</th>
              <th scope="col">{t('admin.assembly.count')}</th>
              <th scope="col">{t('admin.assembly.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {assembly.allocation.map((row) => (
              <tr key={row.module_id}>
                <td>{name(row.module_id)}</td>
                <td>{row.count}</td>
                <td>{t(`admin.assembly.reason.${row.reason}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
