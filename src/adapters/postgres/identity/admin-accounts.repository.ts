import type { AdminAccounts, AdminProfile, StoredCredentials } from '../../../application/identity/identity.ports.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';
import { toCredentials, type CredentialsRow } from './learner-accounts.repository.js';

interface AdminRow {
  id: number;
  email: string;
  full_name: string;
  is_active: boolean;
}

const toAdminProfile = (row: AdminRow): AdminProfile => ({
  id: row.id,
  email: row.email,
  fullName: row.full_name,
  isActive: row.is_active,
});

export class PgAdminAccounts implements AdminAccounts {
  private readonly sql: NamedStatements<'findCredentials' | 'findProfile' | 'upsert'>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'identity/admins', ['findCredentials', 'findProfile', 'upsert']);
  }

  async findCredentials(db: Session, email: string): Promise<StoredCredentials | undefined> {
    const row = await this.sql.first<CredentialsRow>(db, 'findCredentials', [email]);
    return row && toCredentials(row);
  }

  async findProfile(db: Session, adminId: number): Promise<AdminProfile | undefined> {
    const row = await this.sql.first<AdminRow>(db, 'findProfile', [adminId]);
    return row && toAdminProfile(row);
  }

  async upsert(
    tx: TxSession,
    admin: { email: string; fullName: string; passwordHash: string },
  ): Promise<AdminProfile & { created: boolean }> {
    const row = await this.sql.first<AdminRow & { created: boolean }>(tx, 'upsert', [
      admin.email,
      admin.fullName,
      admin.passwordHash,
    ]);
    return { ...toAdminProfile(row!), created: row!.created };
  }
}
