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

/**
 * The rules of a person's account data the contract cannot express: a name that is not blank and
 * not too long, a password of 8-200 characters. Learner sign-up and `admin:create` both apply them.
 */
export function accountDataErrors(input: { readonly fullName: string; readonly password: string }): ErrorItem[] {
  const errors: ErrorItem[] = [];
  const fullName = input.fullName.trim();
  if (fullName.length === 0) errors.push({ code: 'blank', message: 'full_name must not be blank', path: ['fullName'] });
  if (fullName.length > FULL_NAME_MAX_LENGTH)
    errors.push({
      code: 'too_long',
      message: `full_name must be at most ${FULL_NAME_MAX_LENGTH} characters`,
      path: ['fullName'],
    });
  // Length is counted in characters (code points), so a password of emoji is not cut short.
  const passwordLength = [...input.password].length;
  if (passwordLength < PASSWORD_MIN_LENGTH || passwordLength > PASSWORD_MAX_LENGTH) {
    errors.push({
      code: 'length',
      message: `password must be ${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters`,
      path: ['password'],
    });
  }
  return errors;
}

/** The contract checks shapes and lengths; these are the rules it cannot express. */
export function normalizeRegistration(input: RegistrationInput): Registration {
  const errors = accountDataErrors(input);
  if (errors.length > 0) throw new DomainError('validation_failed', 'The sign-up data is invalid', { errors });
  return {
    email: normalizeEmail(input.email),
    fullName: input.fullName.trim(),
    password: input.password,
    ...(input.trackId === undefined ? {} : { trackId: input.trackId }),
  };
}

/** One "@" between non-blank parts: the same shape the contract's `format: email` asks of a learner. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

/**
 * An admin account (`npm run admin:create`) comes from a command line, not through the contract,
 * so the email's shape is checked here on top of the account data rules every account follows.
 */
export function normalizeAdminAccount(input: Omit<RegistrationInput, 'trackId'>): Omit<Registration, 'trackId'> {
  const email = normalizeEmail(input.email);
  const errors: ErrorItem[] = [
    ...(EMAIL_SHAPE.test(email) ? [] : [{ code: 'format', message: 'a valid email is required', path: ['email'] }]),
    ...accountDataErrors(input),
  ];
  if (errors.length > 0) throw new DomainError('validation_failed', 'The admin data is invalid', { errors });
  return { email, fullName: input.fullName.trim(), password: input.password };
}
