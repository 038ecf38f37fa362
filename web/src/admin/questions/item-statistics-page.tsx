import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '@shared/api/api-context';
import { CheckboxField } from '@shared/ui/checkbox-field';
import styles from '@shared/ui/page.module.css';
import { Empty, QueryView } from '@shared/ui/states';
import { ItemStatisticsView } from './item-statistics-view';
import { ModuleHeading } from './module-heading';
import { adminQuestionQueries } from './questions.api';

/** A module's item-analysis report: flagged questions first (the server's order), optionally only those. */
export function ItemStatisticsPage() {
  const { t, i18n } = useTranslation();
  const http = useApi();
  const params = useParams();
  const trackId = Number(params.trackId);
  const moduleId = Number(params.moduleId);
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const report = useQuery(adminQuestionQueries.itemStatistics(http, moduleId, flaggedOnly));
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <ModuleHeading trackId={trackId} moduleId={moduleId} title="statistics" />
      <p className={styles.muted}>{t('admin.stats.intro')}</p>
      <CheckboxField isSelected={flaggedOnly} onChange={setFlaggedOnly}>
        {t('admin.stats.flaggedOnly')}
      </CheckboxField>
      <QueryView query={report}>
        {(data) => (
          <>
            <p className={styles.muted}>
              {t('admin.stats.computedAt', { at: date.format(new Date(data.computed_at)) })}
            </p>
            {data.items.length === 0 ? (
              <Empty>{flaggedOnly ? t('admin.stats.noneFlagged') : t('admin.stats.noQuestions')}</Empty>
            ) : (
              data.items.map((item) => (
                <section key={item.question_id} className={styles.card} aria-labelledby={`item-${item.question_id}`}>
                  <h2 id={`item-${item.question_id}`}>
                    <Link to={`/admin/questions/${item.question_id}`}>{item.text}</Link>
                  </h2>
                  {!item.is_active && <p className={styles.muted}>{t('admin.questions.inactive')}</p>}
                  <ItemStatisticsView
                    statistics={item}
                    caption={t('admin.stats.optionsCaptionOf', { id: item.question_id })}
                  />
                </section>
              ))
            )}
          </>
        )}
      </QueryView>
    </>
  );
}
