import type { ImportSummary as Summary } from '@contract';
import { useTranslation } from 'react-i18next';
import styles from '@shared/ui/page.module.css';
import { ScrollRegion } from '@shared/ui/scroll-region';
import { Notice } from '@shared/ui/states';

const KINDS = ['tracks', 'modules', 'questions', 'articles', 'minitests'] as const;

/** What an import created and what was already there, per kind of content. */
export function ImportSummary({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  return (
    <>
      <Notice>{t('admin.import.done', { id: summary.track_id })}</Notice>
      <ScrollRegion label={t('admin.import.summaryCaption')}>
        <table className={styles.table}>
          <caption className={styles.muted}>{t('admin.import.summaryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.import.kind')}</th>
              <th scope="col">{t('admin.import.created')}</th>
              <th scope="col">{t('admin.import.unchanged')}</th>
            </tr>
          </thead>
          <tbody>
            {KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row">{t(`admin.import.count.${kind}`)}</th>
                <td>{summary.created[kind]}</td>
                <td>{summary.unchanged[kind]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
