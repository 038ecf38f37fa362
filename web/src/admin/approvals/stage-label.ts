import type { StageBrief } from '@contract';
import type { TFunction } from 'i18next';

export function stageLabel(t: TFunction, stage: StageBrief | null): string {
  if (stage === null) return t('admin.approvals.graduates');
  if (stage.rank === 'trainee') return t('stage.trainee');
  return t('stage.name', { rank: t(`rank.${stage.rank}`), level: stage.level });
}
