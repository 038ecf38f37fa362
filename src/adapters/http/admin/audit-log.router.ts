import { Router } from 'express';
import type { AuditFilter, AuditRecord } from '../../../application/ports/admin-audit-log.port.js';
import type { AdminActor } from '../../../domain/identity/actor.js';
import { adminOf, type Authentication } from '../auth/authentication.js';
import { keysetPage } from '../../../application/shared/keyset-page.js';
import { decodeCursor, pageJson } from '../shared/page-cursor.js';
import { DEFAULT_PAGE_SIZE } from './question-bank.router.js';
import type {
  AdminListAuditLogData,
  AdminListAuditLogResponses,
  AuditEntry,
} from '../../../contract/generated/types.gen.js';
import { queryOf } from '../shared/typed-route.js';

export interface AuditLogUseCases {
  readonly list: (filter: AuditFilter, actor: AdminActor) => Promise<AuditRecord[]>;
}

const entryJson = (entry: AuditRecord): AuditEntry => ({
  id: entry.id,
  admin_id: entry.adminId,
  admin_email: entry.adminEmail,
  action: entry.action,
  entity_type: entry.entityType,
  entity_id: entry.entityId,
  details: entry.details,
  created_at: entry.createdAt.toISOString(),
});

/** The audit trail of admin changes, newest first. */
export function auditLogRouter(useCases: AuditLogUseCases, auth: Authentication): Router {
  const router = Router();

  router.get('/admin/audit-log', auth.admin, async (req, res) => {
    const query = queryOf<AdminListAuditLogData>(req);
    const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
    const page = await keysetPage(
      limit,
      (limitPlusOne) =>
        useCases.list(
          {
            entityType: query.entity_type,
            entityId: query.entity_id === undefined ? undefined : Number(query.entity_id),
            adminId: query.admin_id === undefined ? undefined : Number(query.admin_id),
            beforeId: decodeCursor(query.cursor),
            limit: limitPlusOne,
          },
          adminOf(res),
        ),
      (row) => row.id,
    );
    res.json(pageJson(page, entryJson) satisfies AdminListAuditLogResponses[200]);
  });

  return router;
}
