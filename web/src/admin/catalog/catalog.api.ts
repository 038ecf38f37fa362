import type {
  AdminAddModuleData,
  AdminAddModuleResponses,
  AdminCreateTrackData,
  AdminCreateTrackResponses,
  AdminRenameModuleData,
  AdminRenameModuleResponses,
} from '@contract';
import type { HttpClient } from '@shared/api/http-client';

/** Tracks and modules are created and renamed, never deleted (docs/product.md, "Domain model"). */
export const adminCatalogCalls = {
  createTrack: (http: HttpClient, name: string) =>
    http.call<AdminCreateTrackData, AdminCreateTrackResponses>('POST', { url: '/admin/tracks', body: { name } }),
  addModule: (http: HttpClient, trackId: number, name: string) =>
    http.call<AdminAddModuleData, AdminAddModuleResponses>('POST', {
      url: '/admin/tracks/{track_id}/modules',
      path: { track_id: trackId },
      body: { name },
    }),
  renameModule: (http: HttpClient, moduleId: number, name: string) =>
    http.call<AdminRenameModuleData, AdminRenameModuleResponses>('PATCH', {
      url: '/admin/modules/{module_id}',
      path: { module_id: moduleId },
      body: { name },
    }),
};
