import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import type { Express } from 'express';
import type pg from 'pg';
import { createApp, type AppDeps } from './adapters/http/app.js';
import type { AccessChecks } from './adapters/http/auth/authentication.js';
import { answerClientErrors } from './adapters/http/client-errors.js';
import { WEB_DIST_DIR } from './config/project-paths.js';
import { loadOpenApiContract } from './adapters/http/contract/openapi-document.js';
import { createLogger, type Logger } from './adapters/logging/logger.js';
import { PgDatabaseHealth } from './adapters/postgres/database-health.js';
import { createHttpMetrics, disabledMetrics } from './adapters/http/metrics/http-metrics.js';
import { PgAdminAccounts } from './adapters/postgres/identity/admin-accounts.repository.js';
import { PgLearnerAccounts } from './adapters/postgres/identity/learner-accounts.repository.js';
import { PgLoginThrottle } from './adapters/postgres/identity/login-throttle.repository.js';
import { createPool } from './adapters/postgres/pool.js';
import { PgLearnerPlacement } from './adapters/postgres/progress/learner-placement.repository.js';
import { PgApprovalRequests } from './adapters/postgres/approvals/approval-requests.repository.js';
import { PgItemStatistics } from './adapters/postgres/assessment/item-statistics.repository.js';
import { moduleItemStatistics, questionItemStatistics } from './application/assessment/item-statistics.use-case.js';
import { PgExamAttempts } from './adapters/postgres/exams/exam-attempts.repository.js';
import { PgGraduation } from './adapters/postgres/identity/graduation.repository.js';
import { PgStageTransitions } from './adapters/postgres/progress/stage-transitions.repository.js';
import { getApproval, listApprovals } from './application/approvals/admin-approvals.use-case.js';
import { approveRequest, rejectRequest } from './application/approvals/decide-approval.use-case.js';
import { listMyApprovals, resubmitApproval } from './application/approvals/learner-approvals.use-case.js';
import type { ExamAttempts } from './application/exams/exams.ports.js';
import { listAttempts } from './application/exams/list-attempts.use-case.js';
import { startExam } from './application/exams/start-exam.use-case.js';
import { getAttempt } from './application/exams/get-attempt.use-case.js';
import { submitExam, type SubmitExamDeps } from './application/exams/submit-exam.use-case.js';
import { closeExpiredExamsOf, saveExamAnswers, sweepExpiredExams } from './application/exams/exam-sitting.use-case.js';
import { applyProgression } from './application/progress/progression.service.js';
import { PgPinnedSettings } from './adapters/postgres/progress/pinned-settings.repository.js';
import { PgStageChecklists } from './adapters/postgres/progress/stage-checklists.repository.js';
import { PgStageProgress } from './adapters/postgres/progress/stage-progress.repository.js';
import { PgWeaknessEvidence } from './adapters/postgres/progress/weakness-evidence.repository.js';
import { PgTrackCatalog } from './adapters/postgres/catalog/track-catalog.repository.js';
import { PgStageAssignments } from './adapters/postgres/content/stage-assignments.repository.js';
import { PgDiagnostikaAttempts } from './adapters/postgres/diagnostika/diagnostika.repository.js';
import { PgQuestionBank } from './adapters/postgres/diagnostika/question-bank.repository.js';
import { getTrack, listTracks } from './application/catalog/browse-catalog.use-case.js';
import { assignContent } from './application/content/assign-content.use-case.js';
import { getMinitest, submitMinitest } from './application/content/minitest.use-case.js';
import { getArticle, listMyContent, markArticleRead } from './application/content/reading.use-case.js';
import {
  getDiagnostikaResult,
  saveDiagnostikaAnswers,
  startDiagnostika,
  submitDiagnostika,
  sweepExpiredDiagnostikas,
} from './application/diagnostika/diagnostika.use-case.js';
import {
  getCurrentStage,
  getEligibility,
  getPinnedSettings,
  getStageHistory,
  getWeakness,
} from './application/progress/progress-views.use-case.js';
import { loadSqlCatalogue } from './adapters/postgres/sql-catalogue.js';
import { PgTransactor } from './adapters/postgres/transactor.js';
import { Argon2PasswordHasher } from './adapters/security/argon2-password-hasher.js';
import { cryptoRandom } from './adapters/security/crypto-random.js';
import { JwtTokenIssuer } from './adapters/security/jwt-token-issuer.js';
import { logInAdmin, logInLearner } from './application/identity/log-in.use-case.js';
import {
  checkAdminAccess,
  checkLearnerAccess,
  getAdminProfile,
  getLearnerProfile,
} from './application/identity/profiles.use-case.js';
import { signUpLearner } from './application/identity/sign-up-learner.use-case.js';
import { loadEligibility } from './application/progress/eligibility.service.js';
import { loadWeaknessProfile } from './application/progress/weakness-profile.service.js';
import { createLoginVerifier } from './application/identity/login-verifier.service.js';
import { loadConfig, type AppConfig } from './config/config.js';
import { PgAdminAuditLog } from './adapters/postgres/audit/admin-audit-log.repository.js';
import { PgArticleAuthoring } from './adapters/postgres/authoring/article-authoring.repository.js';
import { PgBundleWriter } from './adapters/postgres/authoring/bundle-writer.repository.js';
import { PgQuestionAuthoring } from './adapters/postgres/authoring/question-authoring.repository.js';
import { PgTrackAuthoring } from './adapters/postgres/authoring/track-authoring.repository.js';
import { PgLearnerOverview } from './adapters/postgres/learners/learner-overview.repository.js';
import { PgSettingsVersions } from './adapters/postgres/settings/settings-versions.repository.js';
import * as articleAuthoring from './application/authoring/article-library.use-case.js';
import * as trackAuthoring from './application/authoring/catalog-authoring.use-case.js';
import { importBundle } from './application/authoring/import-bundle.use-case.js';
import * as questionAuthoring from './application/authoring/question-bank.use-case.js';
import { readAuditLog } from './application/audit/read-audit-log.use-case.js';
import { getLearnerDetail, searchLearners } from './application/learners/learner-overview.use-case.js';
import { createSettingsDraft, editSettingsDraft } from './application/settings/draft-settings-version.use-case.js';
import {
  activateSettingsVersion,
  archiveSettingsVersion,
} from './application/settings/publish-settings-version.use-case.js';
import { getSettingsVersion, listSettingsVersions } from './application/settings/read-settings-versions.use-case.js';
import type { RandomSource } from './domain/shared/random-source.js';
import { inFlightWork, type InFlightWork } from './application/in-flight-work.js';
import type { Clock } from './application/ports/clock.port.js';
import { PgRefreshTokens } from './adapters/postgres/identity/refresh-tokens.repository.js';
import { refreshSecrets } from './adapters/security/refresh-secrets.js';
import { systemClock } from './adapters/time/system-clock.js';
import { changePassword } from './application/identity/sessions/change-password.use-case.js';
import { logOut, logOutEverywhere, revokeSession } from './application/identity/sessions/end-session.use-case.js';
import { listSessions } from './application/identity/sessions/list-sessions.use-case.js';
import { refreshSession } from './application/identity/sessions/refresh-session.use-case.js';
import type { SessionDeps } from './application/identity/sessions/session-policy.js';
import { startSession } from './application/identity/sessions/start-session.use-case.js';
import { updateLearner } from './application/learners/update-learner.use-case.js';

