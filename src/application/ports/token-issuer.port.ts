import type { TokenScope } from '../../domain/identity/actor.js';

export interface AccessToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** Lifetime in seconds. */
  readonly expiresIn: number;
}

export interface TokenIssuer {
  /** `sessionId`: the refresh-token family the token belongs to (the `sid` claim). */
  issue(subject: number, scope: TokenScope, sessionId?: number): AccessToken;
}
