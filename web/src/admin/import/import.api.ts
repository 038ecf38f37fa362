import type { AdminImportBundleData, AdminImportBundleResponses, ImportBundle } from '@contract';
import type { HttpClient } from '@shared/api/http-client';

export const adminImportCalls = {
  importBundle: (http: HttpClient, bundle: ImportBundle) =>
    http.call<AdminImportBundleData, AdminImportBundleResponses>('POST', { url: '/admin/import', body: bundle }),
};
