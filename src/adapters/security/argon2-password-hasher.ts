import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import type { PasswordHasher } from '../../application/ports/password-hasher.port.js';

export interface Argon2Parameters {
  readonly memoryKib: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/**
 * argon2id; the native binding hashes on libuv's thread pool, so the event loop keeps serving.
 * At most one hash per core runs at a time: each takes `memoryKib` of memory (19 MiB by
 * default), and a login flood must queue rather than grow the process by 19 MiB per thread.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly parameters: Argon2Parameters,
    private readonly maxConcurrent: number = availableParallelism(),
  ) {}

  hash(password: string): Promise<string> {
    return this.limited(() =>
      argon2.hash(password, {
        type: argon2.argon2id,
        memoryCost: this.parameters.memoryKib,
        timeCost: this.parameters.timeCost,
        parallelism: this.parameters.parallelism,
      }),
    );
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await this.limited(() => argon2.verify(hash, password));
    } catch {
      // A malformed stored hash is a failed login, never a 500.
      return false;
    }
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    // A finishing hash hands its slot straight to the next waiter, so the count never overshoots.
    if (this.running >= this.maxConcurrent) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next === undefined) this.running -= 1;
      else next();
    }
  }
}
