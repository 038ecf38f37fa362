import { DomainError, type ErrorItem } from '../shared/domain-error.js';

/** What a learner sends to sign up, before normalisation. */
export interface RegistrationInput {
  readonly email: string;
  readonly fullName: string;
  readonly password: string;
  readonly trackId?: number;
}

export interface Registration {
  /** Trimmed and lower-cased: emails are compared case-insensitively everywhere. */
  readonly email: string;
  readonly fullName: string;
  readonly password: string;
  readonly trackId?: number;
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;
export const FULL_NAME_MAX_LENGTH = 200;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The contract checks shapes and lengths; these are the rules it cannot express. */
export function normalizeRegistration(input: RegistrationInput): Registration {
  const errors: ErrorItem[] = [];
  const fullName = input.fullName.trim();
  if (fullName.length === 0)
    errors.push({ code: 'blank', message: 'full_name must not be blank', path: '/body/full_name' });
  if (fullName.length > FULL_NAME_MAX_LENGTH)
    errors.push({
      code: 'too_long',
      message: `full_name must be at most ${FULL_NAME_MAX_LENGTH} characters`,
      path: '/body/full_name',
    });
  // Length is counted in characters (code points), so a password of emoji is not cut short.
  const passwordLength = [...input.password].length;
  if (passwordLength < PASSWORD_MIN_LENGTH || passwordLength > PASSWORD_MAX_LENGTH) {
    errors.push({
      code: 'length',
      message: `password must be ${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters`,
      path: '/body/password',
    });
  }
  if (errors.length > 0) throw new DomainError('validation_failed', 'The sign-up data is invalid', { errors });
  return {
    email: normalizeEmail(input.email),
    fullName,
    password: input.password,
    ...(input.trackId === undefined ? {} : { trackId: input.trackId }),
  };
}
