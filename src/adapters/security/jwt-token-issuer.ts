import jwt from 'jsonwebtoken';
import type { AccessToken, TokenIssuer } from '../../application/ports/token-issuer.port.js';
import type { TokenScope } from '../../domain/identity/actor.js';

export interface JwtSettings {
  readonly secret: string;
  readonly algorithm: 'HS256' | 'HS384' | 'HS512';
  readonly accessTtlMinutes: number;
  readonly issuer: string;
  readonly audience: string;
}

/** Signs access tokens: sub, scope, sid (the session), iat, exp, iss, aud — nothing else; refresh tokens are opaque. */
export class JwtTokenIssuer implements TokenIssuer {
  constructor(private readonly settings: JwtSettings) {}

  issue(subject: number, scope: TokenScope, sessionId?: number): AccessToken {
    const expiresIn = this.settings.accessTtlMinutes * 60;
    const accessToken = jwt.sign(
      sessionId === undefined ? { scope } : { scope, sid: String(sessionId) },
      this.settings.secret,
      {
        algorithm: this.settings.algorithm,
        subject: String(subject),
        expiresIn,
        issuer: this.settings.issuer,
        audience: this.settings.audience,
      },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn };
  }
}
