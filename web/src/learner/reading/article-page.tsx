import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '@shared/api/api-context';
import { contentCalls, contentKeys, contentQueries } from '@shared/api/content';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { progressKeys } from '@shared/api/progress';
import { Button } from '@shared/ui/button';
import { MarkdownView } from '@shared/ui/markdown-view';
import styles from '@shared/ui/page.module.css';
import { ErrorState, Notice, QueryView } from '@shared/ui/states';

/** An assigned article: markdown rendered without raw HTML; mark read (optional) or the minitest (required). */
export function ArticlePage() {
  const { t } = useTranslation();
  const http = useApi();
  const articleId = Number(useParams().articleId);
  const article = useQuery(contentQueries.article(http, articleId));
  const mine = useQuery(contentQueries.mine(http));
  const assignment = mine.data?.find((a) => a.article_id === articleId);
  const markRead = useInvalidatingMutation(
    () => contentCalls.markRead(http, articleId),
    [contentKeys.mine(), progressKeys.all],
  );
  return (
    <>
      <p>
        <Link to="/reading">{t('article.toList')}</Link>
      </p>
      <QueryView query={article}>
        {(a) => (
          <article className={styles.card}>
            <h1>{a.title}</h1>
            <MarkdownView source={a.body} />
            {a.kind === 'optional' ? (
              assignment?.is_read === true ? (
                <Notice>{t('article.isRead')}</Notice>
              ) : (
                <>
                  {markRead.error !== null && <ErrorState error={markRead.error} />}
                  <Button onPress={() => markRead.mutate(undefined)} isDisabled={markRead.isPending}>
                    {t('article.markRead')}
                  </Button>
                </>
              )
            ) : assignment?.minitest_passed === true ? (
              <Notice>{t('article.minitestPassed')}</Notice>
            ) : (
              <Link className={styles.linkButton} to={`/reading/${a.id}/minitest`}>
                {t('article.takeMinitest')}
              </Link>
            )}
          </article>
        )}
      </QueryView>
    </>
  );
}
