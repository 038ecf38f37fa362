import { notFound } from '../../domain/shared/domain-error.js';
import type { Transactor } from '../ports/transactor.port.js';
import { keysetPage, type KeysetPage } from '../shared/keyset-page.js';
import type { AttemptSummary, ExamAttempts } from '../exams/exams.ports.js';
import type { ApprovalListItem, ApprovalListQuery, ApprovalRequests } from './approvals.ports.js';

export type ApprovalPage = KeysetPage<ApprovalListItem>;

/** GET /admin/approvals: filtered, ordered, keyset-paged (stable under concurrent inserts). */
export const listApprovals =
  (deps: { transactor: Transactor; approvals: ApprovalRequests }) =>
  (query: ApprovalListQuery): Promise<ApprovalPage> =>
    keysetPage(
      query.limit,
      (limitPlusOne) => deps.transactor.read((db) => deps.approvals.list(db, { ...query, limit: limitPlusOne })),
      (item) => item.requestId,
    );

export interface ApprovalDetail {
  readonly item: ApprovalListItem;
  readonly levelExamAttempts: AttemptSummary[];
  readonly rankFinalAttempts: AttemptSummary[];
}

/** GET /admin/approvals/{id}: the request and what the learner did on the from-stage. */
export const getApproval =
  (deps: { transactor: Transactor; approvals: ApprovalRequests; levelExams: ExamAttempts; rankFinals: ExamAttempts }) =>
  async (requestId: number): Promise<ApprovalDetail> =>
    deps.transactor.snapshot(async (db) => {
      const item = await deps.approvals.find(db, requestId);
      if (item === undefined) throw notFound('Approval request');
      const [levelExamAttempts, rankFinalAttempts] = await Promise.all([
        deps.levelExams.listOnStage(db, item.userId, item.fromStageId),
        deps.rankFinals.listOnStage(db, item.userId, item.fromStageId),
      ]);
      return { item, levelExamAttempts, rankFinalAttempts };
    });
