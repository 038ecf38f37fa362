import { notFound } from '../../domain/shared/domain-error.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { AttemptSummary, ExamAttempts } from '../exams/exams.ports.js';
import type { ApprovalListItem, ApprovalListQuery, ApprovalRequests } from './approvals.ports.js';

export interface ApprovalPage {
  readonly items: ApprovalListItem[];
  /** The query's `afterId` for the next page, or null on the last page. */
  readonly nextAfterId: number | null;
}

/** GET /admin/approvals: filtered, ordered, keyset-paged (stable under concurrent inserts). */
export const listApprovals =
  (deps: { transactor: Transactor; approvals: ApprovalRequests }) =>
  async (query: ApprovalListQuery): Promise<ApprovalPage> => {
    // One row more than asked tells whether another page exists.
    const rows = await deps.transactor.read((db) => deps.approvals.list(db, { ...query, limit: query.limit + 1 }));
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items, nextAfterId: rows.length > query.limit && last !== undefined ? last.requestId : null };
  };

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
