import type {
  AdminGetTrackData,
  AdminGetTrackResponses,
  AdminListQuestionsData,
  AdminListQuestionsResponses,
  AdminListTracksData,
  AdminListTracksResponses,
} from '@contract';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { HttpClient } from './http-client';

/**
 * The admin console's catalog reads, shared by its tracks, question-bank, articles and settings screens. Every
 * authoring change invalidates `adminCatalogKeys.all`, so each screen sees the change at once.
 */
export const adminCatalogKeys = {
  all: ['admin-catalog'] as const,
  tracks: () => [...adminCatalogKeys.all, 'tracks'] as const,
  track: (trackId: number) => [...adminCatalogKeys.all, 'track', trackId] as const,
  questions: (moduleId: number) => [...adminCatalogKeys.all, 'questions', moduleId] as const,
};

const PAGE_SIZE = 50;

export const adminCatalogQueries = {
  tracks: (http: HttpClient) =>
    queryOptions({
      queryKey: adminCatalogKeys.tracks(),
      queryFn: () => http.call<AdminListTracksData, AdminListTracksResponses>('GET', { url: '/admin/tracks' }),
    }),
  track: (http: HttpClient, trackId: number) =>
    queryOptions({
      queryKey: adminCatalogKeys.track(trackId),
      queryFn: () =>
        http.call<AdminGetTrackData, AdminGetTrackResponses>('GET', {
          url: '/admin/tracks/{track_id}',
          path: { track_id: trackId },
        }),
    }),
  /** A module's question bank page by page (each page's `next_cursor` fetches the next). */
  questions: (http: HttpClient, moduleId: number) =>
    infiniteQueryOptions({
      queryKey: adminCatalogKeys.questions(moduleId),
      initialPageParam: undefined as string | undefined,
      queryFn: ({ pageParam }) =>
        http.call<AdminListQuestionsData, AdminListQuestionsResponses>('GET', {
          url: '/admin/modules/{module_id}/questions',
          path: { module_id: moduleId },
          query: { limit: PAGE_SIZE, ...(pageParam === undefined ? {} : { cursor: pageParam }) },
        }),
      getNextPageParam: (page) => page.next_cursor ?? undefined,
    }),
};
