import { DomainError } from '../shared/domain-error.js';
import type { ArticleKind } from './article-kind.js';

/** A minitest always has exactly this many questions of the article's module. */
export const MINITEST_QUESTION_COUNT = 3;

/** A minitest is passed only by a perfect score: it checks that the article was understood, not skimmed. */
export function isMinitestPassed(scoreTotal: number): boolean {
  return scoreTotal === MINITEST_QUESTION_COUNT;
}

/** Only a required article has a minitest; an optional one is marked read instead. */
export function assertMinitestRequired(kind: ArticleKind, articleId: number): void {
  if (kind !== 'required')
    throw new DomainError(
      'article_not_required',
      `Article ${articleId} is optional: it has no minitest, mark it read instead`,
    );
}

/** A minitest is served and scored only with exactly MINITEST_QUESTION_COUNT questions. */
export function assertMinitestComplete(questionCount: number, articleId: number): void {
  if (questionCount !== MINITEST_QUESTION_COUNT)
    throw new DomainError(
      'minitest_not_configured',
      `Article ${articleId} has no configured ${MINITEST_QUESTION_COUNT}-question minitest`,
    );
}
