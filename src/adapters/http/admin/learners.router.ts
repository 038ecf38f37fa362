import { toAssemblyDocument } from '../../../application/exams/assembly-document.js';
import { Router } from 'express';
import type { LearnerDetail, LearnerSearch, LearnerSummary } from '../../../application/learners/learners.ports.js';
import type { LearnerChanges } from '../../../application/learners/update-learner.use-case.js';
import type { AdminActor } from '../../../domain/identity/actor.js';
import { adminOf, type Authentication } from '../auth/authentication.js';
import { keysetPage } from '../../../application/shared/keyset-page.js';
import { decodeCursor, pageJson } from '../shared/page-cursor.js';
import { DEFAULT_PAGE_SIZE } from './question-bank.router.js';
import type {
  AdminGetLearnerResponses,
  AdminLearner,
  AdminLearnerDetail,
  AdminListLearnersData,
  AdminListLearnersResponses,
  AdminUpdateLearnerData,
  AdminUpdateLearnerResponses,
} from '../../../contract/generated/types.gen.js';
import { bodyOf, queryOf } from '../shared/typed-route.js';

export interface LearnersUseCases {
  readonly search: (search: LearnerSearch, actor: AdminActor) => Promise<LearnerSummary[]>;
  readonly detail: (userId: number, actor: AdminActor) => Promise<LearnerDetail>;
  readonly update: (userId: number, changes: LearnerChanges, actor: AdminActor) => Promise<LearnerDetail>;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

const summaryJson = (learner: LearnerSummary): AdminLearner => ({
  id: learner.id,
  email: learner.email,
  full_name: learner.fullName,
  track_id: learner.trackId,
  track_name: learner.trackName,
  created_at: learner.createdAt.toISOString(),
  graduated_at: iso(learner.graduatedAt),
  is_active: learner.isActive,
  extra_time_pct: learner.extraTimePct,
  current_stage:
    learner.currentStage === null
      ? null
      : {
          stage_id: learner.currentStage.stageId,
          rank: learner.currentStage.rank,
          level: learner.currentStage.level,
          status: learner.currentStage.status,
        },
});

const detailJson = (detail: LearnerDetail): AdminLearnerDetail => ({
  profile: summaryJson(detail.profile),
  stages: detail.stages.map((stage) => ({
    stage_id: stage.stageId,
    rank: stage.rank,
    level: stage.level,
    position: stage.position,
    status: stage.status,
    settings_version_id: stage.settingsVersionId,
    settings_version_no: stage.settingsVersionNo,
    activated_at: stage.activatedAt.toISOString(),
    completed_at: iso(stage.completedAt),
  })),
  diagnostika:
    detail.diagnostika === null
      ? null
      : {
          diagnostika_id: detail.diagnostika.diagnostikaId,
          stage_id: detail.diagnostika.stageId,
          total_q: detail.diagnostika.totalQ,
          score_total: detail.diagnostika.scoreTotal,
          created_at: detail.diagnostika.createdAt.toISOString(),
          submitted_at: iso(detail.diagnostika.submittedAt),
          module_stats: detail.diagnostika.moduleStats.map((stat) => ({
            module_id: stat.moduleId,
            module_name: stat.moduleName,
            correct_cnt: stat.correctCnt,
            total_cnt: stat.totalCnt,
          })),
        },
  attempts: detail.attempts.map((attempt) => ({
    kind: attempt.kind,
    attempt_id: attempt.attemptId,
    attempt_no: attempt.attemptNo,
    stage_id: attempt.stageId,
    settings_version_id: attempt.settingsVersionId,
    total_q: attempt.totalQ,
    pass_score: attempt.passScore,
    score_total: attempt.scoreTotal,
    passed: attempt.passed,
    created_at: attempt.createdAt.toISOString(),
    submitted_at: iso(attempt.submittedAt),
    assembly: attempt.assembly === null ? null : toAssemblyDocument(attempt.assembly),
  })),
  approvals: detail.approvals.map((approval) => ({
    request_id: approval.requestId,
    type: approval.type,
    status: approval.status,
    from_stage_id: approval.fromStageId,
    to_stage_id: approval.toStageId,
    comment: approval.comment,
    created_at: approval.createdAt.toISOString(),
    decided_at: iso(approval.decidedAt),
    decided_by_admin_id: approval.decidedByAdminId,
  })),
});

/** Learners as admins see them. */
export function learnersRouter(useCases: LearnersUseCases, auth: Authentication): Router {
  const router = Router();

  router.get('/admin/users', auth.admin, async (req, res) => {
    const query = queryOf<AdminListLearnersData>(req);
    const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
    const page = await keysetPage(
      limit,
      (limitPlusOne) =>
        useCases.search(
          {
            q: query.q,
            trackId: query.track_id === undefined ? undefined : Number(query.track_id),
            afterId: decodeCursor(query.cursor),
            limit: limitPlusOne,
          },
          adminOf(res),
        ),
      (row) => row.id,
    );
    res.json(pageJson(page, summaryJson) satisfies AdminListLearnersResponses[200]);
  });

  router.get('/admin/users/:user_id', auth.admin, async (req, res) => {
    const detail = await useCases.detail(Number(req.params.user_id), adminOf(res));
    res.json(detailJson(detail) satisfies AdminGetLearnerResponses[200]);
  });

  // The contract asks for at least one known property; each becomes one field of LearnerChanges.
  router.patch('/admin/users/:user_id', auth.admin, async (req, res) => {
    const body = bodyOf<AdminUpdateLearnerData>(req);
    const changes: LearnerChanges = { isActive: body.is_active, extraTimePct: body.extra_time_pct };
    const updated = await useCases.update(Number(req.params.user_id), changes, adminOf(res));
    res.json(detailJson(updated) satisfies AdminUpdateLearnerResponses[200]);
  });

  return router;
}
