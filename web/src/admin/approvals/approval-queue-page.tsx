import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '@shared/api/api-context';
import { Button } from '@shared/ui/button';
import { FilterSelect } from '@shared/ui/filter-select';
import styles from '@shared/ui/page.module.css';
import { Empty, ErrorState, Loading } from '@shared/ui/states';
import { adminApprovalQueries, type ApprovalFilters } from './approvals.api';
import { stageLabel } from './stage-label';

const STATUSES = ['pending', 'approved', 'rejected'] as const;
const TYPES = ['rank_transition', 'graduation'] as const;

/** The approval queue: filtered by status and type, oldest first, one page at a time (cursor paging). */
export function ApprovalQueuePage() {
  const { t, i18n } = useTranslation();
  const http = useApi();
  const [filters, setFilters] = useState<ApprovalFilters>({ status: 'pending' });
  const queue = useInfiniteQuery(adminApprovalQueries.queue(http, filters));
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const rows = queue.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <h1>{t('admin.approvals.title')}</h1>
      <div className={styles.row}>
        <FilterSelect
          label={t('admin.approvals.filterStatus')}
          value={filters.status}
          options={STATUSES.map((s) => ({ value: s, label: t(`approvals.status.${s}`) }))}
          onChange={(status) => setFilters({ ...filters, status })}
        />
        <FilterSelect
          label={t('admin.approvals.filterType')}
          value={filters.type}
          options={TYPES.map((type) => ({ value: type, label: t(`approvals.type.${type}`) }))}
          onChange={(type) => setFilters({ ...filters, type })}
        />
      </div>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError && rows.length === 0 ? (
        <ErrorState error={queue.error} />
      ) : rows.length === 0 ? (
        <Empty>{t('admin.approvals.empty')}</Empty>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className={styles.muted}>{t('admin.approvals.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.approvals.learner')}</th>
                <th scope="col">{t('admin.approvals.type')}</th>
                <th scope="col">{t('admin.approvals.transition')}</th>
                <th scope="col">{t('admin.approvals.status')}</th>
                <th scope="col">{t('admin.approvals.requested')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.request_id}>
                  <td>
                    <Link to={`/admin/approvals/${row.request_id}`}>{row.user.full_name}</Link>
                    <br />
                    <span className={styles.muted}>{row.user.email}</span>
                  </td>
                  <td>{t(`approvals.type.${row.type}`)}</td>
                  <td>
                    {stageLabel(t, row.from_stage)} → {stageLabel(t, row.to_stage)}
                  </td>
                  <td>{t(`approvals.status.${row.status}`)}</td>
                  <td>{date.format(new Date(row.created_at))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {queue.isError && rows.length > 0 && <ErrorState error={queue.error} />}
      {queue.hasNextPage && (
        <Button variant="secondary" onPress={() => void queue.fetchNextPage()} isDisabled={queue.isFetchingNextPage}>
          {t('admin.approvals.more')}
        </Button>
      )}
    </>
  );
}
