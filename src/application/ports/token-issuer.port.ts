import type { TokenScope } from '../../domain/identity/actor.js';

export interface AccessToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** Lifetime in seconds. */
  readonly expiresIn: number;
}

export interface TokenIssuer {
  issue(subject: number, scope: TokenScope): AccessToken;
}
