import { randomUUID } from 'node:crypto';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { DatabaseHealth } from '../../application/ports/database-health.port.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { Logger } from '../logging/logger.js';
import { createAuthentication, type AccessChecks, type TokenVerification } from './auth/authentication.js';
import { contractRouter } from './contract/contract.router.js';
import { contractValidator } from './contract/request-validator.js';
import type { OpenApiContract } from './contract/openapi-document.js';
import { healthRouter } from './health/health.router.js';
import type { HttpMetrics } from './metrics/http-metrics.js';
import { identityRouter, type IdentityUseCases } from './identity/identity.router.js';
import { refreshCookies } from './identity/refresh-cookies.js';
import { sessionsRouter, type SessionUseCases } from './identity/sessions.router.js';
import { approvalsRouter, type ApprovalUseCases } from './approvals/approvals.router.js';
import { examsRouter, type ExamUseCases } from './exams/exams.router.js';
import { catalogRouter, type CatalogUseCases } from './catalog/catalog.router.js';
import { contentRouter, type ContentUseCases } from './content/content.router.js';
import { diagnostikaRouter, type DiagnostikaUseCases } from './diagnostika/diagnostika.router.js';
import { progressRouter, type ProgressUseCases } from './progress/progress.router.js';
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

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Builds the Express application without listening, so tests and the server share it. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.settings.trustProxy);
  app.use(deps.metrics.middleware);

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Bodies are never logged (passwords travel in them); only method, url and status.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug',
    }),
  );
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
  // Only the refresh cookies are read, and only by the auth subsystem's routes.
  app.use(cookieParser());
  app.use(express.json({ limit: `${deps.settings.bodyLimitKb}kb`, type: ['application/json', 'application/*+json'] }));

  app.use(contractRouter(deps.contract));
  app.use(API_BASE, contractValidator({ document: deps.contract.document }));
  app.use(API_BASE, healthRouter(deps.databaseHealth));
  app.use(API_BASE, deps.metrics.router);
  app.use(API_BASE, identityRouter(deps.useCases.identity, auth, cookies));
  app.use(API_BASE, sessionsRouter(deps.useCases.sessions, auth, { cookies, corsOrigins: deps.settings.corsOrigins }));
  app.use(API_BASE, progressRouter(deps.useCases.progress, auth));
  app.use(API_BASE, catalogRouter(deps.useCases.catalog, auth));
  app.use(API_BASE, diagnostikaRouter(deps.useCases.diagnostika, auth));
  app.use(API_BASE, contentRouter(deps.useCases.content, auth));
  app.use(API_BASE, examsRouter('/exams/level', deps.useCases.levelExams, auth));
  app.use(API_BASE, examsRouter('/exams/rank-final', deps.useCases.rankFinals, auth));
  app.use(API_BASE, approvalsRouter(deps.useCases.approvals, auth));
  app.use(API_BASE, adminWorkspaceRouter(deps.useCases.admin, auth));
  if (deps.webAppDir !== undefined) app.use(webAppRouter(deps.webAppDir));

  app.use((req, _res, next) => next(new DomainError('not_found', `No route for ${req.method} ${req.path}`)));
  app.use(problemHandler);
  return app;
}
