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
  readonly articleId: number;
  readonly moduleId: number;
  readonly moduleName: string;
  readonly title: string;
  readonly kind: ArticleKind;
}

/** What GET /progress/eligibility and the `eligibility` of 409 not_eligible report. */
export interface EligibilityReport {
  readonly contentAssigned: boolean;
  readonly requiredTotal: number;
  readonly requiredDone: number;
  readonly optionalTotal: number;
  readonly optionalDone: number;
  readonly missingRequired: MissingArticle[];
  readonly missingOptional: MissingArticle[];
  readonly levelExamPassed: boolean;
  /** The stage can only be left through a rank final (a static fact of level 3, not "still to do"). */
  readonly rankFinalRequired: boolean;
  readonly rankFinalPassed: boolean;
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
    contentAssigned,
    requiredTotal: required.length,
    requiredDone: required.length - missingRequired.length,
    optionalTotal: optional.length,
    optionalDone: optional.length - missingOptional.length,
    missingRequired: toMissing(missingRequired),
    missingOptional: toMissing(missingOptional),
    levelExamPassed: flags.levelExamPassed,
    rankFinalRequired: flags.isLevel3,
    rankFinalPassed: flags.rankFinalPassed,
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
    .map(({ articleId, moduleId, moduleName, title, kind }) => ({ articleId, moduleId, moduleName, title, kind }));
}
