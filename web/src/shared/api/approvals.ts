import type {
  ListMyApprovalsData,
  ListMyApprovalsResponses,
  ResubmitApprovalData,
  ResubmitApprovalResponses,
} from '@contract';
import { queryOptions } from '@tanstack/react-query';
import type { HttpClient } from './http-client';

export const approvalKeys = {
  all: ['approvals'] as const,
  mine: () => [...approvalKeys.all, 'mine'] as const,
};

export const approvalQueries = {
  mine: (http: HttpClient) =>
    queryOptions({
      queryKey: approvalKeys.mine(),
      queryFn: () => http.call<ListMyApprovalsData, ListMyApprovalsResponses>('GET', { url: '/approvals/my' }),
    }),
};

export const approvalCalls = {
  resubmit: (http: HttpClient, requestId: number) =>
    http.call<ResubmitApprovalData, ResubmitApprovalResponses>('POST', {
      url: '/approvals/{request_id}/resubmit',
      path: { request_id: requestId },
    }),
};
