import type { ProgressUseCases } from '../adapters/http/progress/progress.router.js';
import { loadEligibility, type LoadEligibility } from '../application/progress/eligibility.service.js';
import { applyProgression, type ApplyProgression } from '../application/progress/progression.service.js';
import {
  getCurrentStage,
  getEligibility,
  getPinnedSettings,
  getStageHistory,
  getWeakness,
} from '../application/progress/progress-views.use-case.js';
import { loadWeaknessProfile, type LoadWeaknessProfile } from '../application/progress/weakness-profile.service.js';
import type { WiringContext } from './wiring-context.js';

/** The progress building blocks the exams, content and the expiry sweep run inside their own transactions. */
export interface ProgressServices {
  readonly eligibility: LoadEligibility;
  readonly weakness: LoadWeaknessProfile;
  readonly progression: ApplyProgression;
}

function progressDeps({ transactor, repos }: WiringContext) {
  const { stages, pinnedSettings, checklists, weaknessEvidence } = repos;
  return { transactor, stages, pinnedSettings, checklists, weaknessEvidence };
}

export function progressServices(w: WiringContext): ProgressServices {
  const deps = progressDeps(w);
  return {
    eligibility: loadEligibility(deps),
    weakness: loadWeaknessProfile(deps),
    progression: applyProgression({ transitions: w.repos.transitions, approvals: w.repos.approvals }),
  };
}

export function progressUseCases(w: WiringContext): ProgressUseCases {
  const deps = progressDeps(w);
  return {
    getCurrentStage: getCurrentStage(deps),
    getHistory: getStageHistory(deps),
    getSettings: getPinnedSettings(deps),
    getEligibility: getEligibility(deps),
    getWeakness: getWeakness(deps),
  };
}
