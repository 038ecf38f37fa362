import type {
  AdminAuditLog,
  AuditEntry,
  AuditFilter,
  AuditRecord,
} from '../../../application/ports/admin-audit-log.port.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import { withWireNames } from '../../shared/wire-names.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

interface AuditRow {
  id: number;
  admin_id: number;
  admin_email: string;
  action: string;
  entity_type: string;
  entity_id: number | null;
  details: Record<string, unknown>;
  created_at: Date;
}

export class PgAdminAuditLog implements AdminAuditLog {
  private readonly sql: NamedStatements<'record' | 'list'>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'audit/admin-audit-log', ['record', 'list']);
  }

  async record(tx: TxSession, entry: AuditEntry): Promise<void> {
    await this.sql.run(tx, 'record', [
      entry.adminId,
      entry.action,
      entry.entityType,
      entry.entityId,
      // the use cases name the details in camelCase; the stored trail (and GET /admin/audit-log) in snake_case
      JSON.stringify(withWireNames(entry.details)),
    ]);
  }

  async list(db: Session, filter: AuditFilter): Promise<AuditRecord[]> {
    const rows = await this.sql.rows<AuditRow>(db, 'list', [
      filter.entityType ?? null,
      filter.entityId ?? null,
      filter.adminId ?? null,
      filter.beforeId ?? null,
      filter.limit,
    ]);
    return rows.map((row) => ({
      id: row.id,
      adminId: row.admin_id,
      adminEmail: row.admin_email,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      details: row.details,
      createdAt: row.created_at,
    }));
  }
}
