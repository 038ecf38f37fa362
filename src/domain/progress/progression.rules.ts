import { DomainError } from '../shared/domain-error.js';
import type { ExamKind } from '../shared/exam-kind.js';
import { isFinalLevel, nextStageOf, stageLabel, type StageRef } from './stage-ladder.js';

export type ApprovalType = 'rank_transition' | 'graduation';

/** What a PASS does to the learner's stage (docs/product.md, "Learner journey"). */
export type ProgressDecision =
  /** Levels 1-2: the stage is completed and the next level becomes active at once. */
  | { readonly action: 'auto_advanced'; readonly toStage: StageRef }
  /** Leaving a rank (or graduating) waits for an admin; the stage becomes pending_approval. */
  | { readonly action: 'pending_approval'; readonly approvalType: 'rank_transition'; readonly toStage: StageRef }
  | { readonly action: 'pending_approval'; readonly approvalType: 'graduation'; readonly toStage: null }
  /** A level-3 level exam unlocks the rank final; the stage stays active. */
  | { readonly action: 'rank_final_required' };

/**
 * The progression after a PASS of `kind` on `stage`. `nextStage` is the track's stage after
 * this one (by position), or null when there is none. The decision is checked against the
 * ladder: a next stage that is not the expected (rank, level) would let a learner skip a
 * rank or an approval, so a malformed track is refused rather than followed.
 */
export function progressAfterPass(kind: ExamKind, stage: StageRef, nextStage: StageRef | null): ProgressDecision {
  if (kind === 'rank_final') {
    if (!isFinalLevel(stage)) {
      throw new DomainError(
        'rank_final_not_available',
        `${stageLabel(stage)} has no rank final; only level 3 of a rank has one`,
      );
    }
    if (nextStageOf(stage) === null) return { action: 'pending_approval', approvalType: 'graduation', toStage: null };
    return { action: 'pending_approval', approvalType: 'rank_transition', toStage: expectNext(stage, nextStage) };
  }
  if (isFinalLevel(stage)) return { action: 'rank_final_required' };
  if (stage.rank === 'trainee') {
    return { action: 'pending_approval', approvalType: 'rank_transition', toStage: expectNext(stage, nextStage) };
  }
  return { action: 'auto_advanced', toStage: expectNext(stage, nextStage) };
}

function expectNext(stage: StageRef, nextStage: StageRef | null): StageRef {
  const expected = nextStageOf(stage);
  if (
    expected === null ||
    nextStage === null ||
    nextStage.rank !== expected.rank ||
    nextStage.level !== expected.level ||
    nextStage.position <= stage.position
  ) {
    const wanted = expected === null ? 'none' : stageLabel(expected);
    const found = nextStage === null ? 'none' : stageLabel(nextStage);
    throw new DomainError(
      'track_not_ready',
      `The track's stage after ${stageLabel(stage)} should be ${wanted}, found ${found}`,
    );
  }
  return nextStage;
}

/**
 * The comment an approval request is created with, so an admin sees at a glance what was
 * passed and what is being asked for. An admin's own comment replaces it on decision.
 */
export function automaticApprovalComment(kind: ExamKind, stage: StageRef, decision: ProgressDecision): string {
  const exam = kind === 'level' ? 'level exam' : 'rank final';
  const passed = `Automatic: ${stageLabel(stage)} ${exam} PASS`;
  if (decision.action !== 'pending_approval') return `${passed}.`;
  return decision.approvalType === 'graduation'
    ? `${passed}; graduation requires approval.`
    : `${passed}; the transition to ${stageLabel(decision.toStage)} requires approval.`;
}
