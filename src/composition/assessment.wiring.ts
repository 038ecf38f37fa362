import type { ItemStatisticsUseCases } from '../adapters/http/admin/item-statistics.router.js';
import type { QuestionBankUseCases } from '../adapters/http/admin/question-bank.router.js';
import { moduleItemStatistics, questionItemStatistics } from '../application/assessment/item-statistics.use-case.js';
import type { WiringContext } from './wiring-context.js';

/** The statistics of a module's questions (GET …/modules/{module_id}/item-statistics). */
export function itemStatisticsUseCases({ transactor, repos }: WiringContext): ItemStatisticsUseCases {
  return { ofModule: moduleItemStatistics({ transactor, itemStatistics: repos.itemStatistics }) };
}

/** The statistics of one question, served beside the question bank. */
export function questionStatistics({ transactor, repos }: WiringContext): QuestionBankUseCases['statistics'] {
  return questionItemStatistics({ transactor, itemStatistics: repos.itemStatistics });
}
