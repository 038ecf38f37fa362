import { Router } from 'express';
import type { AdminProfile, LearnerProfile } from '../../../application/identity/identity.ports.js';
import type { LoginAttempt } from '../../../application/identity/login-verifier.service.js';
import type { ClientInfo } from '../../../application/identity/sessions/sessions.ports.js';
import type { SignedIn } from '../../../application/identity/sessions/start-session.use-case.js';
import type { AdminActor, LearnerActor } from '../../../domain/identity/actor.js';
import type { RegistrationInput } from '../../../domain/identity/registration.rules.js';
import { adminOf, learnerOf, type Authentication } from '../auth/authentication.js';
import type {
  AdminLogInData,
  AdminLogInResponses,
  GetAdminMeResponses,
  GetMeResponses,
  LogInData,
  LogInResponses,
  SignUpData,
  SignUpResponses,
} from '../../../contract/generated/types.gen.js';
import { bodyOf } from '../shared/typed-route.js';
import type { RefreshCookies } from './refresh-cookies.js';
import { clientOf } from './sessions.router.js';
import { tokenJson } from './token-json.js';

export interface IdentityUseCases {
  readonly signUp: (input: RegistrationInput) => Promise<LearnerProfile>;
  readonly logInLearner: (attempt: LoginAttempt, client: ClientInfo) => Promise<SignedIn>;
  readonly logInAdmin: (attempt: LoginAttempt, client: ClientInfo) => Promise<SignedIn>;
  readonly getLearnerProfile: (actor: LearnerActor) => Promise<LearnerProfile>;
  readonly getAdminProfile: (actor: AdminActor) => Promise<AdminProfile>;
}

const learnerJson = (learner: LearnerProfile): SignUpResponses[201] => ({
  id: learner.id,
  email: learner.email,
  full_name: learner.fullName,
  track_id: learner.trackId,
  created_at: learner.createdAt.toISOString(),
});

export function identityRouter(useCases: IdentityUseCases, auth: Authentication, cookies: RefreshCookies): Router {
  const router = Router();

  router.post('/auth/signup', async (req, res) => {
    const body = bodyOf<SignUpData>(req);
    const learner = await useCases.signUp({
      email: body.email,
      fullName: body.full_name,
      password: body.password,
      trackId: body.track_id,
    });
    res.status(201).json(learnerJson(learner) satisfies SignUpResponses[201]);
  });

  router.post('/auth/login', async (req, res) => {
    const body = bodyOf<LogInData>(req);
    const attempt = { email: body.email, password: body.password, ip: req.ip ?? 'unknown' };
    const signedIn = await useCases.logInLearner(attempt, clientOf(req));
    cookies.set(res, 'learner', signedIn.refresh);
    res.setHeader('Cache-Control', 'no-store');
    res.json(tokenJson(signedIn.access) satisfies LogInResponses[200]);
  });

  router.get('/users/me', auth.learner, async (_req, res) => {
    const learner = await useCases.getLearnerProfile(learnerOf(res));
    res.json({
      ...learnerJson(learner),
      graduated_at: learner.graduatedAt?.toISOString() ?? null,
    } satisfies GetMeResponses[200]);
  });

  router.post('/admin/login', async (req, res) => {
    const body = bodyOf<AdminLogInData>(req);
    const attempt = { email: body.email, password: body.password, ip: req.ip ?? 'unknown' };
    const signedIn = await useCases.logInAdmin(attempt, clientOf(req));
    cookies.set(res, 'admin', signedIn.refresh);
    res.setHeader('Cache-Control', 'no-store');
    res.json(tokenJson(signedIn.access) satisfies AdminLogInResponses[200]);
  });

  router.get('/admin/me', auth.admin, async (_req, res) => {
    const admin = await useCases.getAdminProfile(adminOf(res));
    res.json({
      id: admin.id,
      email: admin.email,
      full_name: admin.fullName,
      is_active: admin.isActive,
    } satisfies GetAdminMeResponses[200]);
  });

  return router;
}
