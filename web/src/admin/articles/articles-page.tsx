import type { ArticleKind } from '@contract';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adminCatalogQueries } from '@shared/api/admin-catalog';
import { useApi } from '@shared/api/api-context';
import { Button } from '@shared/ui/button';
import styles from '@shared/ui/page.module.css';
import { SelectField } from '@shared/ui/select-field';
import { Empty, ErrorState, Loading } from '@shared/ui/states';
import { adminArticleQueries, type ArticleFilters } from './articles.api';

const KINDS = ['required', 'optional'] as const;

/** Every article, filtered by track, module and kind, page by page; a new one from here. */
export function ArticlesPage() {
  const { t } = useTranslation();
  const http = useApi();
  const [filters, setFilters] = useState<ArticleFilters>({});
  const tracks = useQuery(adminCatalogQueries.tracks(http));
  const list = useInfiniteQuery(adminArticleQueries.list(http, filters));
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const modules = (tracks.data ?? []).flatMap((track) => track.modules);
  const moduleName = (id: number) => modules.find((m) => m.id === id)?.name ?? `#${id}`;
  const track = tracks.data?.find((tr) => tr.id === filters.track_id);
  return (
    <>
      <h1>{t('admin.articles.title')}</h1>
      <p>
        <Link className={styles.linkButton} to="/admin/articles/new">
          {t('admin.articles.new')}
        </Link>
      </p>
      <div className={styles.row}>
        <SelectField
          label={t('admin.articles.track')}
          value={filters.track_id === undefined ? '' : String(filters.track_id)}
          placeholder={t('admin.filter.all')}
          options={(tracks.data ?? []).map((tr) => ({ value: String(tr.id), label: tr.name }))}
          onChange={(v) => setFilters({ kind: filters.kind, ...(v === '' ? {} : { track_id: Number(v) }) })}
        />
        <SelectField
          label={t('admin.articles.module')}
          value={filters.module_id === undefined ? '' : String(filters.module_id)}
          placeholder={t('admin.filter.all')}
          options={(track?.modules ?? modules).map((m) => ({ value: String(m.id), label: m.name }))}
          onChange={(v) => {
            const { module_id: _, ...rest } = filters;
            setFilters(v === '' ? rest : { ...rest, module_id: Number(v) });
          }}
        />
        <SelectField
          label={t('admin.articles.kind')}
          value={filters.kind ?? ''}
          placeholder={t('admin.filter.all')}
          options={KINDS.map((k) => ({ value: k, label: t(`admin.articles.kindOf.${k}`) }))}
          onChange={(v) => {
            const { kind: _, ...rest } = filters;
            setFilters(v === '' ? rest : { ...rest, kind: v as ArticleKind });
          }}
        />
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError && rows.length === 0 ? (
        <ErrorState error={list.error} />
      ) : rows.length === 0 ? (
        <Empty>{t('admin.articles.empty')}</Empty>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className={styles.muted}>{t('admin.articles.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.articles.titleField')}</th>
                <th scope="col">{t('admin.articles.module')}</th>
                <th scope="col">{t('admin.articles.kind')}</th>
                <th scope="col">{t('admin.minitest.title')}</th>
                <th scope="col">{t('admin.questions.state')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/admin/articles/${a.id}`}>{a.title}</Link>
                  </td>
                  <td>{moduleName(a.module_id)}</td>
                  <td>{t(`admin.articles.kindOf.${a.kind}`)}</td>
                  <td>
                    {a.kind === 'optional'
                      ? '—'
                      : a.minitest_question_ids.length === 0
                        ? t('admin.minitest.notSetShort')
                        : t('admin.minitest.set')}
                  </td>
                  <td>{a.is_active ? t('admin.questions.active') : t('admin.questions.inactive')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.isError && rows.length > 0 && <ErrorState error={list.error} />}
      {list.hasNextPage && (
        <Button variant="secondary" onPress={() => void list.fetchNextPage()} isDisabled={list.isFetchingNextPage}>
          {t('admin.articles.more')}
        </Button>
      )}
    </>
  );
}
