import { eligibilityReport, type EligibilityReport } from '../../domain/progress/eligibility.rules.js';
import { isFinalLevel, type Rank } from '../../domain/progress/stage-ladder.js';
import type { Session } from '../ports/transactor.port.js';
import type { CurrentStage, StageChecklists } from './progress.ports.js';

/** The report of GET /progress/eligibility: the domain report plus the stage it is about. */
export interface StageEligibility extends EligibilityReport {
  readonly stageId: number;
  readonly rank: Rank;
  readonly level: number;
}

/** The function `loadEligibility(deps)` returns. */
export type LoadEligibility = (
  db: Session,
  learner: { readonly userId: number },
  stage: CurrentStage,
) => Promise<StageEligibility>;

/**
 * A building block for use cases that need the level-exam admission of a stage (the endpoint,
 * exam start). It runs on the caller's session, so inside a transaction it sees that
 * transaction's state; one query.
 */
export const loadEligibility =
  (deps: { readonly checklists: StageChecklists }): LoadEligibility =>
  async (db, learner, stage) => {
    const checklist = await deps.checklists.checklistOf(db, learner.userId, stage.stageId);
    const report = eligibilityReport(checklist.assignments, {
      levelExamPassed: checklist.levelExamPassed,
      rankFinalPassed: checklist.rankFinalPassed,
      isLevel3: isFinalLevel(stage),
    });
    return { stageId: stage.stageId, rank: stage.rank, level: stage.level, ...report };
  };
