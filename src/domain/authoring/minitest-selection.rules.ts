import { MINITEST_QUESTION_COUNT } from '../content/minitest.rules.js';
import type { ArticleKind } from '../content/article-kind.js';
import { DomainError, type ErrorItem } from '../shared/domain-error.js';

export interface MinitestArticle {
  readonly id: number;
  readonly moduleId: number;
  readonly kind: ArticleKind;
}

/** What the bank says about a requested question (absent from the map: no such question). */
export interface CandidateQuestion {
  readonly id: number;
  readonly moduleId: number;
  readonly isActive: boolean;
}

/**
 * The minitest of an article (docs/product.md, "Domain model"): only a required article has one, and it is exactly 3
 * distinct active questions of the article's own module. Every violated rule is reported at once
 * as 422 minitest_invalid, so the admin fixes the selection in one round trip.
 */
export function assertMinitestSelection(
  article: MinitestArticle,
  questionIds: readonly number[],
  candidates: ReadonlyMap<number, CandidateQuestion>,
): void {
  const errors: ErrorItem[] = [];
  if (article.kind !== 'required') {
    errors.push({
      code: 'article_not_required',
      message: `article ${article.id} is optional; only required articles have a minitest`,
      path: [],
    });
  }
  if (questionIds.length !== MINITEST_QUESTION_COUNT) {
    errors.push({
      code: 'question_count',
      message: `a minitest has exactly ${MINITEST_QUESTION_COUNT} questions, got ${questionIds.length}`,
      path: ['questionIds'],
    });
  }
  const seen = new Set<number>();
  questionIds.forEach((questionId, index) => {
    const path = ['questionIds', index];
    if (seen.has(questionId)) {
      errors.push({ code: 'duplicate_question', message: `question ${questionId} is listed twice`, path });
      return;
    }
    seen.add(questionId);
    const question = candidates.get(questionId);
    if (question === undefined)
      errors.push({ code: 'question_not_found', message: `question ${questionId} does not exist`, path });
    else if (question.moduleId !== article.moduleId) {
      errors.push({
        code: 'question_of_other_module',
        message: `question ${questionId} belongs to module ${question.moduleId}, not to the article's module ${article.moduleId}`,
        path,
      });
    } else if (!question.isActive)
      errors.push({ code: 'question_inactive', message: `question ${questionId} is not active`, path });
  });
  if (errors.length > 0)
    throw new DomainError('minitest_invalid', `The minitest breaks ${errors.length} rule(s)`, { errors });
}
