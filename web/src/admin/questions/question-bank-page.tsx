import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { adminCatalogQueries } from '@shared/api/admin-catalog';
import { useApi } from '@shared/api/api-context';
import { Button } from '@shared/ui/button';
import styles from '@shared/ui/page.module.css';
import { Empty, ErrorState, Loading } from '@shared/ui/states';
import { ModuleHeading } from './module-heading';
import { NewQuestionForm } from './new-question-form';

/** A module's question bank: every question with its state and use, page by page, and a new question. */
export function QuestionBankPage() {
  const { t } = useTranslation();
  const http = useApi();
  const params = useParams();
  const trackId = Number(params.trackId);
  const moduleId = Number(params.moduleId);
  const bank = useInfiniteQuery(adminCatalogQueries.questions(http, moduleId));
  const rows = bank.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <ModuleHeading trackId={trackId} moduleId={moduleId} title="bank" />
      <p>
        <Link to={`/admin/tracks/${trackId}/modules/${moduleId}/item-statistics`}>
          {t('admin.questions.toStatistics')}
        </Link>
      </p>
      {bank.isPending ? (
        <Loading />
      ) : bank.isError && rows.length === 0 ? (
        <ErrorState error={bank.error} />
      ) : rows.length === 0 ? (
        <Empty>{t('admin.questions.empty')}</Empty>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className={styles.muted}>{t('admin.questions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.questions.text')}</th>
                <th scope="col">{t('admin.questions.state')}</th>
                <th scope="col">{t('admin.questions.usedIn')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((question) => (
                <tr key={question.id}>
                  <td>
                    <Link to={`/admin/questions/${question.id}`}>{question.text}</Link>
                  </td>
                  <td>{question.is_active ? t('admin.questions.active') : t('admin.questions.inactive')}</td>
                  <td>
                    {t('admin.questions.usage', {
                      attempts: question.usage.diagnostika + question.usage.level_exam + question.usage.rank_final,
                      minitests: question.usage.minitests,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {bank.isError && rows.length > 0 && <ErrorState error={bank.error} />}
      {bank.hasNextPage && (
        <Button variant="secondary" onPress={() => void bank.fetchNextPage()} isDisabled={bank.isFetchingNextPage}>
          {t('admin.questions.more')}
        </Button>
      )}
      <section className={styles.card} aria-labelledby="new-question">
        <h2 id="new-question">{t('admin.questions.new')}</h2>
        <NewQuestionForm moduleId={moduleId} />
      </section>
    </>
  );
}
