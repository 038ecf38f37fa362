import { expect } from 'chai';
import {
  weakModuleIds,
  weaknessOrder,
  weaknessProfile,
  weaknessScore,
  type ModuleEvidence,
} from '../../../src/domain/progress/weakness.rules.js';

const modules = [
  { id: 1, name: 'python-basics' },
  { id: 2, name: 'sql-basics' },
  { id: 3, name: 'backend-architecture' },
  { id: 4, name: 'testing' },
  { id: 5, name: 'devops' },
];
/** Four diagnostika questions per module with the given error counts. */
const fromErrors = (errors: Record<number, number>): ModuleEvidence[] =>
  Object.entries(errors).map(([id, e]) => ({ moduleId: Number(id), correct: 4 - e, total: 4 }));

describe('weaknessProfile — errors metric', () => {
  it('errors {1:1, 2:3, 3:0, 4:3, 5:2} → weak [2, 4, 5], ties to the lower id', () => {
    const profile = weaknessProfile(modules, fromErrors({ 1: 1, 2: 3, 3: 0, 4: 3, 5: 2 }), 'errors');
    expect(profile.map((m) => [m.moduleId, m.weakness, m.rank])).to.deep.equal([
      [2, 3, 1],
      [4, 3, 2],
      [5, 2, 3],
      [1, 1, 4],
      [3, 0, 5],
    ]);
    expect(weakModuleIds(profile, 3)).to.deep.equal([2, 4, 5]);
    expect(weaknessOrder(profile)).to.deep.equal([2, 4, 5, 1, 3]);
  });

  it('all errors zero → weak [1, 2, 3]', () => {
    const profile = weaknessProfile(modules, fromErrors({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }), 'errors');
    expect(weakModuleIds(profile, 3)).to.deep.equal([1, 2, 3]);
  });

  it('carries name, correct and total of every module', () => {
    const [first] = weaknessProfile(modules, fromErrors({ 1: 1, 2: 3, 3: 0, 4: 3, 5: 2 }), 'errors');
    expect(first).to.deep.equal({ moduleId: 2, moduleName: 'sql-basics', correct: 1, total: 4, weakness: 3, rank: 1 });
  });

  it('includes modules without evidence (weakness 0) so K weak modules always exist', () => {
    const profile = weaknessProfile(modules, [{ moduleId: 4, correct: 0, total: 1 }], 'errors');
    expect(profile).to.have.length(5);
    expect(weakModuleIds(profile, 3)).to.deep.equal([4, 1, 2]);
    expect(profile.find((m) => m.moduleId === 3)).to.include({ correct: 0, total: 0, weakness: 0 });
  });
});

describe('weaknessProfile — error_rate metric', () => {
  it('smooths: (errors + 1) / (total + 2), no evidence = 0.5', () => {
    expect(weaknessScore('error_rate', 0, 0)).to.equal(0.5);
    expect(weaknessScore('error_rate', 3, 4)).to.equal(2 / 6);
    expect(weaknessScore('error_rate', 0, 4)).to.equal(5 / 6);
  });

  it('ranks a module 5/10 wrong above one 1/1 wrong less than raw counts would suggest', () => {
    const profile = weaknessProfile(
      modules,
      [
        { moduleId: 1, correct: 0, total: 1 }, // 2/3
        { moduleId: 2, correct: 5, total: 10 }, // 6/12 = 0.5
        { moduleId: 3, correct: 1, total: 10 }, // 10/12
      ],
      'error_rate',
    );
    expect(profile.map((m) => m.moduleId)).to.deep.equal([3, 1, 2, 4, 5]);
    // 6/12 and the no-evidence 0.5 are an exact tie, broken by id
    expect(profile.slice(2).map((m) => m.weakness)).to.deep.equal([0.5, 0.5, 0.5]);
  });

  it('sums several evidence rows of one module (diagnostika plus exam attempts)', () => {
    const profile = weaknessProfile(
      modules,
      [
        { moduleId: 5, correct: 2, total: 4 },
        { moduleId: 5, correct: 1, total: 6 },
      ],
      'error_rate',
    );
    expect(profile[0]).to.deep.include({ moduleId: 5, correct: 3, total: 10, weakness: 8 / 12, rank: 1 });
  });

  it('ignores evidence of modules that are not on the track', () => {
    const profile = weaknessProfile(modules.slice(0, 2), [{ moduleId: 9, correct: 0, total: 20 }], 'error_rate');
    expect(profile.map((m) => m.moduleId)).to.deep.equal([1, 2]);
  });
});

describe('weakModuleIds', () => {
  it('returns min(K, modules) ids', () => {
    const profile = weaknessProfile(modules.slice(0, 2), [], 'errors');
    expect(weakModuleIds(profile, 3)).to.deep.equal([1, 2]);
    expect(weakModuleIds(profile, 1)).to.deep.equal([1]);
  });
});
