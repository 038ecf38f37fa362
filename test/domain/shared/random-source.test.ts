import { expect } from 'chai';
import { orderAttempt } from '../../../src/domain/shared/attempt-order.rules.js';
import { seededRandom, type RandomSource } from '../../../src/domain/shared/random-source.js';
import { sampleWithoutReplacement, shuffle } from '../../../src/domain/shared/random-sampling.js';

const draws = (random: RandomSource, n: number, max: number): number[] =>
  Array.from({ length: n }, () => random.nextInt(max));

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    expect(draws(seededRandom(42), 20, 1000)).to.deep.equal(draws(seededRandom(42), 20, 1000));
    expect(draws(seededRandom(42), 20, 1000)).to.not.deep.equal(draws(seededRandom(43), 20, 1000));
  });

  it('stays in [0, max) and reaches every value of a small range', () => {
    const values = draws(seededRandom(7), 2000, 5);
    expect(values.every((v) => Number.isInteger(v) && v >= 0 && v < 5)).to.equal(true);
    expect(new Set(values)).to.have.property('size', 5);
  });

  it('refuses a bound that is not a positive integer', () => {
    const random = seededRandom(1);
    expect(() => random.nextInt(0)).to.throw(RangeError);
    expect(() => random.nextInt(2.5)).to.throw(RangeError);
  });
});

describe('shuffle', () => {
  it('returns a permutation and leaves the input untouched', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const result = shuffle(items, seededRandom(3));
    expect(items).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...result].sort((a, b) => a - b)).to.deep.equal(items);
  });

  it('puts every item first about equally often (uniformity smoke test)', () => {
    const random = seededRandom(11);
    const firsts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) firsts[shuffle([0, 1, 2, 3], random)[0] as number]! += 1;
    for (const count of firsts) expect(count).to.be.within(850, 1150);
  });

  it('rejects an injected source that returns out-of-range values', () => {
    const broken: RandomSource = { nextInt: (max) => max };
    expect(() => shuffle([1, 2, 3], broken)).to.throw(RangeError, /returned 3/);
  });
});

describe('sampleWithoutReplacement', () => {
  it('draws n distinct items of the input', () => {
    const items = Array.from({ length: 50 }, (_, i) => i + 100);
    const sample = sampleWithoutReplacement(items, 10, seededRandom(5));
    expect(sample).to.have.length(10);
    expect(new Set(sample).size).to.equal(10);
    expect(sample.every((x) => items.includes(x))).to.equal(true);
  });

  it('allows n = 0 and n = length, and refuses n > length', () => {
    expect(sampleWithoutReplacement([1, 2], 0, seededRandom(1))).to.deep.equal([]);
    expect([...sampleWithoutReplacement([1, 2, 3], 3, seededRandom(1))].sort()).to.deep.equal([1, 2, 3]);
    expect(() => sampleWithoutReplacement([1, 2], 3, seededRandom(1))).to.throw(RangeError, /cannot sample 3 of 2/);
  });
});

describe('orderAttempt', () => {
  it('numbers the shuffled questions 1..n and keeps each module id with its question', () => {
    const picked = [1, 2, 3, 4, 5].map((questionId) => ({ questionId, moduleId: questionId * 10 }));
    const ordered = orderAttempt(picked, seededRandom(9));
    expect(ordered.map((q) => q.pos)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(ordered.every((q) => q.moduleId === q.questionId * 10)).to.equal(true);
    expect(ordered.map((q) => q.questionId).sort()).to.deep.equal([1, 2, 3, 4, 5]);
  });
});
