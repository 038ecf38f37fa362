import type { Session, TxSession } from '../ports/transactor.port.js';

export interface LearnerProfile {
  readonly id: number;
  readonly email: string;
  readonly fullName: string;
  readonly trackId: number;
  readonly createdAt: Date;
  readonly graduatedAt: Date | null;
}

export interface AdminProfile {
  readonly id: number;
  readonly email: string;
  readonly fullName: string;
  readonly isActive: boolean;
}

export interface StoredCredentials {
  readonly id: number;
  readonly passwordHash: string;
  readonly isActive: boolean;
}

export interface LearnerAccounts {
  /** Throws DomainError('email_taken') when the email (any case) is already registered. */
  insert(
    tx: TxSession,
    learner: { email: string; fullName: string; passwordHash: string; trackId: number },
  ): Promise<LearnerProfile>;
  findCredentials(db: Session, email: string): Promise<StoredCredentials | undefined>;
  findProfile(db: Session, userId: number): Promise<LearnerProfile | undefined>;
  /** False only for a deactivated learner: one primary-key read, on every learner request. */
  isActive(db: Session, userId: number): Promise<boolean>;
  updatePassword(tx: TxSession, userId: number, passwordHash: string): Promise<void>;
  /** Sets the flag; false when there is no such learner. */
  setActive(tx: TxSession, userId: number, isActive: boolean): Promise<boolean>;
  /** Sets the learner's extra time for timed sittings (0-400 %); false when there is no such learner. */
  setExtraTimePct(tx: TxSession, userId: number, extraTimePct: number): Promise<boolean>;
}

export interface AdminAccounts {
  findCredentials(db: Session, email: string): Promise<StoredCredentials | undefined>;
  findProfile(db: Session, adminId: number): Promise<AdminProfile | undefined>;
  /** Creates the admin, or resets the name and password of an existing one (same email, any case), and activates it. */
  upsert(
    tx: TxSession,
    admin: { email: string; fullName: string; passwordHash: string },
  ): Promise<AdminProfile & { created: boolean }>;
}

/** Where a new learner starts: the track's first stage, pinned to its active settings version. */
export interface TrackEntryPoint {
  readonly trackId: number;
  readonly firstStageId: number | null;
  readonly activeSettingsVersionId: number | null;
}

export interface LearnerPlacement {
  /** The requested track, or the default one (by name, else the lowest id); undefined when it does not exist. */
  findEntryPoint(
    tx: Session,
    request: { trackId?: number; defaultTrackName: string },
  ): Promise<TrackEntryPoint | undefined>;
  placeOnFirstStage(
    tx: TxSession,
    placement: { userId: number; trackId: number; stageId: number; settingsVersionId: number },
  ): Promise<void>;
}
