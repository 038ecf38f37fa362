import { expect } from 'chai';
import { pickExamQuestions, type ModuleCandidates } from '../../../src/domain/exams/question-pick.rules.js';
import { seededRandom } from '../../../src/domain/shared/random-source.js';
import { expectDomainError } from '../expect-domain-error.js';

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

describe('pickExamQuestions', () => {
  const allocation = [
    { moduleId: 2, count: 3 },
    { moduleId: 1, count: 2 },
  ];
  const candidates: ModuleCandidates[] = [
    { moduleId: 1, unseen: range(100, 10), seen: [] },
    { moduleId: 2, unseen: range(200, 10), seen: [] },
  ];

  it('picks the allocated number of distinct questions of each module, numbered 1..T', () => {
    const picked = pickExamQuestions(allocation, candidates, seededRandom(1));
    expect(picked.map((q) => q.pos)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(picked.filter((q) => q.moduleId === 2).every((q) => q.questionId >= 200 && q.questionId < 210)).to.equal(
      true,
    );
    expect(picked.filter((q) => q.moduleId === 1)).to.have.length(2);
    expect(picked.filter((q) => q.moduleId === 2)).to.have.length(3);
    expect(new Set(picked.map((q) => q.questionId)).size).to.equal(5);
  });

  it('is deterministic for a seed and varies with the seed', () => {
    const a = pickExamQuestions(allocation, candidates, seededRandom(7));
    expect(pickExamQuestions(allocation, candidates, seededRandom(7))).to.deep.equal(a);
    const others = [8, 9, 10, 11].map((seed) => pickExamQuestions(allocation, candidates, seededRandom(seed)));
    expect(others.some((b) => JSON.stringify(b) !== JSON.stringify(a))).to.equal(true);
  });

  it('prefers unseen questions and falls back to seen ones only for the shortfall', () => {
    const picked = pickExamQuestions(
      [{ moduleId: 1, count: 4 }],
      [{ moduleId: 1, unseen: [1, 2], seen: [3, 4, 5, 6] }],
      seededRandom(3),
    );
    const ids = picked.map((q) => q.questionId);
    expect(ids).to.include.members([1, 2]);
    expect(ids.filter((id) => id >= 3)).to.have.length(2);
  });

  it('uses only unseen questions when there are enough', () => {
    for (let seed = 0; seed < 20; seed++) {
      const picked = pickExamQuestions(
        [{ moduleId: 1, count: 3 }],
        [{ moduleId: 1, unseen: [1, 2, 3, 4], seen: [5, 6, 7] }],
        seededRandom(seed),
      );
      expect(picked.every((q) => q.questionId <= 4)).to.equal(true);
    }
  });

  it('never repeats a question listed twice or listed as both seen and unseen', () => {
    const picked = pickExamQuestions(
      [{ moduleId: 1, count: 3 }],
      [{ moduleId: 1, unseen: [1, 1, 2], seen: [2, 3] }],
      seededRandom(4),
    );
    expect(picked.map((q) => q.questionId).sort()).to.deep.equal([1, 2, 3]);
  });

  it('names the short module, the need and the supply', () => {
    const error = expectDomainError(
      () =>
        pickExamQuestions(
          [
            { moduleId: 1, count: 2 },
            { moduleId: 3, count: 12 },
          ],
          [
            { moduleId: 1, unseen: [1, 2], seen: [] },
            { moduleId: 3, unseen: range(30, 5), seen: range(40, 3) },
          ],
          seededRandom(1),
        ),
      'not_enough_questions',
    );
    expect(error.message).to.equal('Not enough active questions in module 3: need 12, have 8');
  });

  it('treats a module without candidates as having none', () => {
    const error = expectDomainError(
      () => pickExamQuestions([{ moduleId: 9, count: 1 }], [], seededRandom(1)),
      'not_enough_questions',
    );
    expect(error.message).to.contain('module 9: need 1, have 0');
  });
});
