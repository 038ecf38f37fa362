import type {
  ApproveRequestData,
  ApproveRequestResponses,
  GetApprovalData,
  GetApprovalResponses,
  ListApprovalsData,
  ListApprovalsResponses,
  RejectRequestData,
  RejectRequestResponses,
} from '@contract';
import type { HttpClient } from '@shared/api/http-client';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';

export type ApprovalFilters = Pick<NonNullable<ListApprovalsData['query']>, 'status' | 'type'>;

export const adminApprovalKeys = {
  all: ['admin-approvals'] as const,
  queue: (filters: ApprovalFilters) => [...adminApprovalKeys.all, 'queue', filters] as const,
  detail: (requestId: number) => [...adminApprovalKeys.all, 'detail', requestId] as const,
};

const PAGE_SIZE = 20;

export const adminApprovalQueries = {
  /** The queue, page by page: each page's `next_cursor` fetches the next one. */
  queue: (http: HttpClient, filters: ApprovalFilters) =>
    infiniteQueryOptions({
      queryKey: adminApprovalKeys.queue(filters),
      initialPageParam: undefined as string | undefined,
      queryFn: ({ pageParam }) =>
        http.call<ListApprovalsData, ListApprovalsResponses>('GET', {
          url: '/admin/approvals',
          query: { ...filters, limit: PAGE_SIZE, ...(pageParam === undefined ? {} : { cursor: pageParam }) },
        }),
      getNextPageParam: (page) => page.next_cursor ?? undefined,
    }),
  detail: (http: HttpClient, requestId: number) =>
    queryOptions({
      queryKey: adminApprovalKeys.detail(requestId),
      queryFn: () =>
        http.call<GetApprovalData, GetApprovalResponses>('GET', {
          url: '/admin/approvals/{request_id}',
          path: { request_id: requestId },
        }),
    }),
};

export const adminApprovalCalls = {
  approve: (http: HttpClient, requestId: number, comment: string) =>
    http.call<ApproveRequestData, ApproveRequestResponses>('POST', {
      url: '/admin/approvals/{request_id}/approve',
      path: { request_id: requestId },
      body: comment.trim() === '' ? {} : { comment },
    }),
  reject: (http: HttpClient, requestId: number, comment: string) =>
    http.call<RejectRequestData, RejectRequestResponses>('POST', {
      url: '/admin/approvals/{request_id}/reject',
      path: { request_id: requestId },
      body: { comment },
    }),
};
