import { expect } from 'chai';
import fc from 'fast-check';
import {
  compareItems,
  itemContributions,
  itemStatistics,
  type ItemContribution,
  type ItemSums,
  type ItemThresholds,
  type OptionSums,
} from '../../../src/domain/assessment/item-statistics.rules.js';

const THRESHOLDS: ItemThresholds = {
  itemMinResponses: 30,
  itemMinFacilityPct: 20,
  itemMaxFacilityPct: 95,
  itemMinDiscriminationPct: 15,
};

/** Question 1 has options 11..14 (11 correct); each attempt answers question 1 and 2-7 others (ids 2..9). */
const attempt = fc.record({
  chosen: fc.integer({ min: 11, max: 14 }),
  others: fc
    .uniqueArray(fc.integer({ min: 2, max: 9 }), { minLength: 1, maxLength: 7 })
    .chain((ids) =>
      fc.tuple(fc.constant(ids), fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length })),
    ),
});

/** The sums folded one attempt at a time, in arbitrary stripes, as the database does. */
function foldedSums(
  contributions: readonly ItemContribution[],
  stripes: number,
): { sums: ItemSums; options: OptionSums[] } {
  const parts = Array.from({ length: stripes }, () => ({ n: 0, x: 0, r: 0, rr: 0, xr: 0 }));
  const options = new Map<number, number[]>([11, 12, 13, 14].map((id) => [id, Array(stripes).fill(0)]));
  const chosen = new Map<number, number>([11, 12, 13, 14].map((id) => [id, 0]));
  contributions.forEach((c, index) => {
    const part = parts[index % stripes]!;
    const x = c.correct ? 1 : 0;
    part.n += 1;
    part.x += x;
    part.r += c.rest;
    part.rr += c.rest * c.rest;
    part.xr += x * c.rest;
    const stripe = options.get(c.selectedOptionId)!;
    stripe[index % stripes] = (stripe[index % stripes] ?? 0) + c.rest;
    chosen.set(c.selectedOptionId, chosen.get(c.selectedOptionId)! + 1);
  });
  const sum = (f: (p: (typeof parts)[number]) => number): number => parts.reduce((acc, p) => acc + f(p), 0);
  return {
    sums: {
      responses: sum((p) => p.n),
      sumCorrect: sum((p) => p.x),
      sumRest: sum((p) => p.r),
      sumRestSquared: sum((p) => p.rr),
      sumCorrectRest: sum((p) => p.xr),
    },
    options: [11, 12, 13, 14].map((id, index) => ({
      optionId: id,
      pos: index + 1,
      isCorrect: id === 11,
      chosen: chosen.get(id)!,
      sumRest: options.get(id)!.reduce((a, b) => a + b, 0),
    })),
  };
}

