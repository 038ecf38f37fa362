import type { ExamAssembly } from '../../domain/exams/exam-assembly.rules.js';
import type { Rank } from '../../domain/progress/stage-ladder.js';
import type { Session } from '../ports/transactor.port.js';
import type { StageRecord } from '../progress/progress.ports.js';

/**
 * The admin's read model of learners: a reporting view across progress, diagnostika, exams and
 * approvals. It only reads; every change to a learner goes through its own context.
 */
export interface LearnerSummary {
  readonly id: number;
  readonly email: string;
  readonly fullName: string;
  readonly trackId: number;
  readonly trackName: string;
  readonly createdAt: Date;
  readonly graduatedAt: Date | null;
  /** False once an admin deactivated the learner: no login, no refresh, access tokens refused. */
  readonly isActive: boolean;
  /** Extra time in percent of every time limit (docs/product.md, "Exam sittings"). */
  readonly extraTimePct: number;
  readonly currentStage: {
    readonly stageId: number;
    readonly rank: Rank;
    readonly level: number;
    readonly status: 'active' | 'pending_approval';
  } | null;
}

/** A stage row of the learner, with the number of its pinned settings version. */
export interface LearnerStageRow extends StageRecord {
  readonly settingsVersionNo: number;
}

export interface LearnerDiagnostika {
  readonly diagnostikaId: number;
  readonly stageId: number;
  readonly totalQ: number;
  readonly scoreTotal: number | null;
  readonly createdAt: Date;
  readonly submittedAt: Date | null;
  readonly moduleStats: readonly {
    readonly moduleId: number;
    readonly moduleName: string;
    readonly correctCnt: number;
    readonly totalCnt: number;
  }[];
}

export interface LearnerAttempt {
  readonly kind: 'level_exam' | 'rank_final';
  readonly attemptId: number;
  readonly attemptNo: number;
  readonly stageId: number;
  readonly settingsVersionId: number;
  readonly totalQ: number;
  readonly passScore: number;
  readonly scoreTotal: number | null;
  readonly passed: boolean;
  readonly createdAt: Date;
  readonly submittedAt: Date | null;
  /** How the attempt was assembled; null for attempts started before it was recorded. */
  readonly assembly: ExamAssembly | null;
}

export interface LearnerApproval {
  readonly requestId: number;
  readonly type: 'rank_transition' | 'graduation';
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly fromStageId: number;
  readonly toStageId: number | null;
  readonly comment: string | null;
  readonly createdAt: Date;
  readonly decidedAt: Date | null;
  readonly decidedByAdminId: number | null;
}

export interface LearnerDetail {
  readonly profile: LearnerSummary;
  readonly stages: readonly LearnerStageRow[];
  readonly diagnostika: LearnerDiagnostika | null;
  readonly attempts: readonly LearnerAttempt[];
  readonly approvals: readonly LearnerApproval[];
}

export interface LearnerSearch {
  /** Matched case-insensitively anywhere in the email or the full name. */
  readonly q?: string;
  readonly trackId?: number;
  readonly afterId?: number;
  readonly limit: number;
}

export interface LearnerOverview {
  list(db: Session, search: LearnerSearch): Promise<LearnerSummary[]>;
  /** One statement, so the parts are one consistent snapshot. */
  detail(db: Session, userId: number): Promise<LearnerDetail | undefined>;
}