/**
 * Composition root: config → pool → adapters → use cases → createApp → listen.
 * Schema changes and demo data are the embedded launcher's job (src/cli/start.ts), never this file's.
 */
export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  readonly logger: Logger;
  /** Stops accepting, lets in-flight requests and their use cases finish, then closes the pool. */
  stop(): Promise<void>;
}

export function openPool(config: AppConfig, logger: Logger): pg.Pool {
  return createPool({
    connectionString: config.databaseUrl,
    max: config.db.poolMax,
    statementTimeoutMs: config.db.statementTimeoutMs,
    // pg attaches its whole client to the error; log only what an operator needs.
    onError: (error) =>
      logger.warn({ code: (error as { code?: string }).code, message: error.message }, 'idle database client failed'),
  });
}

/** What a test may replace in the wiring; production passes nothing. */
export interface ComposeOverrides {
  /** Every random choice (question sets, order, exam draws); tests inject a deterministic source. */
  readonly random?: RandomSource;
  /** The time every session decision reads; tests move it past grace windows and lifetimes. */
  readonly clock?: Clock;
}

/** Wires adapters and use cases into the Express app; the tests go through this same wiring. */
export async function composeApp(
  config: AppConfig,
  pool: pg.Pool,
  logger: Logger,
  overrides: ComposeOverrides = {},
): Promise<Express> {
  return (await composeServer(config, pool, logger, overrides)).app;
}

