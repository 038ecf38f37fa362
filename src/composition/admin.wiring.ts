import type { AdminWorkspaceUseCases } from '../adapters/http/admin/admin-workspace.router.js';
import type { ArticleLibraryUseCases } from '../adapters/http/admin/articles.router.js';
import type { CatalogAuthoringUseCases } from '../adapters/http/admin/catalog-authoring.router.js';
import type { LearnersUseCases } from '../adapters/http/admin/learners.router.js';
import type { QuestionBankUseCases } from '../adapters/http/admin/question-bank.router.js';
import * as articleLibrary from '../application/authoring/article-library.use-case.js';
import * as catalogAuthoring from '../application/authoring/catalog-authoring.use-case.js';
import { importBundle } from '../application/authoring/import-bundle.use-case.js';
import * as questionBank from '../application/authoring/question-bank.use-case.js';
import { readAuditLog } from '../application/audit/read-audit-log.use-case.js';
import { getLearnerDetail, searchLearners } from '../application/learners/learner-overview.use-case.js';
import { updateLearner } from '../application/learners/update-learner.use-case.js';
import { itemStatisticsUseCases, questionStatistics } from './assessment.wiring.js';
import { settingsUseCases } from './settings.wiring.js';
import type { WiringContext } from './wiring-context.js';

/** The admin workspace: settings versions, catalog and content authoring, import, learners, audit, statistics. */
export function adminWorkspaceUseCases(w: WiringContext): AdminWorkspaceUseCases {
  const { transactor, repos } = w;
  return {
    settings: settingsUseCases(w),
    catalog: catalogAuthoringUseCases(w),
    questions: questionBankUseCases(w),
    articles: articleLibraryUseCases(w),
    bundleImport: {
      importBundle: importBundle({
        transactor,
        tracks: repos.authoredTracks,
        writer: repos.bundleWriter,
        audit: repos.audit,
      }),
    },
    learners: learnersUseCases(w),
    auditLog: { list: readAuditLog({ transactor, audit: repos.audit }) },
    itemStatistics: itemStatisticsUseCases(w),
  };
}

function catalogAuthoringUseCases({ transactor, repos }: WiringContext): CatalogAuthoringUseCases {
  const deps = { transactor, tracks: repos.authoredTracks, audit: repos.audit };
  return {
    listTracks: catalogAuthoring.listTracksForAdmin(deps),
    getTrack: catalogAuthoring.getTrackForAdmin(deps),
    createTrack: catalogAuthoring.createTrack(deps),
    addModule: catalogAuthoring.addModule(deps),
    renameModule: catalogAuthoring.renameModule(deps),
  };
}

function questionBankUseCases(w: WiringContext): QuestionBankUseCases {
  const deps = { transactor: w.transactor, questions: w.repos.authoredQuestions, audit: w.repos.audit };
  return {
    list: questionBank.listQuestions(deps),
    get: questionBank.getQuestion(deps),
    create: questionBank.createQuestion(deps),
    edit: questionBank.editQuestion(deps),
    statistics: questionStatistics(w),
  };
}

function articleLibraryUseCases({ transactor, repos }: WiringContext): ArticleLibraryUseCases {
  const deps = { transactor, articles: repos.authoredArticles, questions: repos.authoredQuestions, audit: repos.audit };
  return {
    list: articleLibrary.listArticles(deps),
    get: articleLibrary.getArticleForAdmin(deps),
    create: articleLibrary.createArticle(deps),
    edit: articleLibrary.editArticle(deps),
    setMinitest: articleLibrary.setMinitest(deps),
  };
}

function learnersUseCases({ transactor, repos, clock }: WiringContext): LearnersUseCases {
  const deps = { transactor, learners: repos.learnerOverview };
  return {
    search: searchLearners(deps),
    detail: getLearnerDetail(deps),
    update: updateLearner({
      transactor,
      accounts: repos.learners,
      refreshTokens: repos.refreshTokens,
      learners: repos.learnerOverview,
      audit: repos.audit,
      clock,
    }),
  };
}
