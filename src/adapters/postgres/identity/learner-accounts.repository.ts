import type { LearnerAccommodations } from '../../../application/ports/learner-accommodations.port.js';
import type {
  LearnerAccounts,
  LearnerProfile,
  StoredCredentials,
} from '../../../application/identity/identity.ports.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import { isUniqueViolation } from '../postgres.errors.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

interface ProfileRow {
  id: number;
  email: string;
  full_name: string;
  track_id: number;
  created_at: Date;
  graduated_at: Date | null;
}

export const toLearnerProfile = (row: ProfileRow): LearnerProfile => ({
  id: row.id,
  email: row.email,
  fullName: row.full_name,
  trackId: row.track_id,
  createdAt: row.created_at,
  graduatedAt: row.graduated_at,
});

export interface CredentialsRow {
  id: number;
  password_hash: string;
  is_active: boolean;
}

export const toCredentials = (row: CredentialsRow): StoredCredentials => ({
  id: row.id,
  passwordHash: row.password_hash,
  isActive: row.is_active,
});

export class PgLearnerAccounts implements LearnerAccounts, LearnerAccommodations {
  private readonly sql: NamedStatements<
    | 'insert'
    | 'findCredentials'
    | 'findProfile'
    | 'isActive'
    | 'updatePassword'
    | 'setActive'
    | 'extraTimePct'
    | 'setExtraTimePct'
  >;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'identity/users', [
      'insert',
      'findCredentials',
      'findProfile',
      'isActive',
      'updatePassword',
      'setActive',
      'extraTimePct',
      'setExtraTimePct',
    ]);
  }

  async insert(
    tx: TxSession,
    learner: { email: string; fullName: string; passwordHash: string; trackId: number },
  ): Promise<LearnerProfile> {
    try {
      const row = await this.sql.first<ProfileRow>(tx, 'insert', [
        learner.email,
        learner.fullName,
        learner.passwordHash,
        learner.trackId,
      ]);
      return toLearnerProfile(row!);
    } catch (error) {
      // The unique index settles the signup race: the loser of two concurrent signups lands here.
      if (isUniqueViolation(error, 'uq_users_email_lower'))
        throw new DomainError('email_taken', 'An account with this email already exists');
      throw error;
    }
  }

  async findCredentials(db: Session, email: string): Promise<StoredCredentials | undefined> {
    const row = await this.sql.first<CredentialsRow>(db, 'findCredentials', [email]);
    return row && toCredentials(row);
  }

  async findProfile(db: Session, userId: number): Promise<LearnerProfile | undefined> {
    const row = await this.sql.first<ProfileRow>(db, 'findProfile', [userId]);
    return row && toLearnerProfile(row);
  }

  async isActive(db: Session, userId: number): Promise<boolean> {
    const row = await this.sql.first<{ is_active: boolean }>(db, 'isActive', [userId]);
    // An unknown id is not a deactivated learner: its routes answer 404 as before.
    return row?.is_active !== false;
  }

  async updatePassword(tx: TxSession, userId: number, passwordHash: string): Promise<void> {
    await this.sql.run(tx, 'updatePassword', [userId, passwordHash]);
  }

  async setActive(tx: TxSession, userId: number, isActive: boolean): Promise<boolean> {
    return (await this.sql.run(tx, 'setActive', [userId, isActive])) === 1;
  }

  async setExtraTimePct(tx: TxSession, userId: number, extraTimePct: number): Promise<boolean> {
    return (await this.sql.run(tx, 'setExtraTimePct', [userId, extraTimePct])) === 1;
  }

  async extraTimePctOf(db: Session, userId: number): Promise<number> {
    const row = await this.sql.first<{ extra_time_pct: number }>(db, 'extraTimePct', [userId]);
    return row?.extra_time_pct ?? 0;
  }
}
