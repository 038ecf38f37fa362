import { expect } from 'chai';
import { allocateQuestions } from '../../../src/domain/exams/question-allocation.rules.js';
import { expectDomainError } from '../expect-domain-error.js';

const asObject = (allocation: { moduleId: number; count: number }[]): Record<number, number> =>
  Object.fromEntries(allocation.map((a) => [a.moduleId, a.count]));

describe('allocateQuestions', () => {
  it('the worked example of exam assembly: T=20, K=3, min 3, max 6, weak [2,4,5] → 2:6, 4:6, 5:6, then 1:1, 3:1', () => {
    expect(allocateQuestions([2, 4, 5, 1, 3], 3, 20, 3, 6)).to.deep.equal([
      { moduleId: 2, count: 6 },
      { moduleId: 4, count: 6 },
      { moduleId: 5, count: 6 },
      { moduleId: 1, count: 1 },
      { moduleId: 3, count: 1 },
    ]);
  });

  it('reference: all errors zero, T=20 → 6/6/6 then overflow 4:1, 5:1', () => {
    expect(asObject(allocateQuestions([1, 2, 3, 4, 5], 3, 20, 3, 6))).to.deep.equal({ 1: 6, 2: 6, 3: 6, 4: 1, 5: 1 });
  });

  it('reference: T=10, all errors zero → 1:4, 2:3, 3:3 (the weakest gets the extra question)', () => {
    expect(allocateQuestions([1, 2, 3, 4, 5], 3, 10, 3, 6)).to.deep.equal([
      { moduleId: 1, count: 4 },
      { moduleId: 2, count: 3 },
      { moduleId: 3, count: 3 },
    ]);
  });

  it('rank final T=40, K=3, min 6, max 12 → 12, 12, 12, 2, 2', () => {
    expect(allocateQuestions([2, 4, 5, 1, 3], 3, 40, 6, 12).map((a) => a.count)).to.deep.equal([12, 12, 12, 2, 2]);
  });

  it('overflow respects max (unlike the reference) and spreads round-robin in weakness order', () => {
    // weak [3] fills to 4; the other 9 go round-robin over [1, 2, 4]: three rounds of +1
    expect(allocateQuestions([3, 1, 2, 4], 1, 13, 2, 4)).to.deep.equal([
      { moduleId: 3, count: 4 },
      { moduleId: 1, count: 3 },
      { moduleId: 2, count: 3 },
      { moduleId: 4, count: 3 },
    ]);
    expect(allocateQuestions([3, 1, 2, 4], 1, 16, 2, 4).map((a) => a.count)).to.deep.equal([4, 4, 4, 4]);
  });

  it('with K above the module count, every module is weak', () => {
    expect(asObject(allocateQuestions([2, 1], 5, 7, 3, 4))).to.deep.equal({ 2: 4, 1: 3 });
  });

  it('refuses K × min above T with settings_invalid', () => {
    const error = expectDomainError(() => allocateQuestions([1, 2, 3, 4], 3, 8, 3, 6), 'settings_invalid');
    expect(error.message).to.contain('3 weak modules × min_per_module 3 = 9 exceeds total_q 8');
  });

  it('refuses a T the modules cannot hold with settings_invalid', () => {
    const error = expectDomainError(() => allocateQuestions([1, 2, 3], 3, 20, 3, 6), 'settings_invalid');
    expect(error.message).to.contain('3 modules × max_per_module 6 = 18 cannot hold total_q 20');
    expectDomainError(() => allocateQuestions([], 3, 1, 0, 6), 'settings_invalid');
  });

  it('refuses a weakness order that lists a module twice', () => {
    expect(() => allocateQuestions([1, 2, 1], 1, 3, 1, 2)).to.throw(RangeError);
  });
});
