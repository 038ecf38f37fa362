import { createSecretKey } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Passport } from 'passport';
import {
  ExtractJwt,
  Strategy as JwtStrategy,
  type StrategyOptionsWithoutRequest,
  type VerifiedCallback,
} from 'passport-jwt';
import type { AdminActor, LearnerActor, TokenScope } from '../../../domain/identity/actor.js';
import { DomainError } from '../../../domain/shared/domain-error.js';

export interface TokenVerification {
  readonly secret: string;
  readonly algorithm: 'HS256' | 'HS384' | 'HS512';
  readonly issuer: string;
  readonly audience: string;
}

export interface Authentication {
  /** Learner routes: a valid `scope: user` token of a learner who is still active. */
  readonly learner: RequestHandler;
  /** Admin routes: a valid `scope: admin` token of an admin who is still active. */
  readonly admin: RequestHandler;
}

/** Why a token was refused; a wrong scope or a deactivated admin is 403, anything else 401. */
interface Refusal {
  readonly refusal: 'forbidden' | 'unauthorized';
  readonly message: string;
}

const SUBJECT = /^[1-9]\d{0,15}$/;

/** A refusal of an active-account check becomes 403; anything else (the database) propagates. */
const refuseOrFail = (done: VerifiedCallback) => (error: unknown) =>
  error instanceof DomainError && error.code === 'forbidden'
    ? done(null, false, { refusal: 'forbidden', message: error.message } satisfies Refusal)
    : done(error);

/**
 * passport-jwt strategies, one per scope, on a private Passport instance (no sessions). Only the
 * configured HMAC algorithm is accepted, so `alg: none` and algorithm confusion fail signature
 * checking; exp, nbf, iss and aud are verified by jsonwebtoken.
 */
export interface AccessChecks {
  readonly checkAdminAccess: (adminId: number) => Promise<AdminActor>;
  /** Throws DomainError('forbidden') for a deactivated learner. */
  readonly checkLearnerAccess: (userId: number) => Promise<void>;
}

export function createAuthentication(verification: TokenVerification, checks: AccessChecks): Authentication {
  const passport = new Passport();
  const options: StrategyOptionsWithoutRequest = {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    // A KeyObject, built once: handed a string, jsonwebtoken first tries it as a PEM public key and
    // catches the throw on EVERY request (the bench measured ~15% of the read path's CPU there).
    // passport-jwt passes the key through untouched; its types only know string | Buffer.
    secretOrKey: createSecretKey(Buffer.from(verification.secret, 'utf8')) as unknown as string,
    algorithms: [verification.algorithm],
    issuer: verification.issuer,
    audience: verification.audience,
    ignoreExpiration: false,
  };

  const subjectOf = (
    payload: Record<string, unknown>,
    scope: TokenScope,
    done: VerifiedCallback,
  ): number | undefined => {
    if (typeof payload.sub !== 'string' || !SUBJECT.test(payload.sub)) {
      done(null, false, { refusal: 'unauthorized', message: 'The token has no valid subject' } satisfies Refusal);
      return undefined;
    }
    if (payload.scope !== scope) {
      done(null, false, {
        refusal: 'forbidden',
        message: `This endpoint needs ${scope === 'user' ? 'a learner' : 'an admin'} token`,
      } satisfies Refusal);
      return undefined;
    }
    return Number(payload.sub);
  };

  passport.use(
    'learner',
    new JwtStrategy(options, (payload: Record<string, unknown>, done: VerifiedCallback) => {
      const userId = subjectOf(payload, 'user', done);
      if (userId === undefined) return;
      // `sid` names the session the token was issued for (absent from tokens minted outside a login).
      const sessionId = typeof payload.sid === 'string' && SUBJECT.test(payload.sid) ? Number(payload.sid) : undefined;
      checks
        .checkLearnerAccess(userId)
        .then(() => done(null, { kind: 'learner', userId, sessionId } satisfies LearnerActor), refuseOrFail(done));
    }),
  );
  passport.use(
    'admin',
    new JwtStrategy(options, (payload: Record<string, unknown>, done: VerifiedCallback) => {
      const adminId = subjectOf(payload, 'admin', done);
      if (adminId === undefined) return;
      checks.checkAdminAccess(adminId).then((actor) => done(null, actor), refuseOrFail(done));
    }),
  );

  const guard =
    (strategy: 'learner' | 'admin'): RequestHandler =>
    (req: Request, res: Response, next: NextFunction) => {
      passport.authenticate(
        strategy,
        { session: false },
        (error: unknown, actor: LearnerActor | AdminActor | false, info: unknown) => {
          if (error) return next(error);
          if (actor) {
            res.locals.actor = actor;
            return next();
          }
          const refusal = info as Partial<Refusal> | Error | undefined;
          if (refusal && 'refusal' in refusal && refusal.refusal === 'forbidden')
            return next(new DomainError('forbidden', refusal.message ?? 'Forbidden'));
          const sentToken =
            typeof req.headers.authorization === 'string' && req.headers.authorization.trim().length > 0;
          // RFC 6750: say "Bearer", and why the presented token failed.
          res.setHeader('WWW-Authenticate', sentToken ? 'Bearer error="invalid_token"' : 'Bearer');
          return next(
            new DomainError(
              'unauthorized',
              sentToken ? 'The access token is invalid or expired' : 'An access token is required',
            ),
          );
        },
      )(req, res, next);
    };

  return { learner: guard('learner'), admin: guard('admin') };
}

export function learnerOf(res: Response): LearnerActor {
  const actor = res.locals.actor as LearnerActor | undefined;
  if (actor?.kind !== 'learner') throw new Error('learnerOf() used on a route without learner authentication');
  return actor;
}

export function adminOf(res: Response): AdminActor {
  const actor = res.locals.actor as AdminActor | undefined;
  if (actor?.kind !== 'admin') throw new Error('adminOf() used on a route without admin authentication');
  return actor;
}
