import type { AccessToken } from '../../../application/ports/token-issuer.port.js';
import type { AccessToken as AccessTokenJson } from '../../../contract/generated/types.gen.js';

/** The body of a login or refresh. */
export const tokenJson = (token: AccessToken): AccessTokenJson => ({
  access_token: token.accessToken,
  token_type: token.tokenType,
  expires_in: token.expiresIn,
});
