import type { Session, TxSession } from './transactor.port.js';

/**
 * Every admin mutation records who did it, in the same transaction as the change (table
 * admin_audit_log, migration 0009). `action` is `<entity>.<verb>`, e.g. `settings_version.activate`.
 */
export interface AuditEntry {
  readonly adminId: number;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: number | null;
  /** What changed, named in camelCase; the adapter stores it with the trail's snake_case names. */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditRecord extends AuditEntry {
  readonly id: number;
  readonly adminEmail: string;
  readonly createdAt: Date;
}

export interface AuditFilter {
  readonly entityType?: string;
  readonly entityId?: number;
  readonly adminId?: number;
  /** Newest first: only entries with a smaller id (the cursor). */
  readonly beforeId?: number;
  readonly limit: number;
}

export interface AdminAuditLog {
  record(tx: TxSession, entry: AuditEntry): Promise<void>;
  list(db: Session, filter: AuditFilter): Promise<AuditRecord[]>;
}
