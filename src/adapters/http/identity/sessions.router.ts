import { Router, type Request } from 'express';
import type { PasswordChange } from '../../../application/identity/sessions/change-password.use-case.js';
import type { SessionView } from '../../../application/identity/sessions/list-sessions.use-case.js';
import type { Refreshed } from '../../../application/identity/sessions/refresh-session.use-case.js';
import type { ClientInfo, SessionOwner } from '../../../application/identity/sessions/sessions.ports.js';
import type { LearnerActor } from '../../../domain/identity/actor.js';
import type {
  AdminRefreshSessionResponses,
  ChangeMyPasswordData,
  ListMySessionsResponses,
  RefreshSessionResponses,
  LearnerSession,
} from '../../../contract/generated/types.gen.js';
import { learnerOf, type Authentication } from '../auth/authentication.js';
import { bodyOf } from '../shared/typed-route.js';
import { originCheck, type RefreshCookies } from './refresh-cookies.js';
import { tokenJson } from './token-json.js';

export interface SessionUseCases {
  readonly refresh: (kind: SessionOwner['kind'], token: string | undefined, client: ClientInfo) => Promise<Refreshed>;
  readonly logOut: (kind: SessionOwner['kind'], token: string | undefined) => Promise<void>;
  readonly logOutEverywhere: (actor: LearnerActor) => Promise<void>;
  readonly list: (actor: LearnerActor) => Promise<SessionView[]>;
  readonly revoke: (actor: LearnerActor, sessionId: number) => Promise<void>;
  readonly changePassword: (actor: LearnerActor, change: PasswordChange) => Promise<void>;
}

export interface SessionsRouterOptions {
  readonly cookies: RefreshCookies;
  readonly corsOrigins: readonly string[];
}

const USER_AGENT_LIMIT = 500;

/** Where the request came from, as the sessions list shows it (user agents cut to what the table keeps). */
export const clientOf = (req: Request): ClientInfo => ({
  userAgent: req.get('user-agent')?.slice(0, USER_AGENT_LIMIT),
  ip: req.ip,
});

const sessionJson = (session: SessionView): LearnerSession => ({
  id: session.id,
  created_at: session.createdAt.toISOString(),
  last_used_at: session.lastUsedAt.toISOString(),
  expires_at: session.expiresAt.toISOString(),
  user_agent: session.userAgent,
  current: session.current,
});

/** Refresh, logout and the learner's sessions and password: the auth subsystem's own endpoints. */
export function sessionsRouter(
  useCases: SessionUseCases,
  auth: Authentication,
  options: SessionsRouterOptions,
): Router {
  const router = Router();
  const { cookies } = options;
  const sameOrigin = originCheck(options.corsOrigins);

  for (const [kind, base] of [
    ['learner', '/auth'],
    ['admin', '/admin/auth'],
  ] as const) {
    router.post(`${base}/refresh`, sameOrigin, async (req, res) => {
      const refreshed = await useCases.refresh(kind, cookies.read(req, kind), clientOf(req));
      // Within the grace window the browser already holds (or is receiving) the successor: no new cookie.
      if (refreshed.rotated !== undefined) cookies.set(res, kind, refreshed.rotated);
      res.setHeader('Cache-Control', 'no-store');
      res.json(tokenJson(refreshed.access) satisfies RefreshSessionResponses[200] & AdminRefreshSessionResponses[200]);
    });

    router.post(`${base}/logout`, sameOrigin, async (req, res) => {
      await useCases.logOut(kind, cookies.read(req, kind));
      cookies.clear(res, kind);
      res.status(204).end();
    });
  }

  router.post('/auth/logout-all', sameOrigin, auth.learner, async (_req, res) => {
    await useCases.logOutEverywhere(learnerOf(res));
    cookies.clear(res, 'learner');
    res.status(204).end();
  });

  router.get('/users/me/sessions', auth.learner, async (_req, res) => {
    res.json((await useCases.list(learnerOf(res))).map(sessionJson) satisfies ListMySessionsResponses[200]);
  });

  router.delete('/users/me/sessions/:session_id', auth.learner, async (req, res) => {
    await useCases.revoke(learnerOf(res), Number(req.params.session_id));
    res.status(204).end();
  });

  router.post('/users/me/password', auth.learner, async (req, res) => {
    const body = bodyOf<ChangeMyPasswordData>(req);
    await useCases.changePassword(learnerOf(res), {
      currentPassword: body.current_password,
      newPassword: body.new_password,
      ip: req.ip ?? 'unknown',
    });
    res.status(204).end();
  });

  return router;
}
