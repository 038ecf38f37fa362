import { createHash, randomBytes } from 'node:crypto';
import type { IssuedSecret, RefreshSecrets } from '../../application/identity/sessions/sessions.ports.js';

/** 32 random bytes (256 bits), base64url; only their SHA-256 digest is ever stored. */
export const refreshSecrets: RefreshSecrets = {
  generate(): IssuedSecret {
    const token = randomBytes(32).toString('base64url');
    return { token, digest: refreshSecrets.digest(token) };
  },
  digest: (token: string): Uint8Array => createHash('sha256').update(token, 'utf8').digest(),
};
