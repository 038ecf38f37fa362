import type {
  AdminActivateSettingsVersionData,
  AdminActivateSettingsVersionResponses,
  AdminArchiveSettingsVersionData,
  AdminArchiveSettingsVersionResponses,
  AdminCreateSettingsDraftData,
  AdminCreateSettingsDraftResponses,
  AdminEditSettingsDraftData,
  AdminEditSettingsDraftResponses,
  AdminGetSettingsVersionData,
  AdminGetSettingsVersionResponses,
  AdminListSettingsVersionsData,
  AdminListSettingsVersionsResponses,
  SettingsDraftChange,
} from '@contract';
import { adminCatalogQueries } from '@shared/api/admin-catalog';
import type { HttpClient } from '@shared/api/http-client';
import { queryOptions } from '@tanstack/react-query';

export const adminSettingsKeys = {
  all: ['admin-settings'] as const,
  versions: (trackId: number) => [...adminSettingsKeys.all, 'versions', trackId] as const,
  version: (versionId: number) => [...adminSettingsKeys.all, 'version', versionId] as const,
};

export const adminSettingsQueries = {
  /** The catalog's track list: a track created on the tracks screen shows here at once. */
  tracks: adminCatalogQueries.tracks,
  versions: (http: HttpClient, trackId: number) =>
    queryOptions({
      queryKey: adminSettingsKeys.versions(trackId),
      queryFn: () =>
        http.call<AdminListSettingsVersionsData, AdminListSettingsVersionsResponses>('GET', {
          url: '/admin/tracks/{track_id}/settings-versions',
          path: { track_id: trackId },
        }),
    }),
  version: (http: HttpClient, versionId: number) =>
    queryOptions({
      queryKey: adminSettingsKeys.version(versionId),
      queryFn: () =>
        http.call<AdminGetSettingsVersionData, AdminGetSettingsVersionResponses>('GET', {
          url: '/admin/settings-versions/{version_id}',
          path: { version_id: versionId },
        }),
    }),
};

export const adminSettingsCalls = {
  draftFrom: (http: HttpClient, trackId: number, basedOnVersionId: number | undefined) =>
    http.call<AdminCreateSettingsDraftData, AdminCreateSettingsDraftResponses>('POST', {
      url: '/admin/tracks/{track_id}/settings-versions',
      path: { track_id: trackId },
      body: basedOnVersionId === undefined ? {} : { based_on_version_id: basedOnVersionId },
    }),
  edit: (http: HttpClient, versionId: number, change: SettingsDraftChange) =>
    http.call<AdminEditSettingsDraftData, AdminEditSettingsDraftResponses>('PATCH', {
      url: '/admin/settings-versions/{version_id}',
      path: { version_id: versionId },
      body: change,
    }),
  activate: (http: HttpClient, versionId: number) =>
    http.call<AdminActivateSettingsVersionData, AdminActivateSettingsVersionResponses>('POST', {
      url: '/admin/settings-versions/{version_id}/activate',
      path: { version_id: versionId },
    }),
  archive: (http: HttpClient, versionId: number) =>
    http.call<AdminArchiveSettingsVersionData, AdminArchiveSettingsVersionResponses>('POST', {
      url: '/admin/settings-versions/{version_id}/archive',
      path: { version_id: versionId },
    }),
};
