import type { AccessToken } from '../../../application/ports/token-issuer.port.js';

/** The body of a login or refresh. */
export const tokenJson = (token: AccessToken) => ({
  access_token: token.accessToken,
  token_type: token.tokenType,
  expires_in: token.expiresIn,
});
