import { expect } from 'chai';
import {
  EXPIRY_GRACE_SECONDS,
  assertAcceptsAnswers,
  assertAttemptOpen,
  deadlineOf,
  expiryCutoff,
  isExpired,
  isPastDeadline,
} from '../../../src/domain/shared/attempt-lifecycle.rules.js';
import { expectDomainError } from '../expect-domain-error.js';

const START = new Date('2026-03-01T09:00:00.000Z');
const at = (seconds: number) => new Date(START.getTime() + seconds * 1000);

describe('attempt lifecycle: sittings (docs/product.md, "Exam sittings")', () => {
  it('fixes no deadline for an untimed sitting, whatever the extra time', () => {
    expect(deadlineOf(START, 0, 0)).to.equal(null);
    expect(deadlineOf(START, 0, 400)).to.equal(null);
  });

  it('stretches the time limit by the learner extra time', () => {
    expect(deadlineOf(START, 30, 0)?.toISOString()).to.equal('2026-03-01T09:30:00.000Z');
    expect(deadlineOf(START, 30, 50)?.toISOString()).to.equal('2026-03-01T09:45:00.000Z');
    expect(deadlineOf(START, 40, 400)?.toISOString()).to.equal('2026-03-01T12:20:00.000Z');
  });

  it('passes the deadline after it, and expires only once the grace has passed too', () => {
    const attempt = { deadlineAt: at(60) };
    expect(isPastDeadline(attempt, at(60))).to.equal(false);
    expect(isPastDeadline(attempt, at(61))).to.equal(true);
    expect(isExpired(attempt, at(60 + EXPIRY_GRACE_SECONDS))).to.equal(false);
    expect(isExpired(attempt, at(61 + EXPIRY_GRACE_SECONDS))).to.equal(true);
    expect(isExpired({ deadlineAt: null }, at(1e9))).to.equal(false);
    expect(expiryCutoff(at(100)).toISOString()).to.equal(at(100 - EXPIRY_GRACE_SECONDS).toISOString());
  });

  it('takes saves through the grace, then refuses them with attempt_expired', () => {
    const open = { submittedAt: null, deadlineAt: at(60), expired: false };
    expect(() => assertAcceptsAnswers(open, at(60 + EXPIRY_GRACE_SECONDS))).to.not.throw();
    expectDomainError(() => assertAcceptsAnswers(open, at(61 + EXPIRY_GRACE_SECONDS)), 'attempt_expired');
  });

  it('tells a submitted attempt from one closed when its time ran out', () => {
    expectDomainError(() => assertAttemptOpen({ submittedAt: at(10), expired: false }), 'attempt_already_submitted');
    expectDomainError(() => assertAttemptOpen({ submittedAt: at(10), expired: true }), 'attempt_expired');
    expectDomainError(
      () => assertAcceptsAnswers({ submittedAt: at(10), deadlineAt: null, expired: false }, at(11)),
      'attempt_already_submitted',
    );
  });
});
