import { expect } from 'chai';
import fc from 'fast-check';
import { difficultyOf, syntheticLearner } from '../../src/cli/answer-model.js';
import { seededRandom } from '../../src/domain/shared/random-source.js';

const question = (id: number, moduleId = 1) => ({
  id,
  moduleId,
  text: `q${id}`,
  options: [1, 2, 3, 4].map((pos) => ({ id: id * 10 + pos, pos, text: `o${pos}` })),
});

describe('the synthetic learners’ answer model', () => {
  it('gives every question a fixed difficulty in [-2.5, 2.5], spread over the range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (id) => {
        expect(difficultyOf(id)).to.be.within(-2.5, 2.5);
        expect(difficultyOf(id)).to.equal(difficultyOf(id));
      }),
    );
    const difficulties = Array.from({ length: 1000 }, (_, i) => difficultyOf(i + 1));
    expect(difficulties.filter((b) => b < 0).length).to.be.within(400, 600);
  });

  it('always answers with one of the question’s options, and the same way for the same seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 100_000 }), (seed, id) => {
        const served = question(id);
        const answer = syntheticLearner(seededRandom(seed)).answer(served, served.options[0]!.id);
        expect(served.options.map((o) => o.id)).to.include(answer.selectedOptionId);
        expect(answer.questionId).to.equal(id);
        expect(syntheticLearner(seededRandom(seed)).answer(served, served.options[0]!.id)).to.deep.equal(answer);
      }),
    );
  });

  it('answers easy questions right more often than hard ones, across learners', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => i + 1);
    const easy = ids.filter((id) => difficultyOf(id) < -1.5).slice(0, 200);
    const hard = ids.filter((id) => difficultyOf(id) > 1.5).slice(0, 200);
    const shareRight = (questionIds: number[]) => {
      let right = 0;
      for (let seed = 1; seed <= 50; seed += 1) {
        const learner = syntheticLearner(seededRandom(seed));
        for (const id of questionIds) {
          const served = question(id);
          if (learner.answer(served, served.options[0]!.id).selectedOptionId === served.options[0]!.id) right += 1;
        }
      }
      return right / (50 * questionIds.length);
    };
    // the model: ≈ 0.8 right at b = -1.5 for an average learner, ≈ 0.2 at b = 1.5
    expect(shareRight(easy)).to.be.greaterThan(0.7);
    expect(shareRight(hard)).to.be.lessThan(0.3);
  });
});
