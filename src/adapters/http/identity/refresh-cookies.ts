import type { Request, RequestHandler, Response } from 'express';
import type { RefreshCookie, SessionOwner } from '../../../application/identity/sessions/sessions.ports.js';
import { DomainError } from '../../../domain/shared/domain-error.js';

/**
 * The refresh cookies. Each is sent only to its own auth paths (the learner's never reaches the
 * admin's, and neither reaches a domain endpoint), never readable by scripts, never sent
 * cross-site; Secure unless COOKIE_SECURE=false.
 */
export const REFRESH_COOKIES = {
  learner: { name: 'alp_refresh', path: '/api/v1/auth' },
  admin: { name: 'alp_admin_refresh', path: '/api/v1/admin/auth' },
} as const satisfies Record<SessionOwner['kind'], { name: string; path: string }>;

export interface RefreshCookies {
  set(res: Response, kind: SessionOwner['kind'], cookie: RefreshCookie): void;
  clear(res: Response, kind: SessionOwner['kind']): void;
  read(req: Request, kind: SessionOwner['kind']): string | undefined;
}

export function refreshCookies(secure: boolean): RefreshCookies {
  const attributes = (kind: SessionOwner['kind']) => ({
    path: REFRESH_COOKIES[kind].path,
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
  });
  return {
    set: (res, kind, cookie) =>
      res.cookie(REFRESH_COOKIES[kind].name, cookie.token, { ...attributes(kind), expires: cookie.expiresAt }),
    clear: (res, kind) => res.clearCookie(REFRESH_COOKIES[kind].name, attributes(kind)),
    read: (req, kind) => {
      const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIES[kind].name];
      return typeof value === 'string' ? value : undefined;
    },
  };
}

/**
 * Refresh and logout act on a cookie the browser attaches by itself: a request whose Origin is
 * neither this server nor an allowed CORS origin is refused (SameSite=Strict is the first line,
 * this the second). Requests without Origin (same-origin GETs, curl, Postman) pass.
 */
export function originCheck(allowedOrigins: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined) return next();
    const own = `${req.protocol}://${req.get('host') ?? ''}`;
    if (origin === own || allowedOrigins.includes(origin)) return next();
    next(new DomainError('forbidden', 'This request may not come from another origin'));
  };
}
