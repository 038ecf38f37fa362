import { Router } from 'express';
import type { StageEligibility } from '../../../application/progress/eligibility.service.js';
import type {
  CurrentStageView,
  PinnedSettingsView,
  WeaknessView,
} from '../../../application/progress/progress-views.use-case.js';
import type { StageRecord } from '../../../application/progress/progress.ports.js';
import type { LearnerActor } from '../../../domain/identity/actor.js';
import type {
  GetCurrentStageResponses,
  GetEligibilityResponses,
  GetPinnedSettingsResponses,
  GetStageHistoryResponses,
  GetWeaknessResponses,
  StageHistoryRow,
} from '../../../contract/generated/types.gen.js';
import { settingsJson } from '../shared/settings-json.js';
import { learnerOf, type Authentication } from '../auth/authentication.js';
import { eligibilityJson } from './eligibility-json.js';

export interface ProgressUseCases {
  readonly getCurrentStage: (actor: LearnerActor) => Promise<CurrentStageView>;
  readonly getHistory: (actor: LearnerActor) => Promise<StageRecord[]>;
  readonly getSettings: (actor: LearnerActor) => Promise<PinnedSettingsView>;
  readonly getEligibility: (actor: LearnerActor) => Promise<StageEligibility>;
  readonly getWeakness: (actor: LearnerActor) => Promise<WeaknessView>;
}

const stageRecordJson = (stage: StageRecord): StageHistoryRow => ({
  stage_id: stage.stageId,
  rank: stage.rank,
  level: stage.level,
  position: stage.position,
  status: stage.status,
  settings_version_id: stage.settingsVersionId,
  activated_at: stage.activatedAt.toISOString(),
  completed_at: stage.completedAt?.toISOString() ?? null,
});

export function progressRouter(useCases: ProgressUseCases, auth: Authentication): Router {
  const router = Router();

  router.get('/progress/current-stage', auth.learner, async (_req, res) => {
    const stage = await useCases.getCurrentStage(learnerOf(res));
    res.json({
      user_id: stage.userId,
      track_id: stage.trackId,
      track_name: stage.trackName,
      stage_id: stage.stageId,
      rank: stage.rank,
      level: stage.level,
      position: stage.position,
      status: stage.status,
      activated_at: stage.activatedAt.toISOString(),
      settings_version_id: stage.settingsVersionId,
      graduated_at: stage.graduatedAt?.toISOString() ?? null,
    } satisfies GetCurrentStageResponses[200]);
  });

  router.get('/progress/history', auth.learner, async (_req, res) => {
    res.json((await useCases.getHistory(learnerOf(res))).map(stageRecordJson) satisfies GetStageHistoryResponses[200]);
  });

  router.get('/progress/settings', auth.learner, async (_req, res) => {
    const { settingsVersionId, settings } = await useCases.getSettings(learnerOf(res));
    res.json({
      settings_version_id: settingsVersionId,
      ...settingsJson(settings),
    } satisfies GetPinnedSettingsResponses[200]);
  });

  router.get('/progress/eligibility', auth.learner, async (_req, res) => {
    res.json(eligibilityJson(await useCases.getEligibility(learnerOf(res))) satisfies GetEligibilityResponses[200]);
  });

  router.get('/progress/weakness', auth.learner, async (_req, res) => {
    const view = await useCases.getWeakness(learnerOf(res));
    res.json({
      metric: view.metric,
      modules: view.modules.map((m) => ({
        module_id: m.moduleId,
        module_name: m.moduleName,
        correct: m.correct,
        total: m.total,
        weakness: m.weakness,
        rank: m.rank,
        evidence: m.evidence,
        interval: m.interval,
      })),
      content_weak_module_ids: view.contentWeakModuleIds,
      exam_weak_module_ids: view.examWeakModuleIds,
    } satisfies GetWeaknessResponses[200]);
  });

  return router;
}
