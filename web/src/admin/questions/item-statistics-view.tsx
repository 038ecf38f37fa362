import type { ItemStatistics } from '@contract';
import { useTranslation } from 'react-i18next';
import styles from '@shared/ui/page.module.css';
import local from './questions.module.css';

/**
 * A question's item analysis (docs/product.md, "Item statistics"): its responses, facility and discrimination,
 * every flag with what it means, and per option how many chose it and how well those learners did elsewhere.
 * `optionText` names an option by its id when the caller has the texts.
 */
export function ItemStatisticsView({
  statistics,
  caption,
  optionText,
}: {
  statistics: ItemStatistics;
  caption: string;
  optionText?: (optionId: number) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const share = (value: number | null) => (value === null ? '—' : percent.format(value));
  return (
    <>
      <dl className={local.figures}>
        <div>
          <dt>{t('admin.stats.responses')}</dt>
          <dd>{statistics.responses}</dd>
        </div>
        <div>
          <dt>{t('admin.stats.facility')}</dt>
          <dd>{share(statistics.facility)}</dd>
        </div>
        <div>
          <dt>{t('admin.stats.discrimination')}</dt>
          <dd>
            {statistics.discrimination === null
              ? t('admin.stats.notComputed')
              : decimal.format(statistics.discrimination)}
          </dd>
        </div>
      </dl>
      {statistics.flags.length === 0 ? (
        <p className={styles.muted}>{t('admin.stats.noFlags')}</p>
      ) : (
        <ul className={local.flags} aria-label={t('admin.stats.flags')}>
          {statistics.flags.map((flag) => (
            <li key={flag} className={local.flag}>
              <strong>{t(`admin.stats.flag.${flag}`)}</strong> {t(`admin.stats.flagWhy.${flag}`)}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.tableWrap}>
        <table className={`${styles.table} ${local.compact}`}>
          <caption className={styles.muted}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.stats.option')}</th>
              <th scope="col">{t('admin.stats.chosen')}</th>
              <th scope="col">{t('admin.stats.share')}</th>
              <th scope="col">{t('admin.stats.meanRest')}</th>
            </tr>
          </thead>
          <tbody>
            {statistics.options.map((option) => (
              <tr key={option.option_id}>
                <th scope="row">
                  {t('admin.questions.option', { pos: option.pos })}
                  {optionText?.(option.option_id) !== undefined && `: ${optionText(option.option_id)}`}
                  {option.is_correct && ` (${t('admin.stats.key')})`}
                </th>
                <td>{option.chosen}</td>
                <td>{share(option.chosen_share)}</td>
                <td>{share(option.mean_rest_score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
