import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { Router, type Express } from 'express';
import helmet from 'helmet';
import type { DatabaseHealth } from '../../application/ports/database-health.port.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { Logger } from '../logging/logger.js';
import {
  createAuthentication,
  type AccessChecks,
  type Authentication,
  type TokenVerification,
} from './auth/authentication.js';
import { contractRouter } from './contract/contract.router.js';
import { contractValidator } from './contract/request-validator.js';
import type { OpenApiContract } from './contract/openapi-document.js';
import { healthRouter } from './health/health.router.js';
import type { HttpMetrics } from './metrics/http-metrics.js';
import { identityRouter, type IdentityUseCases } from './identity/identity.router.js';
import { REFRESH_COOKIES, refreshCookies, type RefreshCookies } from './identity/refresh-cookies.js';
import { sessionsRouter, type SessionUseCases } from './identity/sessions.router.js';
import { approvalsRouter, type ApprovalUseCases } from './approvals/approvals.router.js';
import { examsRouter, type ExamUseCases } from './exams/exams.router.js';
import { catalogRouter, type CatalogUseCases } from './catalog/catalog.router.js';
import { contentRouter, type ContentUseCases } from './content/content.router.js';
import { diagnostikaRouter, type DiagnostikaUseCases } from './diagnostika/diagnostika.router.js';
import { progressRouter, type ProgressUseCases } from './progress/progress.router.js';
import { requestLog } from './middleware/request-log.js';
import { requestTimeout } from './middleware/request-timeout.js';
import { contentEncodingGate } from './middleware/content-encoding.js';
import { adminWorkspaceRouter, type AdminWorkspaceUseCases } from './admin/admin-workspace.router.js';
import { IMPORT_PATH, importBodyParser } from './admin/bundle-import.router.js';
import { problemHandler } from './problem/problem-response.js';
import { webAppRouter } from './web-app.router.js';

export interface HttpSettings {
  readonly corsOrigins: readonly string[];
  readonly bodyLimitKb: number;
  readonly sessions: { readonly cookieSecure: boolean };
  readonly requestTimeoutMs: number;
  readonly trustProxy: boolean;
}

/** Everything the HTTP adapter needs, built by the composition root (src/composition) or a test. */
export interface AppDeps {
  readonly settings: HttpSettings;
  readonly logger: Logger;
  readonly contract: OpenApiContract;
  /** The built web app (dist/web); absent in API-only tests. */
  readonly webAppDir?: string;
  readonly databaseHealth: DatabaseHealth;
  readonly metrics: HttpMetrics;
  readonly auth: AccessChecks & { readonly verification: TokenVerification };
  readonly useCases: {
    readonly identity: IdentityUseCases;
    readonly sessions: SessionUseCases;
    readonly progress: ProgressUseCases;
    readonly catalog: CatalogUseCases;
    readonly diagnostika: DiagnostikaUseCases;
    readonly content: ContentUseCases;
    readonly levelExams: ExamUseCases;
    readonly rankFinals: ExamUseCases;
    readonly approvals: ApprovalUseCases;
    readonly admin: AdminWorkspaceUseCases;
  };
}

export const API_BASE = '/api/v1';

/** Builds the Express application without listening, so tests and the server share it. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.settings.trustProxy);
  app.use(deps.metrics.middleware);

  app.use(requestLog(deps.logger));
  // Helmet's defaults, except upgrade-insecure-requests: on a plain-HTTP host (the demo, a LAN
  // address) it would make browsers fetch Swagger UI's scripts and "Try it out" calls over HTTPS.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use(
    cors({
      // An empty list means no cross-origin access at all.
      origin: (origin, callback) => callback(null, origin !== undefined && deps.settings.corsOrigins.includes(origin)),
      // The web app on an allowed origin sends the refresh cookie with credentials: 'include'.
      credentials: true,
      exposedHeaders: ['X-Request-Id', 'Retry-After', 'WWW-Authenticate'],
      maxAge: 600,
    }),
  );
  app.use(requestTimeout(deps.settings.requestTimeoutMs));
  app.use(contentEncodingGate());
  const auth = createAuthentication(deps.auth.verification, deps.auth);
  const cookies = refreshCookies(deps.settings.sessions.cookieSecure);
  // The bundle import alone takes bodies beyond the global limit (up to 20 MB): its admin is
  // authenticated before such a body is read, and the global parser then skips the parsed body.
  app.post(`${API_BASE}${IMPORT_PATH}`, auth.admin, importBodyParser());
  // Only the refresh cookies are read, and only on the paths they are sent to.
  app.use(
    Object.values(REFRESH_COOKIES).map((cookie) => cookie.path),
    cookieParser(),
  );
  app.use(express.json({ limit: `${deps.settings.bodyLimitKb}kb`, type: ['application/json', 'application/*+json'] }));

  app.use(API_BASE, apiRouter(deps, auth, cookies));
  app.use(contractRouter(deps.contract));
  if (deps.webAppDir !== undefined) app.use(webAppRouter(deps.webAppDir));

  app.use((req, _res, next) => next(new DomainError('not_found', `No route for ${req.method} ${req.path}`)));
  app.use(problemHandler(deps.logger));
  return app;
}

/**
 * Everything under /api/v1 in one router mounted once: the contract validator, then each context's
 * routes. A request for the web app or /docs passes it with one prefix test.
 */
function apiRouter(deps: AppDeps, auth: Authentication, cookies: RefreshCookies): Router {
  const api = Router();
  api.use(contractValidator({ document: deps.contract.document }));
  api.use(healthRouter(deps.databaseHealth));
  api.use(deps.metrics.router);
  api.use(identityRouter(deps.useCases.identity, auth, cookies));
  api.use(sessionsRouter(deps.useCases.sessions, auth, { cookies, corsOrigins: deps.settings.corsOrigins }));
  api.use(progressRouter(deps.useCases.progress, auth));
  api.use(catalogRouter(deps.useCases.catalog, auth));
  api.use(diagnostikaRouter(deps.useCases.diagnostika, auth));
  api.use(contentRouter(deps.useCases.content, auth));
  api.use(examsRouter('/exams/level', deps.useCases.levelExams, auth));
  api.use(examsRouter('/exams/rank-final', deps.useCases.rankFinals, auth));
  api.use(approvalsRouter(deps.useCases.approvals, auth));
  api.use(adminWorkspaceRouter(deps.useCases.admin, auth));
  return api;
}
