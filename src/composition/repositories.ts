import { PgApprovalRequests } from '../adapters/postgres/approvals/approval-requests.repository.js';
import { PgItemStatistics } from '../adapters/postgres/assessment/item-statistics.repository.js';
import { PgAdminAuditLog } from '../adapters/postgres/audit/admin-audit-log.repository.js';
import { PgArticleAuthoring } from '../adapters/postgres/authoring/article-authoring.repository.js';
import { PgBundleWriter } from '../adapters/postgres/authoring/bundle-writer.repository.js';
import { PgQuestionAuthoring } from '../adapters/postgres/authoring/question-authoring.repository.js';
import { PgTrackAuthoring } from '../adapters/postgres/authoring/track-authoring.repository.js';
import { PgTrackCatalog } from '../adapters/postgres/catalog/track-catalog.repository.js';
import { PgStageAssignments } from '../adapters/postgres/content/stage-assignments.repository.js';
import { PgDiagnostikaAttempts } from '../adapters/postgres/diagnostika/diagnostika.repository.js';
import { PgQuestionBank } from '../adapters/postgres/diagnostika/question-bank.repository.js';
import { PgExamAttempts } from '../adapters/postgres/exams/exam-attempts.repository.js';
import { PgAdminAccounts } from '../adapters/postgres/identity/admin-accounts.repository.js';
import { PgGraduation } from '../adapters/postgres/identity/graduation.repository.js';
import { PgLearnerAccounts } from '../adapters/postgres/identity/learner-accounts.repository.js';
import { PgRefreshTokens } from '../adapters/postgres/identity/refresh-tokens.repository.js';
import { PgLearnerOverview } from '../adapters/postgres/learners/learner-overview.repository.js';
import { PgLearnerPlacement } from '../adapters/postgres/progress/learner-placement.repository.js';
import { PgPinnedSettings } from '../adapters/postgres/progress/pinned-settings.repository.js';
import { PgStageChecklists } from '../adapters/postgres/progress/stage-checklists.repository.js';
import { PgStageProgress } from '../adapters/postgres/progress/stage-progress.repository.js';
import { PgStageTransitions } from '../adapters/postgres/progress/stage-transitions.repository.js';
import { PgWeaknessEvidence } from '../adapters/postgres/progress/weakness-evidence.repository.js';
import { PgSettingsVersions } from '../adapters/postgres/settings/settings-versions.repository.js';
import type { SqlCatalogue } from '../adapters/postgres/sql-catalogue.js';

/**
 * Every repository over the named SQL of one catalogue, each built once and shared by every context that needs it
 * (docs/architecture.md, "Layout"). Building one resolves its statements, so a missing query fails here, at start-up.
 */
export function buildRepositories(sql: SqlCatalogue) {
  return {
    // identity
    learners: new PgLearnerAccounts(sql),
    admins: new PgAdminAccounts(sql),
    refreshTokens: new PgRefreshTokens(sql),
    placement: new PgLearnerPlacement(sql),
    graduation: new PgGraduation(sql),
    // learner journey
    stages: new PgStageProgress(sql),
    pinnedSettings: new PgPinnedSettings(sql),
    checklists: new PgStageChecklists(sql),
    weaknessEvidence: new PgWeaknessEvidence(sql),
    transitions: new PgStageTransitions(sql),
    trackCatalog: new PgTrackCatalog(sql),
    diagnostika: new PgDiagnostikaAttempts(sql),
    questionBank: new PgQuestionBank(sql),
    assignments: new PgStageAssignments(sql),
    levelExams: new PgExamAttempts('level', sql),
    rankFinals: new PgExamAttempts('rank_final', sql),
    approvals: new PgApprovalRequests(sql),
    itemStatistics: new PgItemStatistics(sql),
    // admin workspace
    audit: new PgAdminAuditLog(sql),
    settingsVersions: new PgSettingsVersions(sql),
    authoredTracks: new PgTrackAuthoring(sql),
    authoredQuestions: new PgQuestionAuthoring(sql),
    authoredArticles: new PgArticleAuthoring(sql),
    bundleWriter: new PgBundleWriter(sql),
    learnerOverview: new PgLearnerOverview(sql),
  };
}

export type Repositories = ReturnType<typeof buildRepositories>;
