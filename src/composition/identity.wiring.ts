import type pg from 'pg';
import type { AccessChecks } from '../adapters/http/auth/authentication.js';
import type { IdentityUseCases } from '../adapters/http/identity/identity.router.js';
import type { SessionUseCases } from '../adapters/http/identity/sessions.router.js';
import { PgLoginThrottle } from '../adapters/postgres/identity/login-throttle.repository.js';
import { Argon2PasswordHasher } from '../adapters/security/argon2-password-hasher.js';
import { JwtTokenIssuer } from '../adapters/security/jwt-token-issuer.js';
import { refreshSecrets } from '../adapters/security/refresh-secrets.js';
import { logInAdmin, logInLearner } from '../application/identity/log-in.use-case.js';
import { createLoginVerifier, type LoginVerifier } from '../application/identity/login-verifier.service.js';
import {
  checkAdminAccess,
  checkLearnerAccess,
  getAdminProfile,
  getLearnerProfile,
} from '../application/identity/profiles.use-case.js';
import { changePassword } from '../application/identity/sessions/change-password.use-case.js';
import { logOut, logOutEverywhere, revokeSession } from '../application/identity/sessions/end-session.use-case.js';
import { listSessions } from '../application/identity/sessions/list-sessions.use-case.js';
import { refreshSession } from '../application/identity/sessions/refresh-session.use-case.js';
import type { SessionDeps } from '../application/identity/sessions/session-policy.js';
import { startSession } from '../application/identity/sessions/start-session.use-case.js';
import { signUpLearner } from '../application/identity/sign-up-learner.use-case.js';
import type { PasswordHasher } from '../application/ports/password-hasher.port.js';
import type { AppConfig } from '../config/config.js';
import type { WiringContext } from './wiring-context.js';

/** What sign-up, log-in and the session endpoints share: one hasher, one login verifier, one session policy. */
export interface IdentityServices {
  readonly hasher: PasswordHasher;
  readonly verifier: LoginVerifier;
  readonly sessions: SessionDeps;
}

export async function identityServices(w: WiringContext, config: AppConfig, pool: pg.Pool): Promise<IdentityServices> {
  const hasher = new Argon2PasswordHasher(config.passwordHash);
  // The throttle keeps its own counters in PostgreSQL outside the SQL catalogue (docs/architecture.md, "Layout").
  const verifier = await createLoginVerifier(hasher, new PgLoginThrottle(pool, config.loginRateLimit, config.db));
  // Sessions (refresh-token families) for browser clients.
  const familyLifetime = config.sessions.refreshTtlDays * 86_400;
  const sessions: SessionDeps = {
    transactor: w.transactor,
    refreshTokens: w.repos.refreshTokens,
    secrets: refreshSecrets,
    tokens: new JwtTokenIssuer(config.jwt),
    clock: w.clock,
    policy: {
      learner: { slidingSeconds: familyLifetime, absoluteSeconds: familyLifetime },
      admin: {
        slidingSeconds: Math.min(config.sessions.adminRefreshTtlHours * 3_600, familyLifetime),
        absoluteSeconds: familyLifetime,
      },
      reuseGraceSeconds: config.sessions.reuseGraceSeconds,
    },
  };
  return { hasher, verifier, sessions };
}

export function identityUseCases(w: WiringContext, config: AppConfig, services: IdentityServices): IdentityUseCases {
  const { transactor, repos } = w;
  const { learners, admins } = repos;
  const signIn = startSession(services.sessions);
  return {
    signUp: signUpLearner({
      transactor,
      learners,
      placement: repos.placement,
      hasher: services.hasher,
      defaultTrackName: config.defaultTrack,
    }),
    logInLearner: logInLearner({ transactor, verifier: services.verifier, startSession: signIn, learners }),
    logInAdmin: logInAdmin({ transactor, verifier: services.verifier, startSession: signIn, admins }),
    getLearnerProfile: getLearnerProfile({ transactor, learners }),
    getAdminProfile: getAdminProfile({ transactor, admins }),
  };
}

export function sessionUseCases(w: WiringContext, services: IdentityServices): SessionUseCases {
  const deps = services.sessions;
  return {
    refresh: refreshSession(deps),
    logOut: logOut(deps),
    logOutEverywhere: logOutEverywhere(deps),
    list: listSessions(deps),
    revoke: revokeSession(deps),
    changePassword: changePassword({
      ...deps,
      learners: w.repos.learners,
      verifier: services.verifier,
      hasher: services.hasher,
    }),
  };
}

/** The checks the authentication middleware runs on every bearer token. */
export function accessChecks(w: WiringContext): AccessChecks {
  return {
    checkAdminAccess: checkAdminAccess({ transactor: w.transactor, admins: w.repos.admins }),
    checkLearnerAccess: checkLearnerAccess({ transactor: w.transactor, learners: w.repos.learners }),
  };
}
