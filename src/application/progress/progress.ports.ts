import type { Rank } from '../../domain/progress/stage-ladder.js';
import type { StageAssignment } from '../../domain/progress/eligibility.rules.js';
import type { ModuleEvidence, TrackModule } from '../../domain/progress/weakness.rules.js';
import type { TrackSettings } from '../../domain/settings/track-settings.js';
import type { Session, TxSession } from '../ports/transactor.port.js';

/**
 * The learner's current stage: the one `user_stage_progress` row that is `active` or
 * `pending_approval` (at most one per learner, enforced by a unique index).
 */
export interface CurrentStage {
  readonly userId: number;
  readonly trackId: number;
  readonly stageId: number;
  readonly rank: Rank;
  readonly level: number;
  readonly position: number;
  readonly status: 'active' | 'pending_approval';
  /** The settings version pinned on this stage when it became active: every rule of the stage reads it. */
  readonly settingsVersionId: number;
  readonly activatedAt: Date;
}

/** A stage row of the learner, whatever its status (history, graduated learners). */
export interface StageRecord {
  readonly stageId: number;
  readonly rank: Rank;
  readonly level: number;
  readonly position: number;
  readonly status: 'active' | 'pending_approval' | 'completed';
  readonly settingsVersionId: number;
  readonly activatedAt: Date;
  readonly completedAt: Date | null;
}

/** GET /progress/current-stage: the current stage, or the last one of a graduated learner. */
export interface StageOverview extends StageRecord {
  readonly userId: number;
  readonly trackId: number;
  readonly trackName: string;
  readonly graduatedAt: Date | null;
}

export interface StageProgress {
  /** The current stage (active or pending_approval), without locking; undefined when there is none. */
  findCurrentStage(db: Session, userId: number): Promise<CurrentStage | undefined>;
  /**
   * The same, locking the learner's own progress row (`FOR UPDATE OF user_stage_progress`; the
   * shared stage/track rows are never locked). Serialises every state change of one learner.
   */
  lockCurrentStage(tx: TxSession, userId: number): Promise<CurrentStage | undefined>;
  /** The current stage, else the latest stage row (a graduated learner); one indexed query. */
  findOverview(db: Session, userId: number): Promise<StageOverview | undefined>;
  /** Every stage row of the learner, by position. */
  listHistory(db: Session, userId: number): Promise<StageRecord[]>;
}

export interface PinnedSettings {
  /** The parameters of a settings version; throws track_not_ready when the version has none. */
  settingsOf(db: Session, settingsVersionId: number): Promise<TrackSettings>;
}

/** What the eligibility report of one learner stage is computed from (one query). */
export interface StageChecklist {
  readonly assignments: StageAssignment[];
  readonly levelExamPassed: boolean;
  readonly rankFinalPassed: boolean;
}

export interface StageChecklists {
  checklistOf(db: Session, userId: number, stageId: number): Promise<StageChecklist>;
}

export interface WeaknessEvidence {
  /**
   * Every module of the track with the learner's summed (correct, total) per docs/product.md, "Weakness": the
   * submitted diagnostika only (`errors`), or also every submitted level-exam and rank-final
   * attempt (`error_rate`). One query; modules without evidence come back with 0/0.
   */
  evidenceOf(
    db: Session,
    learner: { userId: number; trackId: number },
    includeExams: boolean,
  ): Promise<{ modules: TrackModule[]; evidence: ModuleEvidence[] }>;
}
