import { withEvidence, type RateInterval } from '../../domain/progress/weakness-interval.rules.js';
import type { LearnerActor } from '../../domain/identity/actor.js';
import { notFound } from '../../domain/shared/domain-error.js';
import { assertStageInForce, requireActiveStage } from '../../domain/progress/stage-lifecycle.rules.js';
import { weakModuleIds, type ModuleWeakness } from '../../domain/progress/weakness.rules.js';
import type { TrackSettings, WeaknessMetric } from '../../domain/settings/track-settings.js';
import type { Session, Transactor } from '../ports/transactor.port.js';
import { loadEligibility, type StageEligibility } from './eligibility.service.js';
import { loadWeaknessProfile } from './weakness-profile.service.js';
import type {
  PinnedSettings,
  StageChecklists,
  StageOverview,
  StageProgress,
  StageRecord,
  WeaknessEvidence,
} from './progress.ports.js';

export interface ProgressDeps {
  readonly transactor: Transactor;
  readonly stages: StageProgress;
  readonly pinnedSettings: PinnedSettings;
  readonly checklists: StageChecklists;
  readonly weaknessEvidence: WeaknessEvidence;
}

/** Where the learner stands: `graduated` shows the last stage's row. */
export interface CurrentStageView extends Omit<StageOverview, 'status'> {
  readonly status: 'active' | 'pending_approval' | 'graduated';
}

export interface PinnedSettingsView {
  readonly settingsVersionId: number;
  readonly settings: TrackSettings;
}

export interface WeaknessView {
  readonly metric: WeaknessMetric;
  readonly modules: (ModuleWeakness & { evidence: number; interval: RateInterval | null })[];
  readonly contentWeakModuleIds: number[];
  readonly examWeakModuleIds: number[];
}

/** The stage whose rules apply now: the current one, else (graduated) the last one. */
async function stageInForce(deps: ProgressDeps, db: Session, userId: number): Promise<StageOverview> {
  const overview = await deps.stages.findOverview(db, userId);
  if (overview === undefined) throw notFound('Learner progress');
  assertStageInForce(overview);
  return overview;
}

/** GET /progress/current-stage: one indexed query. */
export const getCurrentStage =
  (deps: ProgressDeps) =>
  async (actor: LearnerActor): Promise<CurrentStageView> =>
    deps.transactor.read(async (db) => {
      const overview = await stageInForce(deps, db, actor.userId);
      return { ...overview, status: overview.status === 'completed' ? 'graduated' : overview.status };
    });

/** GET /progress/history: every stage row, by position. */
export const getStageHistory =
  (deps: ProgressDeps) =>
  async (actor: LearnerActor): Promise<StageRecord[]> =>
    deps.transactor.read((db) => deps.stages.listHistory(db, actor.userId));

/** GET /progress/settings: the version pinned on the stage in force, never the track's active one. */
export const getPinnedSettings =
  (deps: ProgressDeps) =>
  async (actor: LearnerActor): Promise<PinnedSettingsView> =>
    deps.transactor.snapshot(async (db) => {
      const stage = await stageInForce(deps, db, actor.userId);
      return {
        settingsVersionId: stage.settingsVersionId,
        settings: await deps.pinnedSettings.settingsOf(db, stage.settingsVersionId),
      };
    });

/**
 * GET /progress/eligibility: the level-exam admission report of the ACTIVE stage. A stage waiting
 * for approval has nothing left to be admitted to, so it answers 409 no_active_stage like a
 * graduated learner (the lead's exam start does the same).
 */
export const getEligibility = (deps: ProgressDeps) => {
  const eligibility = loadEligibility(deps);
  return async (actor: LearnerActor): Promise<StageEligibility> =>
    deps.transactor.snapshot(async (db) => {
      const stage = requireActiveStage(await deps.stages.findCurrentStage(db, actor.userId));
      return eligibility(db, actor, stage);
    });
};

/**
 * GET /progress/weakness: the profile under the pinned settings of the stage in force (also when pending or
 * graduated).
 */
export const getWeakness = (deps: ProgressDeps) => {
  const weakness = loadWeaknessProfile(deps);
  return async (actor: LearnerActor): Promise<WeaknessView> =>
    deps.transactor.snapshot(async (db) => {
      const stage = await stageInForce(deps, db, actor.userId);
      const settings = await deps.pinnedSettings.settingsOf(db, stage.settingsVersionId);
      const modules = await weakness(db, { userId: actor.userId, trackId: stage.trackId }, settings);
      return {
        metric: settings.weaknessMetric,
        modules: modules.map((row) => withEvidence(settings.weaknessMetric, row)),
        contentWeakModuleIds: weakModuleIds(modules, settings.contentKWeakModules),
        examWeakModuleIds: weakModuleIds(modules, settings.kExam),
      };
    });
};
