import { DomainError } from '../shared/domain-error.js';
import type { ExamKind } from '../shared/exam-kind.js';
import type { EligibilityReport } from './eligibility.rules.js';
import { isFinalLevel, stageLabel, type StageRef } from './stage-ladder.js';

/**
 * Whether the learner may start (or resume) an exam of `kind` on `stage`. "Already passed"
 * is checked first: after a PASS the report is no longer eligible, and the learner deserves
 * the precise reason. `report` may carry more members (stage id, rank, level): all of it is
 * echoed in the `eligibility` member of a 409 not_eligible.
 */
export function assertExamAdmitted<R extends EligibilityReport>(kind: ExamKind, stage: StageRef, report: R): void {
  if (kind === 'level') {
    if (report.levelExamPassed) {
      throw new DomainError('exam_already_passed', `The level exam of ${stageLabel(stage)} is already passed`);
    }
    if (!report.eligible) {
      throw new DomainError('not_eligible', `Not admitted to the level exam of ${stageLabel(stage)} yet`, {
        eligibility: report,
      });
    }
    return;
  }
  if (!isFinalLevel(stage)) {
    throw new DomainError(
      'rank_final_not_available',
      `${stageLabel(stage)} has no rank final; only level 3 of a rank has one`,
    );
  }
  if (report.rankFinalPassed) {
    throw new DomainError('exam_already_passed', `The rank final of ${stageLabel(stage)} is already passed`);
  }
  if (!report.levelExamPassed) {
    throw new DomainError(
      'rank_final_not_available',
      `The rank final of ${stageLabel(stage)} opens after its level exam PASS`,
    );
  }
}
