import type {
  ApprovalListItem,
  ApprovalListQuery,
  ApprovalRequest,
  ApprovalRequests,
  ApprovalStatus,
} from '../../../application/approvals/approvals.ports.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import type { ApprovalType } from '../../../domain/progress/progression.rules.js';
import type { Rank } from '../../../domain/progress/stage-ladder.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import { isUniqueViolation } from '../postgres.errors.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

type Query = 'create' | 'decide' | 'exists' | 'listMine' | 'lockOwn' | 'listOldestFirst' | 'listNewestFirst' | 'find';

interface RequestRow {
  id: number;
  user_id: number;
  track_id: number;
  type: ApprovalType;
  status: ApprovalStatus;
  from_stage_id: number;
  to_stage_id: number | null;
  created_at: Date;
  decided_at: Date | null;
  comment: string | null;
}

interface ListRow extends RequestRow {
  email: string;
  full_name: string;
  from_rank: Rank;
  from_level: number;
  to_rank: Rank | null;
  to_level: number | null;
}

const toRequest = (row: RequestRow): ApprovalRequest => ({
  requestId: row.id,
  userId: row.user_id,
  trackId: row.track_id,
  type: row.type,
  status: row.status,
  fromStageId: row.from_stage_id,
  toStageId: row.to_stage_id,
  createdAt: row.created_at,
  decidedAt: row.decided_at,
  comment: row.comment,
});

const toListItem = (row: ListRow): ApprovalListItem => ({
  ...toRequest(row),
  user: { id: row.user_id, email: row.email, fullName: row.full_name },
  fromStage: { id: row.from_stage_id, rank: row.from_rank, level: row.from_level },
  toStage: row.to_stage_id === null ? null : { id: row.to_stage_id, rank: row.to_rank!, level: row.to_level! },
});

export class PgApprovalRequests implements ApprovalRequests {
  private readonly sql: NamedStatements<Query>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'approvals/requests', [
      'create',
      'decide',
      'exists',
      'listMine',
      'lockOwn',
      'listOldestFirst',
      'listNewestFirst',
      'find',
    ]);
  }

  async create(
    tx: TxSession,
    request: {
      userId: number;
      trackId: number;
      type: ApprovalType;
      fromStageId: number;
      toStageId: number | null;
      comment: string;
    },
  ): Promise<ApprovalRequest> {
    try {
      const row = await this.sql.first<RequestRow>(tx, 'create', [
        request.userId,
        request.trackId,
        request.type,
        request.fromStageId,
        request.toStageId,
        request.comment,
      ]);
      return toRequest(row!);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_approval_requests_one_pending_per_from_stage'))
        throw new DomainError('approval_already_pending', 'A request for this stage is already pending');
      throw error;
    }
  }

  async decide(
    tx: TxSession,
    decision: { requestId: number; status: 'approved' | 'rejected'; adminId: number; comment: string | null },
  ): Promise<ApprovalRequest | undefined> {
    const row = await this.sql.first<RequestRow>(tx, 'decide', [
      decision.requestId,
      decision.status,
      decision.adminId,
      decision.comment,
    ]);
    return row && toRequest(row);
  }

  async exists(db: Session, requestId: number): Promise<boolean> {
    return (await this.sql.first<{ found: boolean }>(db, 'exists', [requestId]))!.found;
  }

  async listMine(db: Session, userId: number): Promise<ApprovalRequest[]> {
    return (await this.sql.rows<RequestRow>(db, 'listMine', [userId])).map(toRequest);
  }

  async lockOwn(
    tx: TxSession,
    requestId: number,
    userId: number,
  ): Promise<(ApprovalRequest & { latestStatus: ApprovalStatus }) | undefined> {
    const row = await this.sql.first<RequestRow & { latest_status: ApprovalStatus }>(tx, 'lockOwn', [
      requestId,
      userId,
    ]);
    return row && { ...toRequest(row), latestStatus: row.latest_status };
  }

  async list(db: Session, query: ApprovalListQuery): Promise<ApprovalListItem[]> {
    const rows = await this.sql.rows<ListRow>(db, query.order === 'oldest' ? 'listOldestFirst' : 'listNewestFirst', [
      query.status,
      query.type ?? null,
      query.afterId ?? null,
      query.limit,
    ]);
    return rows.map(toListItem);
  }

  async find(db: Session, requestId: number): Promise<ApprovalListItem | undefined> {
    const row = await this.sql.first<ListRow>(db, 'find', [requestId]);
    return row && toListItem(row);
  }
}
