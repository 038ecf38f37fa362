import { expect } from 'chai';
import fc from 'fast-check';
import { allocateQuestions } from '../../../src/domain/exams/question-allocation.rules.js';
import { pickExamQuestions, type ModuleCandidates } from '../../../src/domain/exams/question-pick.rules.js';
import { validateSettings } from '../../../src/domain/settings/settings-consistency.rules.js';
import { DEFAULT_TRACK_SETTINGS } from '../../../src/domain/settings/track-settings.js';
import { seededRandom } from '../../../src/domain/shared/random-source.js';

interface Scenario {
  readonly weakOrder: number[];
  readonly k: number;
  readonly totalQ: number;
  readonly min: number;
  readonly max: number;
  readonly seed: number;
  readonly seenShare: number;
}

/**
 * Random exams whose settings pass validateSettings: 1-8 modules with distinct ids in a random
 * weakness order; K, min, max and T drawn so that K × min <= T <= modules × max.
 */
const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    moduleIds: fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }),
    k: fc.integer({ min: 1, max: 8 }),
    min: fc.integer({ min: 0, max: 10 }),
    extra: fc.integer({ min: 0, max: 10 }),
    totalPick: fc.double({ min: 0, max: 1, noNaN: true }),
    seed: fc.integer(),
    seenShare: fc.integer({ min: 0, max: 100 }),
  })
  .filter(({ moduleIds, k, min, extra }) => {
    const high = moduleIds.length * (min + extra);
    return Math.max(1, k * min) <= high;
  })
  .map(({ moduleIds, k, min, extra, totalPick, seed, seenShare }) => {
    const max = min + extra;
    const low = Math.max(1, k * min);
    const high = moduleIds.length * max;
    const totalQ = low + Math.floor(totalPick * (high - low));
    return { weakOrder: moduleIds, k, totalQ, min, max, seed, seenShare };
  })
  .filter((s) =>
    validateSettings(
      {
        ...DEFAULT_TRACK_SETTINGS,
        levelExamTotalQ: s.totalQ,
        levelExamPassScore: 1,
        kExam: s.k,
        levelExamMinPerModule: s.min,
        levelExamMaxPerModule: s.max,
      },
      s.weakOrder.length,
    ).every((e) => !String(e.path?.[1]).startsWith('levelExam') && e.path?.[1] !== 'kExam'),
  );

/** A bank large enough for any allocation (max + 3 questions per module), some of them already seen. */
function bank(weakOrder: readonly number[], max: number, seenShare: number): ModuleCandidates[] {
  return weakOrder.map((moduleId) => {
    const ids = Array.from({ length: max + 3 }, (_, i) => moduleId * 100 + i);
    const seenCount = Math.floor((ids.length * seenShare) / 100);
    return { moduleId, seen: ids.slice(0, seenCount), unseen: ids.slice(seenCount) };
  });
}

describe('exam assembly properties', () => {
  it('allocates exactly T, never above max, at least min to each weak module, nothing outside the track', () => {
    fc.assert(
      fc.property(scenario, ({ weakOrder, k, totalQ, min, max }) => {
        const allocation = allocateQuestions(weakOrder, k, totalQ, min, max);
        const sum = allocation.reduce((s, a) => s + a.count, 0);
        expect(sum).to.equal(totalQ);
        for (const a of allocation) {
          expect(a.count).to.be.at.most(max);
          expect(weakOrder).to.include(a.moduleId);
        }
        for (const id of weakOrder.slice(0, k)) {
          expect(allocation.find((a) => a.moduleId === id)?.count ?? 0).to.be.at.least(min);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('overflows to other modules only once every weak module is at max', () => {
    fc.assert(
      fc.property(scenario, ({ weakOrder, k, totalQ, min, max }) => {
        const allocation = allocateQuestions(weakOrder, k, totalQ, min, max);
        const weak = weakOrder.slice(0, k);
        const overflow = allocation.filter((a) => !weak.includes(a.moduleId)).reduce((s, a) => s + a.count, 0);
        if (overflow > 0) {
          for (const id of weak) expect(allocation.find((a) => a.moduleId === id)?.count).to.equal(max);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('picks T distinct questions, each from its own module, with positions 1..T, never above max per module', () => {
    fc.assert(
      fc.property(scenario, ({ weakOrder, k, totalQ, min, max, seed, seenShare }) => {
        const allocation = allocateQuestions(weakOrder, k, totalQ, min, max);
        const picked = pickExamQuestions(allocation, bank(weakOrder, max, seenShare), seededRandom(seed));
        expect(picked).to.have.length(totalQ);
        expect(new Set(picked.map((q) => q.questionId)).size).to.equal(totalQ);
        expect(picked.map((q) => q.pos)).to.deep.equal(Array.from({ length: totalQ }, (_, i) => i + 1));
        for (const q of picked) expect(Math.floor(q.questionId / 100)).to.equal(q.moduleId);
        for (const a of allocation) {
          expect(picked.filter((q) => q.moduleId === a.moduleId)).to.have.length(a.count);
        }
        for (const id of weakOrder) expect(picked.filter((q) => q.moduleId === id).length).to.be.at.most(max);
      }),
      { numRuns: 300 },
    );
  });

  it('draws a seen question only when the module has run out of unseen ones', () => {
    fc.assert(
      fc.property(scenario, ({ weakOrder, k, totalQ, min, max, seed, seenShare }) => {
        const candidates = bank(weakOrder, max, seenShare);
        const picked = pickExamQuestions(
          allocateQuestions(weakOrder, k, totalQ, min, max),
          candidates,
          seededRandom(seed),
        );
        for (const { moduleId, unseen, seen } of candidates) {
          const ids = picked.filter((q) => q.moduleId === moduleId).map((q) => q.questionId);
          const seenPicked = ids.filter((id) => seen.includes(id)).length;
          expect(seenPicked).to.equal(Math.max(0, ids.length - unseen.length));
        }
      }),
      { numRuns: 300 },
    );
  });
});
