import { expect } from 'chai';
import { selectStageContent, type CandidateArticle } from '../../../src/domain/content/content-selection.rules.js';
import { isMinitestPassed, MINITEST_QUESTION_COUNT } from '../../../src/domain/content/minitest.rules.js';
import { expectDomainError } from '../expect-domain-error.js';

const optional = (id: number, moduleId: number, position: number): CandidateArticle => ({
  id,
  moduleId,
  kind: 'optional',
  position,
  hasMinitest: false,
});
const required = (id: number, moduleId: number, position: number, hasMinitest = true): CandidateArticle => ({
  id,
  moduleId,
  kind: 'required',
  position,
  hasMinitest,
});

/** Per module m: optionals 10m+1 (pos 2), 10m+2 (pos 1), 10m+3 (pos 1); requireds 10m+5 (pos 2), 10m+6 (pos 1). */
const catalog: CandidateArticle[] = [1, 2, 3].flatMap((m) => [
  optional(10 * m + 1, m, 2),
  optional(10 * m + 2, m, 1),
  optional(10 * m + 3, m, 1),
  required(10 * m + 5, m, 2),
  required(10 * m + 6, m, 1),
]);

describe('selectStageContent', () => {
  it('assigns the first optional articles of every module by (position, id) and one required per weak module', () => {
    const selection = selectStageContent({
      moduleIds: [3, 1, 2],
      candidates: catalog,
      weakModuleIds: [3, 1],
      optionalPerModule: 2,
    });
    expect(selection).to.deep.equal({ optional: [12, 13, 22, 23, 32, 33], required: [36, 16] });
  });

  it('assigns no optional article when the quota is zero', () => {
    const selection = selectStageContent({
      moduleIds: [1, 2, 3],
      candidates: catalog,
      weakModuleIds: [2],
      optionalPerModule: 0,
    });
    expect(selection).to.deep.equal({ optional: [], required: [26] });
  });

  it('ignores articles of modules that are not on the track', () => {
    const selection = selectStageContent({
      moduleIds: [1],
      candidates: [...catalog, optional(99, 9, 0)],
      weakModuleIds: [1],
      optionalPerModule: 1,
    });
    expect(selection).to.deep.equal({ optional: [12], required: [16] });
  });

  it('refuses a module short of optional articles, naming it', () => {
    const candidates = catalog.filter((a) => !(a.moduleId === 2 && a.kind === 'optional' && a.id !== 21));
    const error = expectDomainError(
      () => selectStageContent({ moduleIds: [1, 2, 3], candidates, weakModuleIds: [1], optionalPerModule: 2 }),
      'not_enough_articles',
    );
    expect(error.message).to.equal('Not enough optional articles for module 2 on this stage: need 2, have 1');
  });

  it('refuses a weak module without a required article', () => {
    const candidates = catalog.filter((a) => !(a.moduleId === 3 && a.kind === 'required'));
    const error = expectDomainError(
      () => selectStageContent({ moduleIds: [1, 2, 3], candidates, weakModuleIds: [1, 3], optionalPerModule: 1 }),
      'not_enough_articles',
    );
    expect(error.message).to.equal('No required article for weak module 3 on this stage');
  });

  it('does not need a required article for a module that is not weak', () => {
    const candidates = catalog.filter((a) => !(a.moduleId === 3 && a.kind === 'required'));
    const selection = selectStageContent({
      moduleIds: [1, 2, 3],
      candidates,
      weakModuleIds: [1, 2],
      optionalPerModule: 1,
    });
    expect(selection.required).to.deep.equal([16, 26]);
  });

  it('refuses a chosen required article without a minitest instead of substituting another', () => {
    const candidates = catalog.map((a) => (a.id === 26 ? required(26, 2, 1, false) : a));
    const error = expectDomainError(
      () => selectStageContent({ moduleIds: [1, 2, 3], candidates, weakModuleIds: [2], optionalPerModule: 1 }),
      'minitest_not_configured',
    );
    expect(error.message).to.equal('Required article 26 of module 2 has no configured 3-question minitest');
  });
});

describe('minitest rules', () => {
  it('has three questions and passes only at 3/3', () => {
    expect(MINITEST_QUESTION_COUNT).to.equal(3);
    expect(isMinitestPassed(3)).to.equal(true);
    expect(isMinitestPassed(2)).to.equal(false);
  });
});
