import { Router } from 'express';
import type { AdminProfile, LearnerProfile } from '../../../application/identity/identity.ports.js';
import type { LoginAttempt } from '../../../application/identity/verify-login.js';
import type { AccessToken } from '../../../application/ports/token-issuer.port.js';
import type { AdminActor, LearnerActor } from '../../../domain/identity/actor.js';
import type { RegistrationInput } from '../../../domain/identity/registration.rules.js';
import { adminOf, learnerOf, type Authentication } from '../auth/authentication.js';
import type { AdminLogInData, LogInData, SignUpData } from '../../../contract/generated/types.gen.js';
import { bodyOf } from '../shared/typed-route.js';

export interface IdentityUseCases {
  readonly signUp: (input: RegistrationInput) => Promise<LearnerProfile>;
  readonly logInLearner: (attempt: LoginAttempt) => Promise<AccessToken>;
  readonly logInAdmin: (attempt: LoginAttempt) => Promise<AccessToken>;
  readonly getLearnerProfile: (actor: LearnerActor) => Promise<LearnerProfile>;
  readonly getAdminProfile: (actor: AdminActor) => Promise<AdminProfile>;
}

const learnerJson = (learner: LearnerProfile) => ({
  id: learner.id,
  email: learner.email,
  full_name: learner.fullName,
  track_id: learner.trackId,
  created_at: learner.createdAt.toISOString(),
});

const tokenJson = (token: AccessToken) => ({
  access_token: token.accessToken,
  token_type: token.tokenType,
  expires_in: token.expiresIn,
});

export function identityRouter(useCases: IdentityUseCases, auth: Authentication): Router {
  const router = Router();

  router.post('/auth/signup', async (req, res) => {
    const body = bodyOf<SignUpData>(req);
    const learner = await useCases.signUp({
      email: body.email,
      fullName: body.full_name,
      password: body.password,
      trackId: body.track_id,
    });
    res.status(201).json(learnerJson(learner));
  });

  router.post('/auth/login', async (req, res) => {
    const body = bodyOf<LogInData>(req);
    res.json(
      tokenJson(await useCases.logInLearner({ email: body.email, password: body.password, ip: req.ip ?? 'unknown' })),
    );
  });

  router.get('/users/me', auth.learner, async (_req, res) => {
    const learner = await useCases.getLearnerProfile(learnerOf(res));
    res.json({ ...learnerJson(learner), graduated_at: learner.graduatedAt?.toISOString() ?? null });
  });

  router.post('/admin/login', async (req, res) => {
    const body = bodyOf<AdminLogInData>(req);
    res.json(
      tokenJson(await useCases.logInAdmin({ email: body.email, password: body.password, ip: req.ip ?? 'unknown' })),
    );
  });

  router.get('/admin/me', auth.admin, async (_req, res) => {
    const admin = await useCases.getAdminProfile(adminOf(res));
    res.json({ id: admin.id, email: admin.email, full_name: admin.fullName, is_active: admin.isActive });
  });

  return router;
}
