import type { ApprovalType } from '../../domain/progress/progression.rules.js';
import type { Rank } from '../../domain/progress/stage-ladder.js';
import type { Session, TxSession } from '../ports/transactor.port.js';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected';
export type DecidedStatus = Exclude<ApprovalStatus, 'pending'>;

export interface ApprovalRequest {
  readonly requestId: number;
  readonly userId: number;
  readonly trackId: number;
  readonly type: ApprovalType;
  readonly status: ApprovalStatus;
  readonly fromStageId: number;
  readonly toStageId: number | null;
  readonly createdAt: Date;
  readonly decidedAt: Date | null;
  readonly comment: string | null;
}

export interface StageSummary {
  readonly id: number;
  readonly rank: Rank;
  readonly level: number;
}

/** A request as admins list it: with the learner and the stages spelled out. */
export interface ApprovalListItem extends ApprovalRequest {
  readonly user: { readonly id: number; readonly email: string; readonly fullName: string };
  readonly fromStage: StageSummary;
  readonly toStage: StageSummary | null;
}

export interface ApprovalListQuery {
  readonly status: ApprovalStatus;
  readonly type?: ApprovalType;
  readonly order: 'oldest' | 'newest';
  readonly limit: number;
  /** Keyset cursor: the last request id of the previous page. */
  readonly afterId?: number;
}

export interface ApprovalRequests {
  create(
    tx: TxSession,
    request: {
      userId: number;
      trackId: number;
      type: ApprovalType;
      fromStageId: number;
      toStageId: number | null;
      comment: string;
    },
  ): Promise<ApprovalRequest>;
  /** pending → approved/rejected, only if still pending; undefined when it was not pending (or does not exist). */
  decide(
    tx: TxSession,
    decision: { requestId: number; status: 'approved' | 'rejected'; adminId: number; comment: string | null },
  ): Promise<ApprovalRequest | undefined>;
  exists(db: Session, requestId: number): Promise<boolean>;
  listMine(db: Session, userId: number): Promise<ApprovalRequest[]>;
  /** The learner's own request (locked), with the status of the latest request for the same from-stage. */
  lockOwn(
    tx: TxSession,
    requestId: number,
    userId: number,
  ): Promise<(ApprovalRequest & { latestStatus: ApprovalStatus }) | undefined>;
  list(db: Session, query: ApprovalListQuery): Promise<ApprovalListItem[]>;
  find(db: Session, requestId: number): Promise<ApprovalListItem | undefined>;
}

/** identity's side of graduation. */
export interface Graduation {
  markGraduated(tx: TxSession, userId: number): Promise<Date>;
}
