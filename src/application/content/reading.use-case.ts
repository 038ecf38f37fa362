import type { LearnerActor } from '../../domain/identity/actor.js';
import { DomainError, notFound } from '../../domain/shared/domain-error.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { ArticleView, AssignmentView, StageAssignments } from './content.ports.js';

export interface ReadingDeps {
  readonly transactor: Transactor;
  readonly assignments: StageAssignments;
}

/** GET /content/my: the current stage's reading list; empty before assignment and once graduated. */
export const listMyContent =
  (deps: ReadingDeps) =>
  async (actor: LearnerActor): Promise<AssignmentView[]> =>
    deps.transactor.read((db) => deps.assignments.listCurrent(db, actor.userId));

/** GET /content/{id}: only an article assigned to this learner on the current stage (else 404, whoever asks). */
export const getArticle =
  (deps: ReadingDeps) =>
  async (articleId: number, actor: LearnerActor): Promise<ArticleView> => {
    const article = await deps.transactor.read((db) =>
      deps.assignments.findCurrentArticle(db, actor.userId, articleId),
    );
    if (article === undefined) throw notFound(`Article ${articleId}`);
    return article;
  };

/**
 * POST /content/{id}/read: closes an optional assignment; repeating it changes nothing (read_at keeps the first
 * time).
 */
export const markArticleRead =
  (deps: ReadingDeps) =>
  async (articleId: number, actor: LearnerActor): Promise<void> => {
    const kind = await deps.transactor.run((tx) => deps.assignments.markRead(tx, actor.userId, articleId));
    if (kind === undefined) throw notFound(`Article ${articleId}`);
    // A required article is closed only by its minitest PASS.
    if (kind !== 'optional')
      throw new DomainError('article_not_optional', `Article ${articleId} is required: pass its minitest instead`);
  };
