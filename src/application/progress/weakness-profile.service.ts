import { weaknessProfile, type ModuleWeakness } from '../../domain/progress/weakness.rules.js';
import type { TrackSettings } from '../../domain/settings/track-settings.js';
import type { Session } from '../ports/transactor.port.js';
import type { WeaknessEvidence } from './progress.ports.js';

/** The function `loadWeaknessProfile(deps)` returns. */
export type LoadWeaknessProfile = (
  db: Session,
  learner: { readonly userId: number; readonly trackId: number },
  settings: TrackSettings,
) => Promise<ModuleWeakness[]>;

/**
 * The learner's weakness profile under the given (pinned) settings, every module of the track,
 * weakest first (docs/product.md, "Weakness"). `errors` counts the diagnostika only; `error_rate` adds every
 * submitted level-exam and rank-final attempt. Runs on the caller's session; one query.
 */
export const loadWeaknessProfile =
  (deps: { readonly weaknessEvidence: WeaknessEvidence }): LoadWeaknessProfile =>
  async (db, learner, settings) => {
    const includeExams = settings.weaknessMetric === 'error_rate';
    const { modules, evidence } = await deps.weaknessEvidence.evidenceOf(db, learner, includeExams);
    return weaknessProfile(modules, evidence, settings.weaknessMetric);
  };
