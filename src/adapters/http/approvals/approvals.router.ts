import { Router } from 'express';
import type { ApprovalDetail, ApprovalPage } from '../../../application/approvals/admin-approvals.use-case.js';
import type {
  ApprovalListItem,
  ApprovalListQuery,
  ApprovalRequest,
} from '../../../application/approvals/approvals.ports.js';
import type { ApprovalDecision } from '../../../application/approvals/decide-approval.use-case.js';
import type { AdminActor, LearnerActor } from '../../../domain/identity/actor.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import { adminOf, learnerOf, type Authentication } from '../auth/authentication.js';
import { attemptSummaryJson } from '../exams/exams.router.js';
import type { ListApprovalsData, RejectRequestData } from '../../../contract/generated/types.gen.js';
import { bodyOf, queryOf } from '../shared/typed-route.js';

export interface ApprovalUseCases {
  readonly listMine: (actor: LearnerActor) => Promise<ApprovalRequest[]>;
  readonly resubmit: (requestId: number, actor: LearnerActor) => Promise<ApprovalRequest>;
  readonly list: (query: ApprovalListQuery) => Promise<ApprovalPage>;
  readonly get: (requestId: number) => Promise<ApprovalDetail>;
  readonly approve: (input: { requestId: number; comment?: string }, actor: AdminActor) => Promise<ApprovalDecision>;
  readonly reject: (input: { requestId: number; comment: string }, actor: AdminActor) => Promise<ApprovalDecision>;
}

const requestJson = (request: ApprovalRequest) => ({
  request_id: request.requestId,
  type: request.type,
  status: request.status,
  from_stage_id: request.fromStageId,
  to_stage_id: request.toStageId,
  created_at: request.createdAt.toISOString(),
  decided_at: request.decidedAt?.toISOString() ?? null,
  comment: request.comment,
});

const listItemJson = (item: ApprovalListItem) => ({
  request_id: item.requestId,
  type: item.type,
  status: item.status,
  user: { id: item.user.id, email: item.user.email, full_name: item.user.fullName },
  from_stage: item.fromStage,
  to_stage: item.toStage,
  created_at: item.createdAt.toISOString(),
  decided_at: item.decidedAt?.toISOString() ?? null,
  comment: item.comment,
});

const decisionJson = (decision: ApprovalDecision) => ({
  request_id: decision.request.requestId,
  status: decision.request.status,
  user_id: decision.request.userId,
  from_stage_id: decision.request.fromStageId,
  to_stage_id: decision.request.toStageId,
  graduated: decision.graduated,
});

/** Cursors are opaque to clients: the last request id of a page, encoded. */
const encodeCursor = (afterId: number) => Buffer.from(`after:${afterId}`).toString('base64url');

function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const match = /^after:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match === null)
    throw new DomainError('validation_failed', 'The cursor is not one this API issued', {
      errors: [{ code: 'cursor', message: 'invalid cursor', path: '/query/cursor' }],
    });
  return Number(match[1]);
}

export function approvalsRouter(useCases: ApprovalUseCases, auth: Authentication): Router {
  const router = Router();

  router.get('/approvals/my', auth.learner, async (_req, res) => {
    res.json((await useCases.listMine(learnerOf(res))).map(requestJson));
  });

  router.post('/approvals/:request_id/resubmit', auth.learner, async (req, res) => {
    res.status(201).json(requestJson(await useCases.resubmit(Number(req.params.request_id), learnerOf(res))));
  });

  router.get('/admin/approvals', auth.admin, async (req, res) => {
    const query = queryOf<ListApprovalsData>(req);
    const page = await useCases.list({
      status: query.status ?? 'pending',
      ...(query.type === undefined ? {} : { type: query.type }),
      order: query.order ?? 'oldest',
      limit: Number(query.limit ?? 20),
      ...(query.cursor === undefined ? {} : { afterId: decodeCursor(query.cursor) }),
    });
    res.json({
      items: page.items.map(listItemJson),
      next_cursor: page.nextAfterId === null ? null : encodeCursor(page.nextAfterId),
    });
  });

  router.get('/admin/approvals/:request_id', auth.admin, async (req, res) => {
    const detail = await useCases.get(Number(req.params.request_id));
    res.json({
      ...listItemJson(detail.item),
      level_exam_attempts: detail.levelExamAttempts.map(attemptSummaryJson),
      rank_final_attempts: detail.rankFinalAttempts.map(attemptSummaryJson),
    });
  });

  router.post('/admin/approvals/:request_id/approve', auth.admin, async (req, res) => {
    const body = (req.body ?? {}) as { comment?: string };
    res.json(
      decisionJson(
        await useCases.approve(
          {
            requestId: Number(req.params.request_id),
            ...(body.comment === undefined ? {} : { comment: body.comment }),
          },
          adminOf(res),
        ),
      ),
    );
  });

  router.post('/admin/approvals/:request_id/reject', auth.admin, async (req, res) => {
    const body = bodyOf<RejectRequestData>(req);
    res.json(
      decisionJson(
        await useCases.reject({ requestId: Number(req.params.request_id), comment: body.comment }, adminOf(res)),
      ),
    );
  });

  return router;
}
