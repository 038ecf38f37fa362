import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '@shared/api/api-context';
import { Button } from '@shared/ui/button';
import { FilterSelect } from '@shared/ui/filter-select';
import styles from '@shared/ui/page.module.css';
import { ScrollRegion } from '@shared/ui/scroll-region';
import { Empty, ErrorState, Loading } from '@shared/ui/states';
import { adminAuditQueries, type AuditFilters, type EntityType } from './audit.api';
import { AuditEntryRow } from './audit-entry-row';
import { IdField } from './id-field';

const ENTITY_TYPES: readonly EntityType[] = ['settings_version', 'track', 'module', 'question', 'article', 'learner'];

/**
 * Who changed what, newest first, filtered by entity and administrator. The filters live in the URL, so a
 * filtered log can be reloaded, shared and returned to.
 */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const http = useApi();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const log = useInfiniteQuery(adminAuditQueries.log(http, filters));
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const rows = log.data?.pages.flatMap((page) => page.items) ?? [];
  const apply = (next: AuditFilters) =>
    setParams(
      Object.fromEntries(
        Object.entries(next).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
      ),
    );
  return (
    <>
      <h1>{t('admin.audit.title')}</h1>
      <Form
        aria-label={t('admin.audit.filters')}
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          apply(draft);
        }}
      >
        <FilterSelect
          label={t('admin.audit.entityType')}
          value={draft.entity_type}
          options={ENTITY_TYPES.map((type) => ({ value: type, label: t(`admin.audit.entity.${type}`) }))}
          onChange={(entity_type) => setDraft({ ...draft, entity_type })}
        />
        <IdField
          label={t('admin.audit.entityId')}
          value={draft.entity_id}
          onChange={(entity_id) => setDraft({ ...draft, entity_id })}
        />
        <IdField
          label={t('admin.audit.adminId')}
          value={draft.admin_id}
          onChange={(admin_id) => setDraft({ ...draft, admin_id })}
        />
        <Button type="submit">{t('admin.audit.apply')}</Button>
        <Button
          variant="secondary"
          onPress={() => {
            setDraft({});
            apply({});
          }}
        >
          {t('admin.audit.clear')}
        </Button>
      </Form>
      {log.isPending ? (
        <Loading />
      ) : log.isError && rows.length === 0 ? (
        <ErrorState error={log.error} />
      ) : rows.length === 0 ? (
        <Empty>{t('admin.audit.empty')}</Empty>
      ) : (
        <ScrollRegion label={t('admin.audit.caption')}>
          <table className={styles.table}>
            <caption className={styles.muted}>{t('admin.audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.when')}</th>
                <th scope="col">{t('admin.audit.who')}</th>
                <th scope="col">{t('admin.audit.what')}</th>
                <th scope="col">{t('admin.audit.entity')}</th>
                <th scope="col">{t('admin.audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((entry) => (
                <AuditEntryRow key={entry.id} entry={entry} date={date} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {log.isError && rows.length > 0 && <ErrorState error={log.error} />}
      {log.hasNextPage && (
        <Button variant="secondary" onPress={() => void log.fetchNextPage()} isDisabled={log.isFetchingNextPage}>
          {t('admin.audit.more')}
        </Button>
      )}
    </>
  );
}

/** The filters from the URL; a value the contract would refuse (not a type it knows, not an id) is left out. */
function filtersOf(params: URLSearchParams): AuditFilters {
  const id = (name: string) => {
    const value = Number(params.get(name));
    return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  };
  const type = ENTITY_TYPES.find((known) => known === params.get('entity_type'));
  return { entity_type: type, entity_id: id('entity_id'), admin_id: id('admin_id') };
}