/** The app, and the count of its use-case calls still running, which shutdown waits for. */
export async function composeServer(
  config: AppConfig,
  pool: pg.Pool,
  logger: Logger,
  overrides: ComposeOverrides = {},
): Promise<{ app: Express; inFlight: InFlightWork }> {
  const inFlight = inFlightWork();
  const { useCases, access } = await composeUseCases(config, pool, overrides);
  const app = createApp({
    settings: config,
    logger,
    contract: loadOpenApiContract(),
    webAppDir: WEB_DIST_DIR,
    databaseHealth: new PgDatabaseHealth(pool),
    metrics: config.metricsEnabled ? createHttpMetrics(pool, { token: config.metricsToken }) : disabledMetrics(),
    auth: { verification: config.jwt, ...inFlight.track(access) },
    useCases: inFlight.track(useCases),
  });
  return { app, inFlight };
}

/** The use cases over their Postgres adapters: what the app serves, and what `npm run demo:learners` drives. */
export interface ComposedUseCases {
  readonly useCases: AppDeps['useCases'];
  readonly access: AccessChecks;
}

export async function composeUseCases(
  config: AppConfig,
  pool: pg.Pool,
  overrides: ComposeOverrides = {},
): Promise<ComposedUseCases> {
  const sql = loadSqlCatalogue();
  const transactor = new PgTransactor(pool, { preparedStatements: config.db.preparedStatements });
  const hasher = new Argon2PasswordHasher(config.passwordHash);
  const tokens = new JwtTokenIssuer(config.jwt);
  const learners = new PgLearnerAccounts(sql);
  const admins = new PgAdminAccounts(sql);
  const verifier = await createLoginVerifier(hasher, new PgLoginThrottle(pool, config.loginRateLimit, config.db));

  // Sessions (refresh-token families) for browser clients: the auth subsystem's own wiring.
  const clock = overrides.clock ?? systemClock;
  const refreshTokens = new PgRefreshTokens(sql);
  const familyLifetime = config.sessions.refreshTtlDays * 86_400;
  const sessionDeps: SessionDeps = {
    transactor,
    refreshTokens,
    secrets: refreshSecrets,
    tokens,
    clock,
    policy: {
      learner: { slidingSeconds: familyLifetime, absoluteSeconds: familyLifetime },
      admin: {
        slidingSeconds: Math.min(config.sessions.adminRefreshTtlHours * 3_600, familyLifetime),
        absoluteSeconds: familyLifetime,
      },
      reuseGraceSeconds: config.sessions.reuseGraceSeconds,
    },
  };
  const signIn = startSession(sessionDeps);

  // Item statistics: folded in by every diagnostika and exam submission, read by the admin views.
  const itemStatistics = new PgItemStatistics(sql);

  // Learner journey: progress building blocks, shared with exams and approvals.
  const random = overrides.random ?? cryptoRandom();
  const stages = new PgStageProgress(sql);
  const pinnedSettings = new PgPinnedSettings(sql);
  const progressDeps = {
    transactor,
    stages,
    pinnedSettings,
    checklists: new PgStageChecklists(sql),
    weaknessEvidence: new PgWeaknessEvidence(sql),
  };
  const eligibility = loadEligibility(progressDeps);
  const weakness = loadWeaknessProfile(progressDeps);
  const diagnostikaDeps = {
    transactor,
    stages,
    pinnedSettings,
    diagnostika: new PgDiagnostikaAttempts(sql),
    questionBank: new PgQuestionBank(sql),
    random,
    itemStatistics,
    clock,
    accommodations: learners,
  };
  const assignments = new PgStageAssignments(sql);
  const contentDeps = { transactor, assignments };
  const catalogDeps = { transactor, catalog: new PgTrackCatalog(sql) };

  // Learner journey: exams, progression, approvals.
  const approvals = new PgApprovalRequests(sql);
  const transitions = new PgStageTransitions(sql);
  const progression = applyProgression({ transitions, approvals });
  const levelExams = new PgExamAttempts('level', sql);
  const rankFinals = new PgExamAttempts('rank_final', sql);
  const examUseCases = (attempts: ExamAttempts) => {
    const sitting: SubmitExamDeps = { transactor, attempts, stages, progression, itemStatistics, clock };
    const closeExpired = closeExpiredExamsOf(sitting);
    return {
      start: startExam({
        transactor,
        attempts,
        stages,
        settings: pinnedSettings,
        eligibility,
        weakness,
        random,
        itemStatistics,
        clock,
        accommodations: learners,
        closeExpired,
      }),
      getAttempt: getAttempt({ transactor, attempts }),
      submit: submitExam(sitting),
      saveAnswers: saveExamAnswers(sitting),
      listAttempts: listAttempts({ transactor, attempts, closeExpired }),
    };
  };
  const decideDeps = { transactor, approvals, transitions, graduation: new PgGraduation(sql) };

  // Admin workspace: settings versions, catalog and content authoring, import, learners.
  const audit = new PgAdminAuditLog(sql);
  const settingsDeps = { transactor, versions: new PgSettingsVersions(sql), audit };
  const authoredTracks = new PgTrackAuthoring(sql);
  const authoredQuestions = new PgQuestionAuthoring(sql);
  const trackDeps = { transactor, tracks: authoredTracks, audit };
  const questionDeps = { transactor, questions: authoredQuestions, audit };
  const articleDeps = { transactor, articles: new PgArticleAuthoring(sql), questions: authoredQuestions, audit };
  const itemStatisticsDeps = { transactor, itemStatistics };
  const learnerOverview = new PgLearnerOverview(sql);
  const learnerOverviewDeps = { transactor, learners: learnerOverview };
  const adminWorkspace = {
    settings: {
      list: listSettingsVersions(settingsDeps),
      get: getSettingsVersion(settingsDeps),
      createDraft: createSettingsDraft(settingsDeps),
      editDraft: editSettingsDraft(settingsDeps),
      activate: activateSettingsVersion(settingsDeps),
      archive: archiveSettingsVersion(settingsDeps),
    },
    catalog: {
      listTracks: trackAuthoring.listTracksForAdmin(trackDeps),
      getTrack: trackAuthoring.getTrackForAdmin(trackDeps),
      createTrack: trackAuthoring.createTrack(trackDeps),
      addModule: trackAuthoring.addModule(trackDeps),
      renameModule: trackAuthoring.renameModule(trackDeps),
    },
    questions: {
      list: questionAuthoring.listQuestions(questionDeps),
      get: questionAuthoring.getQuestion(questionDeps),
      create: questionAuthoring.createQuestion(questionDeps),
      edit: questionAuthoring.editQuestion(questionDeps),
      statistics: questionItemStatistics(itemStatisticsDeps),
    },
    articles: {
      list: articleAuthoring.listArticles(articleDeps),
      get: articleAuthoring.getArticleForAdmin(articleDeps),
      create: articleAuthoring.createArticle(articleDeps),
      edit: articleAuthoring.editArticle(articleDeps),
      setMinitest: articleAuthoring.setMinitest(articleDeps),
    },
    bundleImport: {
      importBundle: importBundle({ transactor, tracks: authoredTracks, writer: new PgBundleWriter(sql), audit }),
    },
    learners: {
      search: searchLearners(learnerOverviewDeps),
      detail: getLearnerDetail(learnerOverviewDeps),
      update: updateLearner({ transactor, accounts: learners, refreshTokens, learners: learnerOverview, audit, clock }),
    },
    auditLog: { list: readAuditLog({ transactor, audit }) },
    itemStatistics: { ofModule: moduleItemStatistics(itemStatisticsDeps) },
  };

  return {
    access: {
      checkAdminAccess: checkAdminAccess({ transactor, admins }),
      checkLearnerAccess: checkLearnerAccess({ transactor, learners }),
    },
    useCases: {
      identity: {
        signUp: signUpLearner({
          transactor,
          learners,
          placement: new PgLearnerPlacement(sql),
          hasher,
          defaultTrackName: config.defaultTrack,
        }),
        logInLearner: logInLearner({ transactor, verifier, startSession: signIn, learners }),
        logInAdmin: logInAdmin({ transactor, verifier, startSession: signIn, admins }),
        getLearnerProfile: getLearnerProfile({ transactor, learners }),
        getAdminProfile: getAdminProfile({ transactor, admins }),
      },
      sessions: {
        refresh: refreshSession(sessionDeps),
        logOut: logOut(sessionDeps),
        logOutEverywhere: logOutEverywhere(sessionDeps),
        list: listSessions(sessionDeps),
        revoke: revokeSession(sessionDeps),
        changePassword: changePassword({ ...sessionDeps, learners, verifier, hasher }),
      },
      progress: {
        getCurrentStage: getCurrentStage(progressDeps),
        getHistory: getStageHistory(progressDeps),
        getSettings: getPinnedSettings(progressDeps),
        getEligibility: getEligibility(progressDeps),
        getWeakness: getWeakness(progressDeps),
      },
      catalog: { listTracks: listTracks(catalogDeps), getTrack: getTrack(catalogDeps) },
      diagnostika: {
        start: startDiagnostika(diagnostikaDeps),
        submit: submitDiagnostika(diagnostikaDeps),
        saveAnswers: saveDiagnostikaAnswers(diagnostikaDeps),
        getResult: getDiagnostikaResult(diagnostikaDeps),
      },
      content: {
        assign: assignContent({
          transactor,
          stages,
          pinnedSettings,
          diagnostika: diagnostikaDeps.diagnostika,
          assignments,
          weakness,
        }),
        listMine: listMyContent(contentDeps),
        getArticle: getArticle(contentDeps),
        markRead: markArticleRead(contentDeps),
        getMinitest: getMinitest(contentDeps),
        submitMinitest: submitMinitest(contentDeps),
      },
      levelExams: examUseCases(levelExams),
      rankFinals: examUseCases(rankFinals),
      approvals: {
        listMine: listMyApprovals({ transactor, approvals }),
        resubmit: resubmitApproval({ transactor, approvals, stages }),
        list: listApprovals({ transactor, approvals }),
        get: getApproval({ transactor, approvals, levelExams, rankFinals }),
        approve: approveRequest(decideDeps),
        reject: rejectRequest(decideDeps),
      },
      admin: adminWorkspace,
    },
  };
}

