import type {
  AdminGetLearnerData,
  AdminGetLearnerResponses,
  AdminLearnerUpdate,
  AdminListLearnersData,
  AdminListLearnersResponses,
  AdminListTracksData,
  AdminListTracksResponses,
  AdminUpdateLearnerData,
  AdminUpdateLearnerResponses,
} from '@contract';
import type { HttpClient } from '@shared/api/http-client';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';

export type LearnerFilters = Pick<NonNullable<AdminListLearnersData['query']>, 'q' | 'track_id'>;

export const adminLearnerKeys = {
  all: ['admin-learners'] as const,
  search: (filters: LearnerFilters) => [...adminLearnerKeys.all, 'search', filters] as const,
  detail: (userId: number) => [...adminLearnerKeys.all, 'detail', userId] as const,
  tracks: () => [...adminLearnerKeys.all, 'tracks'] as const,
};

const PAGE_SIZE = 20;

export const adminLearnerQueries = {
  /** Learners matching the filters, page by page over `next_cursor`. */
  search: (http: HttpClient, filters: LearnerFilters) =>
    infiniteQueryOptions({
      queryKey: adminLearnerKeys.search(filters),
      initialPageParam: undefined as string | undefined,
      queryFn: ({ pageParam }) =>
        http.call<AdminListLearnersData, AdminListLearnersResponses>('GET', {
          url: '/admin/users',
          query: { ...filters, limit: PAGE_SIZE, ...(pageParam === undefined ? {} : { cursor: pageParam }) },
        }),
      getNextPageParam: (page) => page.next_cursor ?? undefined,
    }),
  detail: (http: HttpClient, userId: number) =>
    queryOptions({
      queryKey: adminLearnerKeys.detail(userId),
      queryFn: () =>
        http.call<AdminGetLearnerData, AdminGetLearnerResponses>('GET', {
          url: '/admin/users/{user_id}',
          path: { user_id: userId },
        }),
    }),
  /** The tracks, for the track filter and for module names (assemblies carry module ids only). */
  tracks: (http: HttpClient) =>
    queryOptions({
      queryKey: adminLearnerKeys.tracks(),
      queryFn: () => http.call<AdminListTracksData, AdminListTracksResponses>('GET', { url: '/admin/tracks' }),
    }),
};

export const adminLearnerCalls = {
  update: (http: HttpClient, userId: number, changes: AdminLearnerUpdate) =>
    http.call<AdminUpdateLearnerData, AdminUpdateLearnerResponses>('PATCH', {
      url: '/admin/users/{user_id}',
      path: { user_id: userId },
      body: changes,
    }),
};
