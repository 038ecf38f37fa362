import { fromAssemblyDocument, type AssemblyDocument } from '../../../application/exams/assembly-document.js';
import type {
  LearnerApproval,
  LearnerAttempt,
  LearnerDetail,
  LearnerDiagnostika,
  LearnerOverview,
  LearnerSearch,
  LearnerStageRow,
  LearnerSummary,
} from '../../../application/learners/learners.ports.js';
import type { Session } from '../../../application/ports/transactor.port.js';
import type { Rank } from '../../../domain/progress/stage-ladder.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

interface SummaryRow {
  id: number;
  email: string;
  full_name: string;
  track_id: number;
  track_name: string;
  created_at: Date;
  graduated_at: Date | null;
  is_active: boolean;
  extra_time_pct: number;
  current_stage_id: number | null;
  current_rank: Rank | null;
  current_level: number | null;
  current_status: 'active' | 'pending_approval' | null;
}

/** Nested rows come back as jsonb: numbers are numbers, timestamps are strings. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- nested jsonb is mapped field by field below
type Json = Record<string, any>;

interface DetailRow extends SummaryRow {
  stages: Json[];
  diagnostika: Json | null;
  attempts: Json[];
  approvals: Json[];
}

const date = (value: string): Date => new Date(value);
const dateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));

const toSummary = (row: SummaryRow): LearnerSummary => ({
  id: row.id,
  email: row.email,
  fullName: row.full_name,
  trackId: row.track_id,
  trackName: row.track_name,
  createdAt: row.created_at,
  graduatedAt: row.graduated_at,
  isActive: row.is_active,
  extraTimePct: row.extra_time_pct,
  currentStage:
    row.current_stage_id === null
      ? null
      : {
          stageId: row.current_stage_id,
          rank: row.current_rank!,
          level: row.current_level!,
          status: row.current_status!,
        },
});

const toStage = (row: Json): LearnerStageRow => ({
  stageId: row.stage_id,
  rank: row.rank,
  level: row.level,
  position: row.position,
  status: row.status,
  settingsVersionId: row.settings_version_id,
  settingsVersionNo: row.settings_version_no,
  activatedAt: date(row.activated_at),
  completedAt: dateOrNull(row.completed_at),
});

const toDiagnostika = (row: Json): LearnerDiagnostika => ({
  diagnostikaId: row.diagnostika_id,
  stageId: row.stage_id,
  totalQ: row.total_q,
  scoreTotal: row.score_total,
  createdAt: date(row.created_at),
  submittedAt: dateOrNull(row.submitted_at),
  moduleStats: (row.module_stats as Json[]).map((stat) => ({
    moduleId: stat.module_id,
    moduleName: stat.module_name,
    correctCnt: stat.correct_cnt,
    totalCnt: stat.total_cnt,
  })),
});

const toAttempt = (row: Json): LearnerAttempt => ({
  kind: row.kind,
  attemptId: row.attempt_id,
  attemptNo: row.attempt_no,
  stageId: row.stage_id,
  settingsVersionId: row.settings_version_id,
  totalQ: row.total_q,
  passScore: row.pass_score,
  scoreTotal: row.score_total,
  passed: row.passed,
  createdAt: date(row.created_at),
  submittedAt: dateOrNull(row.submitted_at),
  assembly: row.assembly ? fromAssemblyDocument(row.assembly as AssemblyDocument) : null,
});

const toApproval = (row: Json): LearnerApproval => ({
  requestId: row.request_id,
  type: row.type,
  status: row.status,
  fromStageId: row.from_stage_id,
  toStageId: row.to_stage_id,
  comment: row.comment,
  createdAt: date(row.created_at),
  decidedAt: dateOrNull(row.decided_at),
  decidedByAdminId: row.decided_by_admin_id,
});

/** `q` matched literally anywhere: LIKE's own wildcards in the search text are escaped. */
const containsPattern = (q: string): string => `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

export class PgLearnerOverview implements LearnerOverview {
  private readonly sql: NamedStatements<'list' | 'detail'>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'learners/learner-overview', ['list', 'detail']);
  }

  async list(db: Session, search: LearnerSearch): Promise<LearnerSummary[]> {
    const rows = await this.sql.rows<SummaryRow>(db, 'list', [
      search.q === undefined ? null : containsPattern(search.q),
      search.trackId ?? null,
      search.afterId ?? null,
      search.limit,
    ]);
    return rows.map(toSummary);
  }

  async detail(db: Session, userId: number): Promise<LearnerDetail | undefined> {
    const row = await this.sql.first<DetailRow>(db, 'detail', [userId]);
    if (row === undefined) return undefined;
    return {
      profile: toSummary(row),
      stages: row.stages.map(toStage),
      diagnostika: row.diagnostika === null ? null : toDiagnostika(row.diagnostika),
      attempts: row.attempts.map(toAttempt),
      approvals: row.approvals.map(toApproval),
    };
  }
}
