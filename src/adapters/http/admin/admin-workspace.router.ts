import { Router } from 'express';
import type { Authentication } from '../auth/authentication.js';
import { articlesRouter, type ArticleLibraryUseCases } from './articles.router.js';
import { auditLogRouter, type AuditLogUseCases } from './audit-log.router.js';
import { bundleImportRouter, type BundleImportUseCases } from './bundle-import.router.js';
import { itemStatisticsRouter, type ItemStatisticsUseCases } from './item-statistics.router.js';
import { catalogAuthoringRouter, type CatalogAuthoringUseCases } from './catalog-authoring.router.js';
import { learnersRouter, type LearnersUseCases } from './learners.router.js';
import { questionBankRouter, type QuestionBankUseCases } from './question-bank.router.js';
import { settingsRouter, type SettingsUseCases } from './settings.router.js';

export interface AdminWorkspaceUseCases {
  readonly settings: SettingsUseCases;
  readonly catalog: CatalogAuthoringUseCases;
  readonly questions: QuestionBankUseCases;
  readonly articles: ArticleLibraryUseCases;
  readonly bundleImport: BundleImportUseCases;
  readonly learners: LearnersUseCases;
  readonly auditLog: AuditLogUseCases;
  readonly itemStatistics: ItemStatisticsUseCases;
}

/** The admin workspace: one router per area, every route behind the admin guard. */
export function adminWorkspaceRouter(useCases: AdminWorkspaceUseCases, auth: Authentication): Router {
  const router = Router();
  router.use(settingsRouter(useCases.settings, auth));
  router.use(catalogAuthoringRouter(useCases.catalog, auth));
  router.use(questionBankRouter(useCases.questions, auth));
  router.use(articlesRouter(useCases.articles, auth));
  router.use(bundleImportRouter(useCases.bundleImport, auth));
  router.use(learnersRouter(useCases.learners, auth));
  router.use(auditLogRouter(useCases.auditLog, auth));
  router.use(itemStatisticsRouter(useCases.itemStatistics, auth));
  return router;
}
