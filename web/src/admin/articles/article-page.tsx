import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { adminCatalogQueries } from '@shared/api/admin-catalog';
import { useApi } from '@shared/api/api-context';
import styles from '@shared/ui/page.module.css';
import { stageName } from '@shared/ui/stage-name';
import { QueryView } from '@shared/ui/states';
import { ArticleEditForm } from './article-edit-form';
import { adminArticleQueries } from './articles.api';
import { MinitestEditor } from './minitest-editor';

/** One article: where it sits (fixed), its text with a live preview, and its minitest when it is required. */
export function ArticlePage() {
  const { t } = useTranslation();
  const http = useApi();
  const articleId = Number(useParams().articleId);
  const article = useQuery(adminArticleQueries.article(http, articleId));
  const track = useQuery({
    ...adminCatalogQueries.track(http, article.data?.track_id ?? 0),
    enabled: article.data !== undefined,
  });
  return (
    <>
      <p>
        <Link to="/admin/articles">{t('admin.articles.backToList')}</Link>
      </p>
      <QueryView query={article}>
        {(a) => {
          const module = track.data?.modules.find((m) => m.id === a.module_id);
          const stage = track.data?.stages.find((s) => s.id === a.stage_id);
          return (
            <>
              <h1>{a.title}</h1>
              <p className={styles.muted}>
                {t('admin.articles.placement', {
                  track: track.data?.name ?? '…',
                  module: module?.name ?? '…',
                  stage: stage === undefined ? '…' : stageName(t, stage),
                  kind: t(`admin.articles.kindOf.${a.kind}`),
                })}
                {a.is_active ? '' : ` · ${t('admin.articles.inactive')}`}
              </p>
              <section className={styles.card} aria-labelledby="article-text">
                <h2 id="article-text">{t('admin.articles.edit')}</h2>
                <ArticleEditForm article={a} />
              </section>
              {a.kind === 'required' && (
                <section className={styles.card} aria-labelledby="article-minitest">
                  <h2 id="article-minitest">{t('admin.minitest.title')}</h2>
                  {a.minitest_question_ids.length === 0 && <p>{t('admin.minitest.notSet')}</p>}
                  <MinitestEditor article={a} />
                </section>
              )}
            </>
          );
        }}
      </QueryView>
    </>
  );
}
