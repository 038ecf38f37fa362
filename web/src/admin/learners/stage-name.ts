import type { AdminLearner, StageRank } from '@contract';
import type { TFunction } from 'i18next';

export function stageName(t: TFunction, stage: { rank: StageRank; level: number }): string {
  if (stage.rank === 'trainee') return t('stage.trainee');
  return t('stage.name', { rank: t(`rank.${stage.rank}`), level: stage.level });
}

/** "Junior 2, awaiting approval", or "Graduated" once the learner has no current stage. */
export function currentStageText(t: TFunction, learner: AdminLearner): string {
  if (learner.current_stage === null) return t('admin.learners.graduated');
  return `${stageName(t, learner.current_stage)}, ${t(`admin.learners.stageStatus.${learner.current_stage.status}`)}`;
}
