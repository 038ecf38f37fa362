import { expect } from 'chai';
import fc from 'fast-check';
import {
  selectDiagnostikaQuestions,
  type ModuleQuestionPool,
} from '../../../src/domain/diagnostika/diagnostika-question-set.rules.js';
import type { AttemptQuestion } from '../../../src/domain/shared/attempt-order.rules.js';
import { seededRandom } from '../../../src/domain/shared/random-source.js';
import { expectDomainError } from '../expect-domain-error.js';

/** Module m owns question ids m*100 .. m*100 + size - 1. */
const pool = (moduleId: number, size: number): ModuleQuestionPool => ({
  moduleId,
  questionIds: Array.from({ length: size }, (_, i) => moduleId * 100 + i),
});
const perModuleCounts = (set: readonly AttemptQuestion[]): Record<number, number> =>
  set.reduce<Record<number, number>>((acc, q) => ({ ...acc, [q.moduleId]: (acc[q.moduleId] ?? 0) + 1 }), {});
const seededBank = [1, 2, 3, 4, 5].map((m) => pool(m, 8));

describe('selectDiagnostikaQuestions', () => {
  it('seeded settings: 4 per module from 5 modules → 20 distinct questions, 4 each, positions 1..20', () => {
    const set = selectDiagnostikaQuestions({ modules: seededBank, perModule: 4, totalQ: 20 }, seededRandom(1));
    expect(set).to.have.length(20);
    expect(new Set(set.map((q) => q.questionId)).size).to.equal(20);
    expect(perModuleCounts(set)).to.deep.equal({ 1: 4, 2: 4, 3: 4, 4: 4, 5: 4 });
    expect(set.map((q) => q.pos)).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(set.every((q) => Math.floor(q.questionId / 100) === q.moduleId)).to.equal(true);
  });

  it('is deterministic for a seed and random across seeds', () => {
    const request = { modules: seededBank, perModule: 4, totalQ: 20 };
    const a = selectDiagnostikaQuestions(request, seededRandom(99));
    expect(selectDiagnostikaQuestions(request, seededRandom(99))).to.deep.equal(a);
    const sets = [1, 2, 3].map((seed) =>
      selectDiagnostikaQuestions(request, seededRandom(seed))
        .map((q) => q.questionId)
        .sort(),
    );
    expect(new Set(sets.map((s) => s.join(','))).size).to.be.greaterThan(1);
  });

  it('tops up from the rest of the track when per-module draws fall short of the total', () => {
    const set = selectDiagnostikaQuestions({ modules: seededBank, perModule: 2, totalQ: 17 }, seededRandom(5));
    expect(set).to.have.length(17);
    expect(new Set(set.map((q) => q.questionId)).size).to.equal(17);
    for (const count of Object.values(perModuleCounts(set))) expect(count).to.be.at.least(2);
  });

  it('tops up when a module has fewer questions than the per-module quota', () => {
    const modules = [pool(1, 1), pool(2, 8), pool(3, 8)];
    const set = selectDiagnostikaQuestions({ modules, perModule: 4, totalQ: 12 }, seededRandom(2));
    const counts = perModuleCounts(set);
    expect(counts[1]).to.equal(1);
    expect((counts[2] ?? 0) + (counts[3] ?? 0)).to.equal(11);
    expect(counts[2]).to.be.at.least(4);
    expect(counts[3]).to.be.at.least(4);
  });

  it('does not starve higher module ids when per-module × modules exceeds the total', () => {
    // 4 × 5 = 20 > 7: round-robin in id order gives 2, 2, 1, 1, 1
    const set = selectDiagnostikaQuestions(
      { modules: [...seededBank].reverse(), perModule: 4, totalQ: 7 },
      seededRandom(3),
    );
    expect(perModuleCounts(set)).to.deep.equal({ 1: 2, 2: 2, 3: 1, 4: 1, 5: 1 });
  });

  it('fails with not_enough_questions naming need and supply', () => {
    const error = expectDomainError(
      () => selectDiagnostikaQuestions({ modules: [pool(1, 3), pool(2, 3)], perModule: 4, totalQ: 8 }, seededRandom(1)),
      'not_enough_questions',
    );
    expect(error.message).to.equal('Not enough active questions for the diagnostika: need 8, have 6');
  });

  it('counts a question listed twice only once', () => {
    expectDomainError(
      () =>
        selectDiagnostikaQuestions(
          { modules: [{ moduleId: 1, questionIds: [1, 1, 2] }], perModule: 1, totalQ: 3 },
          seededRandom(1),
        ),
      'not_enough_questions',
    );
  });

  it('refuses non-positive sizes as settings_invalid', () => {
    expectDomainError(
      () => selectDiagnostikaQuestions({ modules: seededBank, perModule: 0, totalQ: 5 }, seededRandom(1)),
      'settings_invalid',
    );
    expectDomainError(
      () => selectDiagnostikaQuestions({ modules: seededBank, perModule: 2, totalQ: 0 }, seededRandom(1)),
      'settings_invalid',
    );
  });

  it('property: exactly totalQ distinct questions; every module gets min(perModule, its bank, fair share)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer(),
        (sizes, perModule, wanted, seed) => {
          const modules = sizes.map((size, i) => pool(i + 1, size));
          const available = sizes.reduce((a, b) => a + b, 0);
          fc.pre(available >= 1);
          const totalQ = Math.min(wanted, available);
          const set = selectDiagnostikaQuestions({ modules, perModule, totalQ }, seededRandom(seed));
          expect(set).to.have.length(totalQ);
          expect(new Set(set.map((q) => q.questionId)).size).to.equal(totalQ);
          const counts = perModuleCounts(set);
          // With enough room every module gets its quota (or its whole bank).
          if (perModule * sizes.length <= totalQ) {
            sizes.forEach((size, i) => expect(counts[i + 1] ?? 0).to.be.at.least(Math.min(perModule, size)));
          }
          // Round-robin: a module with questions left never trails another by more than one below the quota.
          sizes.forEach((size, i) => {
            const mine = counts[i + 1] ?? 0;
            if (mine < Math.min(perModule, size)) {
              for (const other of Object.values(counts)) expect(Math.min(other, perModule)).to.be.at.most(mine + 1);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  describe('with flagged questions', () => {
    it('draws the same questions as without flags when nothing is flagged', () => {
      const request = { modules: seededBank, perModule: 2, totalQ: 13 };
      const plain = selectDiagnostikaQuestions(request, seededRandom(8));
      const unflagged = seededBank.map((m) => ({ ...m, flagged: [] }));
      expect(selectDiagnostikaQuestions({ ...request, modules: unflagged }, seededRandom(8))).to.deep.equal(plain);
    });

    it('property: a flagged question is drawn only when the unflagged ones cannot fill its module or the total', () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })), {
            minLength: 1,
            maxLength: 6,
          }),
          fc.integer({ min: 1, max: 5 }),
          fc.integer({ min: 1, max: 40 }),
          fc.integer(),
          (shape, perModule, wanted, seed) => {
            // module i+1 owns `size` questions, of which the first `flaggedCount` are flagged
            const modules = shape.map(([size, flaggedCount], i) => {
              const bank = pool(i + 1, size);
              return { ...bank, flagged: bank.questionIds.slice(0, flaggedCount) };
            });
            const available = modules.reduce((sum, m) => sum + m.questionIds.length, 0);
            fc.pre(available >= 1);
            const totalQ = Math.min(wanted, available);
            const set = selectDiagnostikaQuestions({ modules, perModule, totalQ }, seededRandom(seed));
            const flagged = new Set(modules.flatMap((m) => m.flagged));
            const chosen = new Set(set.map((q) => q.questionId));
            const unflaggedLeft = modules
              .flatMap((m) => m.questionIds)
              .filter((id) => !flagged.has(id) && !chosen.has(id));
            const usedFlagged = set.filter((q) => flagged.has(q.questionId));
            // the top-up never takes a flagged question while an unflagged one is left
            if (unflaggedLeft.length > 0) {
              for (const q of usedFlagged) {
                const module = modules[q.moduleId - 1]!;
                const unflaggedOfModule = module.questionIds.filter((id) => !flagged.has(id));
                // within its module's turns (at most perModule) every unflagged question came first
                expect(unflaggedOfModule.every((id) => chosen.has(id))).to.equal(true);
                expect(perModuleCounts(set)[q.moduleId]).to.be.at.most(perModule);
              }
            }
            // module coverage is that of the plain rule: flags change which questions, not how many per module
            const plain = selectDiagnostikaQuestions(
              { modules: modules.map(({ moduleId, questionIds }) => ({ moduleId, questionIds })), perModule, totalQ },
              seededRandom(seed),
            );
            const turns = (s: readonly AttemptQuestion[]) =>
              Object.fromEntries(Object.entries(perModuleCounts(s)).map(([m, n]) => [m, Math.min(n, perModule)]));
            expect(turns(set)).to.deep.equal(turns(plain));
          },
        ),
        { numRuns: 300 },
      );
    });

    it('falls back on flagged questions before not_enough_questions', () => {
      const modules = [
        { ...pool(1, 3), flagged: [100, 101, 102] },
        { ...pool(2, 3), flagged: [200, 201] },
      ];
      const set = selectDiagnostikaQuestions({ modules, perModule: 3, totalQ: 6 }, seededRandom(4));
      expect(set.map((q) => q.questionId).sort()).to.deep.equal([100, 101, 102, 200, 201, 202]);
    });
  });
});
