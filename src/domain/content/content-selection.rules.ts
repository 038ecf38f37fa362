import { DomainError } from '../shared/domain-error.js';
import type { ArticleKind } from './article-kind.js';

/** An active article of the learner's current stage. */
export interface CandidateArticle {
  readonly id: number;
  readonly moduleId: number;
  readonly kind: ArticleKind;
  readonly position: number;
  /** Whether the 3-question minitest is configured (only matters for required articles). */
  readonly hasMinitest: boolean;
}

export interface ContentSelectionRequest {
  /** Every module id of the track. */
  readonly moduleIds: readonly number[];
  readonly candidates: readonly CandidateArticle[];
  /** The `content_k_weak_modules` weakest modules, weakest first. */
  readonly weakModuleIds: readonly number[];
  /** `content_optional_per_module` of the pinned settings. */
  readonly optionalPerModule: number;
}

export interface ContentSelection {
  /** In module id order, then (position, id). */
  readonly optional: number[];
  /** One per weak module, in the order of `weakModuleIds`. */
  readonly required: number[];
}

/**
 * The reading list of a learner stage (docs/product.md, "Content assignment"): the first `optionalPerModule` optional
 * articles of every module, and one required article (with a minitest) per weak module, each
 * first by position, then id. Either the whole list is returned or an error is thrown, so the
 * caller never writes a partial assignment. Optional shortages are reported before required ones.
 */
export function selectStageContent(request: ContentSelectionRequest): ContentSelection {
  const { candidates, optionalPerModule } = request;
  const moduleIds = [...request.moduleIds].sort((a, b) => a - b);
  const ofModule = (moduleId: number, kind: ArticleKind): CandidateArticle[] =>
    candidates
      .filter((a) => a.moduleId === moduleId && a.kind === kind)
      .sort((a, b) => a.position - b.position || a.id - b.id);

  const optional: number[] = [];
  for (const moduleId of moduleIds) {
    const articles = ofModule(moduleId, 'optional');
    if (articles.length < optionalPerModule) {
      throw new DomainError(
        'not_enough_articles',
        `Not enough optional articles for module ${moduleId} on this stage: need ${optionalPerModule}, have ${articles.length}`,
      );
    }
    optional.push(...articles.slice(0, optionalPerModule).map((a) => a.id));
  }

  const required: number[] = [];
  for (const moduleId of request.weakModuleIds) {
    const article = ofModule(moduleId, 'required')[0];
    if (article === undefined) {
      throw new DomainError('not_enough_articles', `No required article for weak module ${moduleId} on this stage`);
    }
    // The first required article is the one assigned; a later one is not silently substituted.
    if (!article.hasMinitest) {
      throw new DomainError(
        'minitest_not_configured',
        `Required article ${article.id} of module ${moduleId} has no configured 3-question minitest`,
      );
    }
    required.push(article.id);
  }
  return { optional, required };
}
