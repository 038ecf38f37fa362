import argon2 from 'argon2';
import type { PasswordHasher } from '../../application/ports/password-hasher.port.js';

export interface Argon2Parameters {
  readonly memoryKib: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/** argon2id; the native binding hashes on libuv's thread pool, so the event loop keeps serving. */
export class Argon2PasswordHasher implements PasswordHasher {
  constructor(private readonly parameters: Argon2Parameters) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: this.parameters.memoryKib,
      timeCost: this.parameters.timeCost,
      parallelism: this.parameters.parallelism,
    });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      // A malformed stored hash is a failed login, never a 500.
      return false;
    }
  }
}
