import type { StageRank } from '@contract';
import type { TFunction } from 'i18next';

/** A stage as people say it: "Trainee", "Junior 2". */
export function stageName(t: TFunction, stage: { rank: StageRank; level: number }): string {
  if (stage.rank === 'trainee') return t('stage.trainee');
  return t('stage.name', { rank: t(`rank.${stage.rank}`), level: stage.level });
}
