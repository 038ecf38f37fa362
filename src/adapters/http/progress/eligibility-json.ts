import type { StageEligibility } from '../../../application/progress/eligibility.service.js';
import type { Eligibility, MissingArticle } from '../../../contract/generated/types.gen.js';
import type { MissingArticle as DomainMissingArticle } from '../../../domain/progress/eligibility.rules.js';

const missingJson = (article: DomainMissingArticle): MissingArticle => ({
  article_id: article.articleId,
  module_id: article.moduleId,
  module_name: article.moduleName,
  title: article.title,
  kind: article.kind,
});

/** The level-exam admission of a stage on the wire: GET /progress/eligibility and the `eligibility` of a 409. */
export const eligibilityJson = (report: StageEligibility): Eligibility => ({
  stage_id: report.stageId,
  rank: report.rank,
  level: report.level,
  content_assigned: report.contentAssigned,
  required_total: report.requiredTotal,
  required_done: report.requiredDone,
  optional_total: report.optionalTotal,
  optional_done: report.optionalDone,
  missing_required: report.missingRequired.map(missingJson),
  missing_optional: report.missingOptional.map(missingJson),
  level_exam_passed: report.levelExamPassed,
  rank_final_required: report.rankFinalRequired,
  rank_final_passed: report.rankFinalPassed,
  eligible: report.eligible,
});
