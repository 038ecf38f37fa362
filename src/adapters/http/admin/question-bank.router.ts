import { Router } from 'express';
import type { AdminQuestion } from '../../../application/authoring/authoring.ports.js';
import type { AdminActor } from '../../../domain/identity/actor.js';
import type { ItemStatistics } from '../../../domain/assessment/item-statistics.rules.js';
import { itemStatisticsJson } from './item-statistics.router.js';
import { adminOf, type Authentication } from '../auth/authentication.js';
import { keysetPage } from '../../../application/shared/keyset-page.js';
import { decodeCursor, pageJson } from '../shared/page-cursor.js';
import type {
  AdminCreateQuestionData,
  AdminEditQuestionData,
  AdminListQuestionsData,
  AdminCreateQuestionResponses,
  AdminEditQuestionResponses,
  AdminGetQuestionResponses,
  AdminListQuestionsResponses,
  AdminQuestion as AdminQuestionJson,
} from '../../../contract/generated/types.gen.js';
import { bodyOf, queryOf } from '../shared/typed-route.js';

export interface QuestionBankUseCases {
  readonly list: (
    moduleId: number,
    page: { afterId?: number; limit: number },
    actor: AdminActor,
  ) => Promise<AdminQuestion[]>;
  readonly get: (questionId: number, actor: AdminActor) => Promise<AdminQuestion>;
  readonly statistics: (questionId: number, actor: AdminActor) => Promise<ItemStatistics>;
  readonly create: (
    moduleId: number,
    input: { text: string; options: readonly string[]; correctOptionPos: number },
    actor: AdminActor,
  ) => Promise<AdminQuestion>;
  readonly edit: (
    questionId: number,
    change: { text?: string; isActive?: boolean },
    actor: AdminActor,
  ) => Promise<AdminQuestion>;
}

export const DEFAULT_PAGE_SIZE = 20;

const questionJson = (question: AdminQuestion): AdminQuestionJson => ({
  id: question.id,
  module_id: question.moduleId,
  text: question.text,
  is_active: question.isActive,
  created_at: question.createdAt.toISOString(),
  options: question.options.map((option) => ({ id: option.id, pos: option.pos, text: option.text })),
  correct_option_id: question.correctOptionId,
  correct_option_pos: question.options.find((option) => option.id === question.correctOptionId)?.pos ?? null,
  usage: {
    diagnostika: question.usage.diagnostika,
    level_exam: question.usage.levelExam,
    rank_final: question.usage.rankFinal,
    minitests: question.usage.minitests,
  },
});

/** A module's question bank, with correct options (admins only). */
export function questionBankRouter(useCases: QuestionBankUseCases, auth: Authentication): Router {
  const router = Router();

  router.get('/admin/modules/:module_id/questions', auth.admin, async (req, res) => {
    const query = queryOf<AdminListQuestionsData>(req);
    const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
    const page = await keysetPage(
      limit,
      (limitPlusOne) =>
        useCases.list(
          Number(req.params.module_id),
          { afterId: decodeCursor(query.cursor), limit: limitPlusOne },
          adminOf(res),
        ),
      (row) => row.id,
    );
    res.json(pageJson(page, questionJson) satisfies AdminListQuestionsResponses[200]);
  });

  router.post('/admin/modules/:module_id/questions', auth.admin, async (req, res) => {
    const body = bodyOf<AdminCreateQuestionData>(req);
    const question = await useCases.create(
      Number(req.params.module_id),
      { text: body.text, options: body.options, correctOptionPos: body.correct_option_pos },
      adminOf(res),
    );
    res.status(201).json(questionJson(question) satisfies AdminCreateQuestionResponses[201]);
  });

  router.get('/admin/questions/:question_id', auth.admin, async (req, res) => {
    const questionId = Number(req.params.question_id);
    const question = await useCases.get(questionId, adminOf(res));
    res.json({
      ...questionJson(question),
      statistics: itemStatisticsJson(await useCases.statistics(questionId, adminOf(res))),
    } satisfies AdminGetQuestionResponses[200]);
  });

  router.patch('/admin/questions/:question_id', auth.admin, async (req, res) => {
    const body = bodyOf<AdminEditQuestionData>(req);
    const edited = await useCases.edit(
      Number(req.params.question_id),
      { text: body.text, isActive: body.is_active },
      adminOf(res),
    );
    res.json(questionJson(edited) satisfies AdminEditQuestionResponses[200]);
  });

  return router;
}
