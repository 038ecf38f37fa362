import { Router } from 'express';
import type { ModuleItemStatistics } from '../../../application/assessment/item-statistics.use-case.js';
import type { ItemStatistics } from '../../../domain/assessment/item-statistics.rules.js';
import type { AdminActor } from '../../../domain/identity/actor.js';
import type {
  AdminModuleItemStatisticsData,
  AdminModuleItemStatisticsResponses,
  ItemStatistics as ItemStatisticsJson,
} from '../../../contract/generated/types.gen.js';
import { queryOf } from '../shared/typed-route.js';
import { adminOf, type Authentication } from '../auth/authentication.js';

export interface ItemStatisticsUseCases {
  readonly ofModule: (
    moduleId: number,
    query: { flaggedOnly: boolean },
    actor: AdminActor,
  ) => Promise<ModuleItemStatistics>;
}

/** The wire shape of one question's statistics (also the `statistics` of a question's detail). */
export const itemStatisticsJson = (statistics: ItemStatistics): ItemStatisticsJson => ({
  responses: statistics.responses,
  facility: statistics.facility,
  discrimination: statistics.discrimination,
  flags: statistics.flags,
  options: statistics.options.map((option) => ({
    option_id: option.optionId,
    pos: option.pos,
    is_correct: option.isCorrect,
    chosen: option.chosen,
    chosen_share: option.chosenShare,
    mean_rest_score: option.meanRestScore,
  })),
});

/** Item analysis of a module's questions (admins only). */
export function itemStatisticsRouter(useCases: ItemStatisticsUseCases, auth: Authentication): Router {
  const router = Router();
  router.get('/admin/modules/:module_id/item-statistics', auth.admin, async (req, res) => {
    const flaggedOnly = String(queryOf<AdminModuleItemStatisticsData>(req).flagged_only) === 'true';
    const result = await useCases.ofModule(Number(req.params.module_id), { flaggedOnly }, adminOf(res));
    res.json({
      module_id: result.moduleId,
      computed_at: result.computedAt.toISOString(),
      items: result.items.map((item) => ({
        question_id: item.questionId,
        text: item.text,
        is_active: item.isActive,
        ...itemStatisticsJson(item.statistics),
      })),
    } satisfies AdminModuleItemStatisticsResponses[200]);
  });
  return router;
}
