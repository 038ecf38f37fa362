import { selectStageContent } from '../../domain/content/content-selection.rules.js';
import type { LearnerActor } from '../../domain/identity/actor.js';
import { weakModuleIds } from '../../domain/progress/weakness.rules.js';
import { requireActiveStage } from '../../domain/progress/stage-lifecycle.rules.js';
import { assertDiagnostikaSubmitted } from '../../domain/diagnostika/diagnostika-availability.rules.js';
import type { DiagnostikaAttempts } from '../diagnostika/diagnostika.ports.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { LoadWeaknessProfile } from '../progress/weakness-profile.service.js';
import type { PinnedSettings, StageProgress } from '../progress/progress.ports.js';
import type { StageAssignments } from './content.ports.js';

export interface AssignContentDeps {
  readonly transactor: Transactor;
  readonly stages: StageProgress;
  readonly pinnedSettings: PinnedSettings;
  readonly diagnostika: DiagnostikaAttempts;
  readonly assignments: StageAssignments;
  readonly weakness: LoadWeaknessProfile;
}

export interface ContentAssignment {
  /** true: assigned now (201); false: the stage already had its set (200). */
  readonly created: boolean;
  readonly stageId: number;
  readonly assignedOptional: number;
  readonly assignedRequired: number;
  /** Ascending, so the first answer and every repeat are identical. */
  readonly weakModuleIds: number[];
}

/**
 * POST /content/assign (docs/product.md, "Content assignment"): once per learner stage. The learner's stage row is
 * locked
 * first, so of concurrent calls one selects and writes, the others find the set (200). The
 * selection is computed completely before anything is written: a missing article or minitest
 * writes nothing.
 */
export const assignContent =
  (deps: AssignContentDeps) =>
  async (actor: LearnerActor): Promise<ContentAssignment> =>
    deps.transactor.run(async (tx) => {
      const stage = requireActiveStage(await deps.stages.lockCurrentStage(tx, actor.userId));
      const existing = await deps.assignments.assignedSet(tx, actor.userId, stage.stageId);
      if (existing.optionalCount + existing.requiredCount > 0) {
        return {
          created: false,
          stageId: stage.stageId,
          assignedOptional: existing.optionalCount,
          assignedRequired: existing.requiredCount,
          weakModuleIds: existing.requiredModuleIds,
        };
      }
      const diagnostika = await deps.diagnostika.findOfLearner(tx, actor.userId);
      assertDiagnostikaSubmitted(diagnostika);

      const settings = await deps.pinnedSettings.settingsOf(tx, stage.settingsVersionId);
      const profile = await deps.weakness(tx, { userId: actor.userId, trackId: stage.trackId }, settings);
      const weak = weakModuleIds(profile, settings.contentKWeakModules);
      const selection = selectStageContent({
        moduleIds: profile.map((m) => m.moduleId),
        candidates: await deps.assignments.candidatesOf(tx, stage.stageId),
        weakModuleIds: weak,
        optionalPerModule: settings.contentOptionalPerModule,
      });
      await deps.assignments.assign(tx, actor.userId, stage.stageId, selection);
      return {
        created: true,
        stageId: stage.stageId,
        assignedOptional: selection.optional.length,
        assignedRequired: selection.required.length,
        weakModuleIds: [...weak].sort((a, b) => a - b),
      };
    });
