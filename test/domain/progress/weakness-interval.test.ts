import { expect } from 'chai';
import fc from 'fast-check';
import {
  betaQuantile,
  errorRateInterval,
  regularizedIncompleteBeta,
} from '../../../src/domain/progress/weakness-interval.rules.js';

describe('weakness interval (Beta posterior of the error rate)', () => {
  // Reference values from scipy.stats.beta (ppf / cdf).
  const quantiles: [number, number, number, number][] = [
    [0.05, 3, 5, 0.12875639],
    [0.95, 3, 5, 0.65873856],
    [0.05, 11, 21, 0.21336046],
    [0.95, 11, 21, 0.48541607],
    [0.05, 1, 31, 0.00165325],
    [0.95, 1, 31, 0.09211406],
    [0.05, 51, 51, 0.41890919],
    [0.95, 51, 51, 0.58109081],
  ];
  for (const [p, a, b, expected] of quantiles) {
    it(`the ${p} quantile of Beta(${a}, ${b}) is ${expected}`, () => {
      expect(betaQuantile(p, a, b)).to.be.closeTo(expected, 1e-7);
    });
  }

  it('I_x(a, b) matches scipy at non-integer parameters and in the far tail', () => {
    expect(regularizedIncompleteBeta(0.3, 2.5, 4)).to.be.closeTo(0.3521975859067672, 1e-10);
    expect(regularizedIncompleteBeta(0.9, 200, 20)).to.be.closeTo(0.3019342557170772, 1e-9);
  });

  it('Beta(1, 1) is uniform and Beta(1, b) has the closed form 1 - (1 - p)^(1/b)', () => {
    const uniform = errorRateInterval(0, 0);
    expect(uniform.low).to.be.closeTo(0.05, 1e-10);
    expect(uniform.high).to.be.closeTo(0.95, 1e-10);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (n, p) => {
        // n correct answers, no error: Beta(1, n + 1)
        expect(betaQuantile(p, 1, n + 1)).to.be.closeTo(1 - (1 - p) ** (1 / (n + 1)), 1e-9);
      }),
    );
  });

  it('the interval holds the posterior mean, lies in [0, 1] and narrows as evidence grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (correct, errors) => {
        const total = correct + errors;
        const { low, high } = errorRateInterval(correct, total);
        const mean = (errors + 1) / (total + 2);
        expect(low).to.be.at.least(0);
        expect(high).to.be.at.most(1);
        expect(low).to.be.below(mean);
        expect(high).to.be.above(mean);
        const doubled = errorRateInterval(correct * 2, total * 2);
        if (total > 0) expect(doubled.high - doubled.low).to.be.below(high - low);
      }),
      { numRuns: 200 },
    );
  });
});
