import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '@shared/api/api-context';
import { contentCalls, contentKeys, contentQueries } from '@shared/api/content';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { progressKeys } from '@shared/api/progress';
import { Button } from '@shared/ui/button';
import styles from '@shared/ui/page.module.css';
import { Empty, ErrorState, QueryView } from '@shared/ui/states';

export function ReadingListPage() {
  const { t } = useTranslation();
  const http = useApi();
  const mine = useQuery(contentQueries.mine(http));
  const assign = useInvalidatingMutation(() => contentCalls.assign(http), [contentKeys.all, progressKeys.all]);
  return (
    <>
      <h1>{t('reading.title')}</h1>
      <QueryView query={mine}>
        {(articles) =>
          articles.length === 0 ? (
            <section className={styles.card}>
              <Empty>{t('reading.empty')}</Empty>
              {assign.error !== null && <ErrorState error={assign.error} />}
              {assign.error?.code === 'diagnostika_required' && (
                <p>
                  <Link to="/diagnostika">{t('reading.needDiagnostika')}</Link>
                </p>
              )}
              <Button onPress={() => assign.mutate(undefined)} isDisabled={assign.isPending}>
                {t('reading.assign')}
              </Button>
            </section>
          ) : (
            <ul className={styles.list}>
              {articles.map((article) => (
                <li key={article.article_id} className={styles.card}>
                  <Link to={`/reading/${article.article_id}`}>{article.title}</Link>
                  <p className={styles.muted}>
                    {article.module_name} · {t(article.kind === 'required' ? 'reading.required' : 'reading.optional')} ·{' '}
                    {article.kind === 'required'
                      ? t(article.minitest_passed ? 'reading.passed' : 'reading.notPassed')
                      : t(article.is_read ? 'reading.read' : 'reading.unread')}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </>
  );
}