/**
 * The sweep of `npm run attempts:close-expired` (docs/product.md, "Exam sittings"): every expired diagnostika,
 * level exam and rank final closed on its saved answers, each in its own transaction, through the same use cases
 * the server runs — so it is safe beside running servers and idempotent.
 */
export function composeExpirySweep(
  pool: pg.Pool,
  options: { readonly preparedStatements: boolean; readonly clock?: Clock },
): () => Promise<{ diagnostika: number; levelExams: number; rankFinals: number }> {
  const sql = loadSqlCatalogue();
  const clock = options.clock ?? systemClock;
  const transactor = new PgTransactor(pool, { preparedStatements: options.preparedStatements });
  const itemStatistics = new PgItemStatistics(sql);
  const stages = new PgStageProgress(sql);
  const progression = applyProgression({
    transitions: new PgStageTransitions(sql),
    approvals: new PgApprovalRequests(sql),
  });
  const exams = (kind: 'level' | 'rank_final') =>
    sweepExpiredExams({
      transactor,
      attempts: new PgExamAttempts(kind, sql),
      stages,
      progression,
      itemStatistics,
      clock,
    });
  const diagnostika = sweepExpiredDiagnostikas({
    transactor,
    stages,
    pinnedSettings: new PgPinnedSettings(sql),
    diagnostika: new PgDiagnostikaAttempts(sql),
    questionBank: new PgQuestionBank(sql),
    random: cryptoRandom(),
    itemStatistics,
    clock,
    accommodations: new PgLearnerAccounts(sql),
  });
  const levelExams = exams('level');
  const rankFinals = exams('rank_final');
  return async () => ({
    diagnostika: await diagnostika(),
    levelExams: await levelExams(),
    rankFinals: await rankFinals(),
  });
}

