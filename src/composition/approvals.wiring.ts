import type { ApprovalUseCases } from '../adapters/http/approvals/approvals.router.js';
import { getApproval, listApprovals } from '../application/approvals/admin-approvals.use-case.js';
import { approveRequest, rejectRequest } from '../application/approvals/decide-approval.use-case.js';
import { listMyApprovals, resubmitApproval } from '../application/approvals/learner-approvals.use-case.js';
import type { WiringContext } from './wiring-context.js';

export function approvalUseCases({ transactor, repos }: WiringContext): ApprovalUseCases {
  const { approvals, transitions, graduation, stages, levelExams, rankFinals } = repos;
  const decideDeps = { transactor, approvals, transitions, graduation };
  return {
    listMine: listMyApprovals({ transactor, approvals }),
    resubmit: resubmitApproval({ transactor, approvals, stages }),
    list: listApprovals({ transactor, approvals }),
    get: getApproval({ transactor, approvals, levelExams, rankFinals }),
    approve: approveRequest(decideDeps),
    reject: rejectRequest(decideDeps),
  };
}
