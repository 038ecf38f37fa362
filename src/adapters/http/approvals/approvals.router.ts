import { Router } from 'express';
import type { ApprovalDetail, ApprovalPage } from '../../../application/approvals/admin-approvals.use-case.js';
import type {
  ApprovalListItem,
  ApprovalListQuery,
  ApprovalRequest,
} from '../../../application/approvals/approvals.ports.js';
import type { ApprovalDecision } from '../../../application/approvals/decide-approval.use-case.js';
import type { AdminActor, LearnerActor } from '../../../domain/identity/actor.js';
import { adminOf, learnerOf, type Authentication } from '../auth/authentication.js';
import { attemptSummaryJson } from '../exams/exams.router.js';
import type {
  ApprovalDecision as ApprovalDecisionJson,
  ApprovalListItem as ApprovalListItemJson,
  ApprovalRequest as ApprovalRequestJson,
  ApproveRequestData,
  ApproveRequestResponses,
  GetApprovalResponses,
  ListApprovalsData,
  ListApprovalsResponses,
  ListMyApprovalsResponses,
  RejectRequestData,
  RejectRequestResponses,
  ResubmitApprovalResponses,
} from '../../../contract/generated/types.gen.js';
import { decodeCursor, pageJson } from '../shared/page-cursor.js';
import { bodyOf, queryOf } from '../shared/typed-route.js';

export interface ApprovalUseCases {
  readonly listMine: (actor: LearnerActor) => Promise<ApprovalRequest[]>;
  readonly resubmit: (requestId: number, actor: LearnerActor) => Promise<ApprovalRequest>;
  readonly list: (query: ApprovalListQuery) => Promise<ApprovalPage>;
  readonly get: (requestId: number) => Promise<ApprovalDetail>;
  readonly approve: (input: { requestId: number; comment?: string }, actor: AdminActor) => Promise<ApprovalDecision>;
  readonly reject: (input: { requestId: number; comment: string }, actor: AdminActor) => Promise<ApprovalDecision>;
}

const requestJson = (request: ApprovalRequest): ApprovalRequestJson => ({
  request_id: request.requestId,
  type: request.type,
  status: request.status,
  from_stage_id: request.fromStageId,
  to_stage_id: request.toStageId,
  created_at: request.createdAt.toISOString(),
  decided_at: request.decidedAt?.toISOString() ?? null,
  comment: request.comment,
});

const listItemJson = (item: ApprovalListItem): ApprovalListItemJson => ({
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

const decisionJson = (decision: ApprovalDecision): ApprovalDecisionJson => ({
  request_id: decision.request.requestId,
  status: decision.request.status,
  user_id: decision.request.userId,
  from_stage_id: decision.request.fromStageId,
  to_stage_id: decision.request.toStageId,
  graduated: decision.graduated,
});

export function approvalsRouter(useCases: ApprovalUseCases, auth: Authentication): Router {
  const router = Router();

  router.get('/approvals/my', auth.learner, async (_req, res) => {
    res.json((await useCases.listMine(learnerOf(res))).map(requestJson) satisfies ListMyApprovalsResponses[200]);
  });

  router.post('/approvals/:request_id/resubmit', auth.learner, async (req, res) => {
    const resubmitted = await useCases.resubmit(Number(req.params.request_id), learnerOf(res));
    res.status(201).json(requestJson(resubmitted) satisfies ResubmitApprovalResponses[201]);
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
    res.json(pageJson(page, listItemJson) satisfies ListApprovalsResponses[200]);
  });

  router.get('/admin/approvals/:request_id', auth.admin, async (req, res) => {
    const detail = await useCases.get(Number(req.params.request_id));
    res.json({
      ...listItemJson(detail.item),
      level_exam_attempts: detail.levelExamAttempts.map(attemptSummaryJson),
      rank_final_attempts: detail.rankFinalAttempts.map(attemptSummaryJson),
    } satisfies GetApprovalResponses[200]);
  });

  router.post('/admin/approvals/:request_id/approve', auth.admin, async (req, res) => {
    const comment = bodyOf<ApproveRequestData>(req)?.comment;
    const decision = await useCases.approve(
      { requestId: Number(req.params.request_id), ...(comment === undefined ? {} : { comment }) },
      adminOf(res),
    );
    res.json(decisionJson(decision) satisfies ApproveRequestResponses[200]);
  });

  router.post('/admin/approvals/:request_id/reject', auth.admin, async (req, res) => {
    const body = bodyOf<RejectRequestData>(req);
    const decision = await useCases.reject(
      { requestId: Number(req.params.request_id), comment: body.comment },
      adminOf(res),
    );
    res.json(decisionJson(decision) satisfies RejectRequestResponses[200]);
  });

  return router;
}