export async function startServer(
  config: AppConfig,
  logger: Logger = createLogger(config.logLevel),
): Promise<RunningServer> {
  const pool = openPool(config, logger);
  const { app, inFlight } = await composeServer(config, pool, logger);

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  answerClientErrors(server);
  // Keep-alive sockets must not outlive the load balancer's idle timeout, nor hold shutdown.
  server.keepAliveTimeout = 5_000;
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      // A handler whose client hung up, or that was answered 503 on timeout, keeps running after its
      // socket closed, possibly between two reads with no client checked out: let its use case end.
      const deadline = Date.now() + config.requestTimeoutMs + 5_000;
      await inFlight.settled(deadline - Date.now());
      await untilPoolIdle(pool, Math.max(0, deadline - Date.now()));
      await pool.end();
    })());

  return { server, url: `http://127.0.0.1:${port}`, logger, stop };
}

/** Resolves once no pooled client is checked out or awaited (or after `limitMs`). */
async function untilPoolIdle(pool: pg.Pool, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while ((pool.totalCount > pool.idleCount || pool.waitingCount > 0) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** SIGTERM / SIGINT: finish in-flight requests, close the pool, exit. */
export function stopOnSignals(
  running: Pick<RunningServer, 'stop' | 'logger'>,
  beforeExit: () => Promise<void> = async () => undefined,
): void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) return;
    received = true;
    running.logger.info({ signal }, 'shutting down');
    running
      .stop()
      .then(beforeExit)
      .then(
        () => process.exit(0),
        (error: unknown) => {
          running.logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startServer(config);
  running.logger.info({ url: running.url, env: config.appEnv }, 'server listening');
  stopOnSignals(running);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
