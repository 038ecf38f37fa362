import type {
  GetCurrentStageData,
  GetCurrentStageResponses,
  GetEligibilityData,
  GetEligibilityResponses,
  GetStageHistoryData,
  GetStageHistoryResponses,
  GetTrackData,
  GetTrackResponses,
  GetWeaknessData,
  GetWeaknessResponses,
} from '@contract';
import { queryOptions } from '@tanstack/react-query';
import type { HttpClient } from './http-client';

/** Everything that moves when the learner reads, passes or is approved: one root invalidates it all. */
export const progressKeys = {
  all: ['progress'] as const,
  currentStage: () => [...progressKeys.all, 'current-stage'] as const,
  history: () => [...progressKeys.all, 'history'] as const,
  eligibility: () => [...progressKeys.all, 'eligibility'] as const,
  weakness: () => [...progressKeys.all, 'weakness'] as const,
  track: (trackId: number) => ['catalog', 'track', trackId] as const,
};

export const progressQueries = {
  currentStage: (http: HttpClient) =>
    queryOptions({
      queryKey: progressKeys.currentStage(),
      queryFn: () =>
        http.call<GetCurrentStageData, GetCurrentStageResponses>('GET', { url: '/progress/current-stage' }),
    }),
  history: (http: HttpClient) =>
    queryOptions({
      queryKey: progressKeys.history(),
      queryFn: () => http.call<GetStageHistoryData, GetStageHistoryResponses>('GET', { url: '/progress/history' }),
    }),
  eligibility: (http: HttpClient) =>
    queryOptions({
      queryKey: progressKeys.eligibility(),
      queryFn: () => http.call<GetEligibilityData, GetEligibilityResponses>('GET', { url: '/progress/eligibility' }),
    }),
  weakness: (http: HttpClient) =>
    queryOptions({
      queryKey: progressKeys.weakness(),
      queryFn: () => http.call<GetWeaknessData, GetWeaknessResponses>('GET', { url: '/progress/weakness' }),
    }),
  track: (http: HttpClient, trackId: number) =>
    queryOptions({
      queryKey: progressKeys.track(trackId),
      queryFn: () =>
        http.call<GetTrackData, GetTrackResponses>('GET', {
          url: '/catalog/tracks/{track_id}',
          path: { track_id: trackId },
        }),
      staleTime: 5 * 60_000,
    }),
};
