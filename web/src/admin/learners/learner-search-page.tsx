import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '@shared/api/api-context';
import { Button } from '@shared/ui/button';
import { FilterSelect } from '@shared/ui/filter-select';
import styles from '@shared/ui/page.module.css';
import { ScrollRegion } from '@shared/ui/scroll-region';
import { Empty, ErrorState, Loading } from '@shared/ui/states';
import { TextField } from '@shared/ui/text-field';
import { adminLearnerQueries, type LearnerFilters } from './learners.api';
import { currentStageText } from './stage-name';

/**
 * Learner search: text in the email or name, one track, in sign-up order, a page at a time. The search
 * lives in the URL, so going back from a learner's page returns to the same results.
 */
export function LearnerSearchPage() {
  const { t, i18n } = useTranslation();
  const http = useApi();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const [text, setText] = useState(filters.q ?? '');
  const tracks = useQuery(adminLearnerQueries.tracks(http));
  const learners = useInfiniteQuery(adminLearnerQueries.search(http, filters));
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const rows = learners.data?.pages.flatMap((page) => page.items) ?? [];
  const search = (next: LearnerFilters) =>
    setParams(
      Object.fromEntries(
        Object.entries({ q: next.q?.trim(), track: next.track_id?.toString() }).filter(
          (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
        ),
      ),
    );
  return (
    <>
      <h1>{t('admin.learners.title')}</h1>
      <Form
        role="search"
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          search({ ...filters, q: text });
        }}
      >
        <TextField label={t('admin.learners.search')} name="q" maxLength={200} value={text} onChange={setText} />
        <FilterSelect
          label={t('admin.learners.track')}
          value={filters.track_id?.toString()}
          options={(tracks.data ?? []).map((track) => ({ value: String(track.id), label: track.name }))}
          onChange={(track) => search({ ...filters, track_id: track === undefined ? undefined : Number(track) })}
        />
        <Button type="submit">{t('admin.learners.find')}</Button>
      </Form>
      {learners.isPending ? (
        <Loading />
      ) : learners.isError && rows.length === 0 ? (
        <ErrorState error={learners.error} />
      ) : rows.length === 0 ? (
        <Empty>{t('admin.learners.empty')}</Empty>
      ) : (
        <ScrollRegion label={t('admin.learners.caption')}>
          <table className={styles.table}>
            <caption className={styles.muted}>{t('admin.learners.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.learners.name')}</th>
                <th scope="col">{t('admin.learners.track')}</th>
                <th scope="col">{t('admin.learners.stage')}</th>
                <th scope="col">{t('admin.learners.account')}</th>
                <th scope="col">{t('admin.learners.joined')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((learner) => (
                <tr key={learner.id}>
                  <td>
                    <Link to={`/admin/learners/${learner.id}`}>{learner.full_name}</Link>
                    <br />
                    <span className={styles.muted}>{learner.email}</span>
                  </td>
                  <td>{learner.track_name}</td>
                  <td>{currentStageText(t, learner)}</td>
                  <td>{learner.is_active ? t('admin.learners.active') : t('admin.learners.inactive')}</td>
                  <td>{date.format(new Date(learner.created_at))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {learners.isError && rows.length > 0 && <ErrorState error={learners.error} />}
      {learners.hasNextPage && (
        <Button
          variant="secondary"
          onPress={() => void learners.fetchNextPage()}
          isDisabled={learners.isFetchingNextPage}
        >
          {t('admin.learners.more')}
        </Button>
      )}
    </>
  );
}

function filtersOf(params: URLSearchParams): LearnerFilters {
  const track = Number(params.get('track'));
  return {
    q: params.get('q') ?? undefined,
    track_id: Number.isSafeInteger(track) && track > 0 ? track : undefined,
  };
}
