import type { AdminActor } from '../../domain/identity/actor.js';
import type { AdminAuditLog, AuditFilter, AuditRecord } from '../ports/admin-audit-log.port.js';
import type { Transactor } from '../ports/transactor.port.js';

/** GET /admin/audit-log: who changed what, newest first. */
export const readAuditLog =
  (deps: { transactor: Transactor; audit: AdminAuditLog }) =>
  async (filter: AuditFilter, _actor: AdminActor): Promise<AuditRecord[]> =>
    deps.transactor.read((db) => deps.audit.list(db, filter));
