import type { AdminListAuditLogData, AdminListAuditLogResponses } from '@contract';
import type { HttpClient } from '@shared/api/http-client';
import { infiniteQueryOptions } from '@tanstack/react-query';

export type AuditFilters = Pick<NonNullable<AdminListAuditLogData['query']>, 'entity_type' | 'entity_id' | 'admin_id'>;
export type EntityType = NonNullable<AuditFilters['entity_type']>;

export const adminAuditKeys = {
  all: ['admin-audit'] as const,
  log: (filters: AuditFilters) => [...adminAuditKeys.all, 'log', filters] as const,
};

const PAGE_SIZE = 20;

export const adminAuditQueries = {
  /** The log, newest first, page by page over `next_cursor`. */
  log: (http: HttpClient, filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: adminAuditKeys.log(filters),
      initialPageParam: undefined as string | undefined,
      queryFn: ({ pageParam }) =>
        http.call<AdminListAuditLogData, AdminListAuditLogResponses>('GET', {
          url: '/admin/audit-log',
          query: { ...filters, limit: PAGE_SIZE, ...(pageParam === undefined ? {} : { cursor: pageParam }) },
        }),
      getNextPageParam: (page) => page.next_cursor ?? undefined,
    }),
};
