import { normalizeRegistration, type RegistrationInput } from '../../domain/identity/registration.rules.js';
import { DomainError, notFound } from '../../domain/shared/domain-error.js';
import type { PasswordHasher } from '../ports/password-hasher.port.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { LearnerAccounts, LearnerPlacement, LearnerProfile } from './identity.ports.js';

export interface SignUpDeps {
  readonly transactor: Transactor;
  readonly learners: LearnerAccounts;
  readonly placement: LearnerPlacement;
  readonly hasher: PasswordHasher;
  readonly defaultTrackName: string;
}

/** Creates the learner and their first stage (position 1, active, pinned) in one transaction. */
export const signUpLearner =
  (deps: SignUpDeps) =>
  async (input: RegistrationInput): Promise<LearnerProfile> => {
    const registration = normalizeRegistration(input);
    // Hash before the transaction opens: argon2 is slow and must not hold a pooled connection.
    const passwordHash = await deps.hasher.hash(registration.password);
    return deps.transactor.run(async (tx) => {
      const entry = await deps.placement.findEntryPoint(tx, {
        trackId: registration.trackId,
        defaultTrackName: deps.defaultTrackName,
      });
      if (entry === undefined)
        throw registration.trackId === undefined
          ? new DomainError('track_not_ready', 'No track exists yet')
          : notFound(`Track ${registration.trackId}`);
      if (entry.firstStageId === null || entry.activeSettingsVersionId === null) {
        throw new DomainError('track_not_ready', 'The track has no stages or no active settings version yet');
      }
      const learner = await deps.learners.insert(tx, {
        email: registration.email,
        fullName: registration.fullName,
        passwordHash,
        trackId: entry.trackId,
      });
      await deps.placement.placeOnFirstStage(tx, {
        userId: learner.id,
        trackId: entry.trackId,
        stageId: entry.firstStageId,
        settingsVersionId: entry.activeSettingsVersionId,
      });
      return learner;
    });
  };
