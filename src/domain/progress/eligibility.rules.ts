import type { ArticleKind } from '../content/article-kind.js';

/** One assigned article of the learner's current stage, with its closing flag. */
export interface StageAssignment {
  readonly articleId: number;
  readonly moduleId: number;
  readonly moduleName: string;
  readonly title: string;
  readonly kind: ArticleKind;
  readonly isRead: boolean;
  readonly minitestPassed: boolean;
}

export interface EligibilityFlags {
  readonly levelExamPassed: boolean;
  readonly rankFinalPassed: boolean;
  /** Level 3 of junior, middle or senior: the stage ends with a rank final. */
  readonly isLevel3: boolean;
}

export interface MissingArticle {
  readonly article_id: number;
  readonly module_id: number;
  readonly module_name: string;
  readonly title: string;
  readonly kind: ArticleKind;
}

/** Snake_case like the API body it feeds (GET /progress/eligibility, the `eligibility` of 409 not_eligible). */
export interface EligibilityReport {
  readonly content_assigned: boolean;
  readonly required_total: number;
  readonly required_done: number;
  readonly optional_total: number;
  readonly optional_done: number;
  readonly missing_required: MissingArticle[];
  readonly missing_optional: MissingArticle[];
  readonly level_exam_passed: boolean;
  /** The stage can only be left through a rank final (a static fact of level 3, not "still to do"). */
  readonly rank_final_required: boolean;
  readonly rank_final_passed: boolean;
  /** Admitted to the level exam now. */
  readonly eligible: boolean;
}

/**
 * The level-exam admission report of a stage. An optional article is closed only by reading,
 * a required one only by its minitest PASS. `eligible` also needs content to be assigned and
 * at least one required article (a stage without a checked article proves nothing), and turns
 * false once the level exam is passed, because there is nothing left to be admitted to.
 */
export function eligibilityReport(assignments: readonly StageAssignment[], flags: EligibilityFlags): EligibilityReport {
  const required = assignments.filter((a) => a.kind === 'required');
  const optional = assignments.filter((a) => a.kind === 'optional');
  const missingRequired = required.filter((a) => !a.minitestPassed);
  const missingOptional = optional.filter((a) => !a.isRead);
  const contentAssigned = assignments.length > 0;
  return {
    content_assigned: contentAssigned,
    required_total: required.length,
    required_done: required.length - missingRequired.length,
    optional_total: optional.length,
    optional_done: optional.length - missingOptional.length,
    missing_required: toMissing(missingRequired),
    missing_optional: toMissing(missingOptional),
    level_exam_passed: flags.levelExamPassed,
    rank_final_required: flags.isLevel3,
    rank_final_passed: flags.rankFinalPassed,
    eligible:
      contentAssigned &&
      required.length > 0 &&
      missingRequired.length === 0 &&
      missingOptional.length === 0 &&
      !flags.levelExamPassed,
  };
}

function toMissing(assignments: readonly StageAssignment[]): MissingArticle[] {
  return [...assignments]
    .sort((a, b) => a.moduleId - b.moduleId || a.articleId - b.articleId)
    .map((a) => ({
      article_id: a.articleId,
      module_id: a.moduleId,
      module_name: a.moduleName,
      title: a.title,
      kind: a.kind,
    }));
}
