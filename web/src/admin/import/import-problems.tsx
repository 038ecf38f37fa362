import type { ErrorItem } from '@contract';
import { useTranslation } from 'react-i18next';
import styles from '@shared/ui/page.module.css';
import { ScrollRegion } from '@shared/ui/scroll-region';
import stateStyles from '@shared/ui/states.module.css';

/**
 * Every problem of a refused bundle, each at its place in the file: the item's JSON Pointer without the
 * request's `/body` prefix, so `/modules/0/articles/1/stage` reads as a path into the chosen file.
 */
export function ImportProblems({ problems }: { problems: readonly ErrorItem[] }) {
  const { t } = useTranslation();
  return (
    <>
      <div className={stateStyles.error} role="alert">
        <strong>{t('admin.import.problems', { count: problems.length })}</strong>
      </div>
      <ScrollRegion label={t('admin.import.problemsCaption')}>
        <table className={styles.table}>
          <caption className={styles.muted}>{t('admin.import.problemsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.import.where')}</th>
              <th scope="col">{t('admin.import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, index) => (
              <tr key={index}>
                <td>
                  {problem.path === undefined ? (
                    t('admin.import.wholeBundle')
                  ) : (
                    <code>{problem.path.replace(/^\/body(?=\/|$)/, '') || '/'}</code>
                  )}
                </td>
                <td>
                  {problem.message} <code className={styles.muted}>({problem.code})</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
