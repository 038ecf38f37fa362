import { useQuery } from '@tanstack/react-query';
import { useApi } from './api-context';
import { progressQueries } from './progress';

/** Module id → name for the learner's track (results and stats carry only ids). */
export function useModuleNames(): (moduleId: number) => string | undefined {
  const http = useApi();
  const stage = useQuery(progressQueries.currentStage(http));
  const track = useQuery({
    ...progressQueries.track(http, stage.data?.track_id ?? 0),
    enabled: stage.data !== undefined,
  });
  return (moduleId) => track.data?.modules.find((module) => module.id === moduleId)?.name;
}
