import { expect } from 'chai';
import { Argon2PasswordHasher } from '../../../src/adapters/security/argon2-password-hasher.js';

describe('Argon2PasswordHasher', () => {
  const parameters = { memoryKib: 1024, timeCost: 1, parallelism: 1 };

  it('hashes with argon2id and verifies only the right password', async () => {
    const hasher = new Argon2PasswordHasher(parameters);
    const hash = await hasher.hash('correct horse');
    expect(hash).to.match(/^\$argon2id\$v=19\$m=1024,/);
    expect(await hasher.verify(hash, 'correct horse')).to.equal(true);
    expect(await hasher.verify(hash, 'wrong horse')).to.equal(false);
    expect(await hasher.verify('not-a-hash', 'correct horse')).to.equal(false);
  });

  it('runs at most its limit of hashes at once, and every queued one completes', async () => {
    const hasher = new Argon2PasswordHasher(parameters, 2);
    // Observe the private counter: the limit is about memory, which no public result reveals.
    const state = hasher as unknown as { running: number };
    let peak = 0;
    const probe = setInterval(() => (peak = Math.max(peak, state.running)), 0);
    const hashes = await Promise.all(Array.from({ length: 12 }, (_, i) => hasher.hash(`password-${i}`)));
    clearInterval(probe);
    expect(new Set(hashes).size).to.equal(12);
    expect(peak).to.be.within(1, 2);
    expect(state.running).to.equal(0);
  });
});
