import type { StageRank } from '@contract';
import { useTranslation } from 'react-i18next';

/** "Junior 2", "Стажёр": the stage's rank and level in the current language. */
export function useStageName(): (stage: { rank: StageRank; level: number }) => string {
  const { t } = useTranslation();
  return (stage) =>
    stage.rank === 'trainee'
      ? t('stage.trainee')
      : t('stage.name', { rank: t(`rank.${stage.rank}`), level: stage.level });
}