/** The textbook two-pass Pearson correlation over the raw pairs. */
function directPearson(pairs: readonly [number, number][]): number | null {
  const n = pairs.length;
  if (n < 2) return null;
  const mx = pairs.reduce((a, [x]) => a + x, 0) / n;
  const my = pairs.reduce((a, [, y]) => a + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  if (sxx < 1e-9 || syy < 1e-9) return null;
  return sxy / Math.sqrt(sxx * syy);
}

describe('item statistics from sufficient sums', () => {
  it('equal a direct computation over the raw answers, however the sums are striped', () => {
    fc.assert(
      fc.property(
        fc.array(attempt, { minLength: 0, maxLength: 80 }),
        fc.integer({ min: 1, max: 8 }),
        (attempts, stripes) => {
          const contributions = attempts.map(({ chosen, others: [ids, correct] }) => {
            const answers = [
              { questionId: 1, selectedOptionId: chosen, correct: chosen === 11 },
              ...ids.map((id, i) => ({ questionId: id, selectedOptionId: 100 + id, correct: correct[i]! })),
            ];
            return itemContributions(answers)[0]!;
          });
          const { sums, options } = foldedSums(contributions, stripes);
          const stats = itemStatistics(sums, options, THRESHOLDS);

          // direct: rest score recomputed from each attempt's raw answers
          const pairs = attempts.map(({ chosen, others: [, correct] }): [number, number] => [
            chosen === 11 ? 1 : 0,
            correct.filter(Boolean).length / correct.length,
          ]);
          const n = pairs.length;
          expect(stats.responses).to.equal(n);
          if (n === 0) expect(stats.facility).to.equal(null);
          else expect(stats.facility).to.be.closeTo(pairs.filter(([x]) => x === 1).length / n, 1e-12);
          const direct = directPearson(pairs);
          if (direct === null) expect(stats.discrimination).to.equal(null);
          else expect(stats.discrimination).to.be.closeTo(direct, 1e-9);

          for (const option of stats.options) {
            const choosers = attempts.filter((a) => a.chosen === option.optionId);
            expect(option.chosen).to.equal(choosers.length);
            expect(option.chosenShare).to.equal(n === 0 ? null : choosers.length / n);
            if (choosers.length === 0) expect(option.meanRestScore).to.equal(null);
            else {
              const mean =
                choosers.reduce((acc, a) => acc + a.others[1].filter(Boolean).length / a.others[1].length, 0) /
                choosers.length;
              expect(option.meanRestScore).to.be.closeTo(mean, 1e-12);
            }
          }

          // flags, recomputed from the direct values
          const expected: string[] = [];
          if (n >= THRESHOLDS.itemMinResponses) {
            const p = pairs.filter(([x]) => x === 1).length / n;
            if (p > 0.95) expected.push('too_easy');
            if (p < 0.2) expected.push('too_hard');
            if (direct !== null && direct < 0.15) expected.push('low_discrimination');
            if (direct !== null && direct < 0) expected.push('negative_discrimination');
            const key = stats.options.find((o) => o.isCorrect)!;
            const beaten = stats.options.some(
              (o) =>
                !o.isCorrect &&
                o.chosen >= 5 &&
                o.meanRestScore !== null &&
                (key.meanRestScore === null || o.meanRestScore > key.meanRestScore),
            );
            if (beaten) expected.push('distractor_beats_key');
          }
          // a correlation within rounding of a threshold may land on either side
          const nearEdge = direct !== null && (Math.abs(direct - 0.15) < 1e-9 || Math.abs(direct) < 1e-9);
          if (!nearEdge) expect(stats.flags).to.deep.equal(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives no flags below item_min_responses and a null discrimination when a variance is 0', () => {
    const sums: ItemSums = {
      responses: 29,
      sumCorrect: 29,
      sumRest: 14.5,
      sumRestSquared: 29 * 0.25,
      sumCorrectRest: 14.5,
    };
    const stats = itemStatistics(sums, [], THRESHOLDS);
    expect(stats.facility).to.equal(1);
    expect(stats.discrimination).to.equal(null);
    expect(stats.flags).to.deep.equal([]);
    const easy = itemStatistics({ ...sums, responses: 30, sumCorrect: 30 }, [], THRESHOLDS);
    expect(easy.flags).to.deep.equal(['too_easy']);
  });

  it('rest scores leave the answer itself out', () => {
    const contributions = itemContributions([
      { questionId: 1, selectedOptionId: 1, correct: true },
      { questionId: 2, selectedOptionId: 2, correct: false },
      { questionId: 3, selectedOptionId: 3, correct: true },
    ]);
    expect(contributions.map((c) => c.rest)).to.deep.equal([0.5, 1, 0.5]);
    expect(itemContributions([{ questionId: 1, selectedOptionId: 1, correct: true }])[0]!.rest).to.equal(0);
  });

  it('orders flagged items first, then by discrimination ascending with nulls last', () => {
    const item = (questionId: number, discrimination: number | null, flagged: boolean) => ({
      questionId,
      statistics: {
        responses: 40,
        facility: 0.5,
        discrimination,
        flags: flagged ? ['too_hard' as const] : [],
        options: [],
      },
    });
    const sorted = [
      item(1, null, false),
      item(2, 0.5, false),
      item(3, 0.9, true),
      item(4, -0.2, false),
      item(5, null, true),
    ]
      .sort(compareItems)
      .map((i) => i.questionId);
    expect(sorted).to.deep.equal([3, 5, 4, 2, 1]);
  });
});
