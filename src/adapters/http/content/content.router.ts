import { Router } from 'express';
import type { ContentAssignment } from '../../../application/content/assign-content.use-case.js';
import type { ArticleView, AssignmentView } from '../../../application/content/content.ports.js';
import type { MinitestOutcome } from '../../../application/content/minitest.use-case.js';
import type { QuestionView } from '../../../application/shared/question-view.js';
import type { LearnerActor } from '../../../domain/identity/actor.js';
import type { SubmittedAnswer } from '../../../domain/shared/answer-sheet.rules.js';
import { learnerOf, type Authentication } from '../auth/authentication.js';
import { questionJson, submittedAnswers } from '../shared/question-json.js';
import type {
  AssignContentResponses,
  GetArticleResponses,
  GetMinitestResponses,
  ListMyContentResponses,
  SubmitMinitestData,
  SubmitMinitestResponses,
} from '../../../contract/generated/types.gen.js';
import { bodyOf } from '../shared/typed-route.js';

export interface ContentUseCases {
  readonly assign: (actor: LearnerActor) => Promise<ContentAssignment>;
  readonly listMine: (actor: LearnerActor) => Promise<AssignmentView[]>;
  readonly getArticle: (articleId: number, actor: LearnerActor) => Promise<ArticleView>;
  readonly markRead: (articleId: number, actor: LearnerActor) => Promise<void>;
  readonly getMinitest: (articleId: number, actor: LearnerActor) => Promise<QuestionView[]>;
  readonly submitMinitest: (
    input: { articleId: number; answers: readonly SubmittedAnswer[] },
    actor: LearnerActor,
  ) => Promise<MinitestOutcome>;
}

export function contentRouter(useCases: ContentUseCases, auth: Authentication): Router {
  const router = Router();

  router.post('/content/assign', auth.learner, async (_req, res) => {
    const assignment = await useCases.assign(learnerOf(res));
    res.status(assignment.created ? 201 : 200).json({
      stage_id: assignment.stageId,
      assigned_optional: assignment.assignedOptional,
      assigned_required: assignment.assignedRequired,
      weak_module_ids: assignment.weakModuleIds,
    } satisfies AssignContentResponses[201]);
  });

  router.get('/content/my', auth.learner, async (_req, res) => {
    res.json(
      (await useCases.listMine(learnerOf(res))).map((a) => ({
        article_id: a.articleId,
        module_id: a.moduleId,
        module_name: a.moduleName,
        title: a.title,
        content_ref: a.contentRef,
        kind: a.kind,
        is_read: a.isRead,
        minitest_passed: a.minitestPassed,
      })) satisfies ListMyContentResponses[200],
    );
  });

  router.get('/content/:article_id', auth.learner, async (req, res) => {
    const article = await useCases.getArticle(Number(req.params.article_id), learnerOf(res));
    res.json({
      id: article.id,
      module_id: article.moduleId,
      stage_id: article.stageId,
      kind: article.kind,
      title: article.title,
      content_ref: article.contentRef,
      body: article.body,
    } satisfies GetArticleResponses[200]);
  });

  router.post('/content/:article_id/read', auth.learner, async (req, res) => {
    await useCases.markRead(Number(req.params.article_id), learnerOf(res));
    res.status(204).end();
  });

  router.get('/content/:article_id/minitest', auth.learner, async (req, res) => {
    const articleId = Number(req.params.article_id);
    const questions = await useCases.getMinitest(articleId, learnerOf(res));
    const [first, second, third, ...more] = questions.map(questionJson);
    // A minitest holds exactly three questions (docs/product.md): the writes that set one refuse any other size.
    if (first === undefined || second === undefined || third === undefined || more.length > 0)
      throw new Error(`minitest of article ${articleId} has ${questions.length} questions`);
    res.json({ article_id: articleId, questions: [first, second, third] } satisfies GetMinitestResponses[200]);
  });

  router.post('/content/:article_id/minitest/submit', auth.learner, async (req, res) => {
    const body = bodyOf<SubmitMinitestData>(req);
    const outcome = await useCases.submitMinitest(
      { articleId: Number(req.params.article_id), answers: submittedAnswers(body.answers) },
      learnerOf(res),
    );
    res.json({
      article_id: outcome.articleId,
      passed: outcome.passed,
      correct_cnt: outcome.correctCnt,
      total_cnt: outcome.totalCnt,
      already_passed: outcome.alreadyPassed,
    } satisfies SubmitMinitestResponses[200]);
  });

  return router;
}
