import { expect } from 'chai';
import {
  decideRefresh,
  familyEnd,
  tokenEnd,
  type RefreshTokenState,
} from '../../../src/domain/identity/refresh-family.rules.js';

const T0 = new Date('2026-11-26T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const fresh: RefreshTokenState = {
  rotatedAt: null,
  revokedAt: null,
  expiresAt: at(3_600),
  familyExpiresAt: at(86_400),
  ownerActive: true,
};

describe('refresh-family rules', () => {
  it('rotates a live, unrotated token', () => {
    expect(decideRefresh(fresh, at(60), 10)).to.deep.equal({ kind: 'rotate' });
  });

  it('honours a just-rotated token within the grace window, inclusive, and calls it reuse after', () => {
    const rotated = { ...fresh, rotatedAt: at(100) };
    expect(decideRefresh(rotated, at(100), 10)).to.deep.equal({ kind: 'grace' });
    expect(decideRefresh(rotated, at(110), 10)).to.deep.equal({ kind: 'grace' });
    // A request that read the clock before the rotation committed is within the window too.
    expect(decideRefresh(rotated, at(99), 10)).to.deep.equal({ kind: 'grace' });
    expect(decideRefresh(rotated, at(110.001), 10)).to.deep.equal({ kind: 'reuse' });
    expect(decideRefresh(rotated, at(101), 0)).to.deep.equal({ kind: 'reuse' });
  });

  it('refuses revoked, expired and inactive-owner tokens before anything else', () => {
    expect(decideRefresh({ ...fresh, revokedAt: at(1), rotatedAt: at(1) }, at(2), 10)).to.deep.equal({
      kind: 'refuse',
      reason: 'revoked',
    });
    expect(decideRefresh({ ...fresh, ownerActive: false }, at(2), 10)).to.deep.equal({
      kind: 'refuse',
      reason: 'owner_inactive',
    });
    expect(decideRefresh(fresh, at(3_600), 10)).to.deep.equal({ kind: 'refuse', reason: 'expired' });
    // Past the family's absolute end even a just-rotated token is over.
    const lastMinute = { ...fresh, rotatedAt: at(86_399), expiresAt: at(86_400) };
    expect(decideRefresh(lastMinute, at(86_400), 10)).to.deep.equal({ kind: 'refuse', reason: 'expired' });
  });

  it('slides a token by its lifetime but never past the family end', () => {
    const lifetimes = { slidingSeconds: 12 * 3_600, absoluteSeconds: 14 * 86_400 };
    const end = familyEnd(T0, lifetimes);
    expect(end.toISOString()).to.equal('2026-12-10T10:00:00.000Z');
    expect(tokenEnd(T0, lifetimes, end).toISOString()).to.equal('2026-11-26T22:00:00.000Z');
    expect(tokenEnd(at(14 * 86_400 - 3_600), lifetimes, end)).to.deep.equal(end);
  });
});
