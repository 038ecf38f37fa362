import { expect } from 'chai';
import { utf8ByteLength } from '../../../src/domain/authoring/authoring-text.rules.js';
import {
  assertMinitestSelection,
  type CandidateQuestion,
} from '../../../src/domain/authoring/minitest-selection.rules.js';
import { assertTextEditable, normalizeNewQuestion } from '../../../src/domain/authoring/question.rules.js';
import { expectDomainError } from '../expect-domain-error.js';

describe('question rules', () => {
  it('measures UTF-8 bytes like the database does', () => {
    expect(utf8ByteLength('abc')).to.equal(3);
    expect(utf8ByteLength('é')).to.equal(2);
    expect(utf8ByteLength('€')).to.equal(3);
    expect(utf8ByteLength('😀')).to.equal(4);
  });

  it("trims a new question and reports every problem with the API's field names", () => {
    expect(normalizeNewQuestion({ text: ' Q ', options: [' a', 'b '], correctPos: 2 })).to.deep.equal({
      text: 'Q',
      options: ['a', 'b'],
      correctPos: 2,
    });
    const error = expectDomainError(
      () => normalizeNewQuestion({ text: ' ', options: ['a', 'a'], correctPos: 3 }),
      'validation_failed',
    );
    expect(
      (error.extensions.errors as { code: string; path: string[] }[]).map((e) => `${e.code} /${e.path.join('/')}`),
    ).to.deep.equal(['blank /text', 'duplicate_option /options', 'correct_option_out_of_range /correctOptionPos']);
  });

  it('allows a new text only while no attempt has used the question (minitests do not count)', () => {
    expect(() => assertTextEditable(1, { diagnostika: 0, levelExam: 0, rankFinal: 0, minitests: 4 })).not.to.throw();
    for (const usage of [
      { diagnostika: 1, levelExam: 0, rankFinal: 0, minitests: 0 },
      { diagnostika: 0, levelExam: 2, rankFinal: 0, minitests: 0 },
      { diagnostika: 0, levelExam: 0, rankFinal: 1, minitests: 0 },
    ]) {
      expectDomainError(() => assertTextEditable(1, usage), 'question_in_use');
    }
  });
});

describe('minitest selection rules', () => {
  const candidates = new Map<number, CandidateQuestion>([
    [1, { id: 1, moduleId: 10, isActive: true }],
    [2, { id: 2, moduleId: 10, isActive: true }],
    [3, { id: 3, moduleId: 10, isActive: true }],
    [4, { id: 4, moduleId: 11, isActive: true }],
    [5, { id: 5, moduleId: 10, isActive: false }],
  ]);
  const required = { id: 7, moduleId: 10, kind: 'required' as const };

  it("accepts exactly 3 distinct active questions of the article's module", () => {
    expect(() => assertMinitestSelection(required, [3, 1, 2], candidates)).not.to.throw();
  });

  it('reports every problem at once with the position of the offending id', () => {
    const error = expectDomainError(
      () => assertMinitestSelection({ ...required, kind: 'optional' }, [1, 1, 4, 5, 9], candidates),
      'minitest_invalid',
    );
    expect(
      (error.extensions.errors as { code: string; path: string[] }[]).map((e) => `${e.code} /${e.path.join('/')}`),
    ).to.deep.equal([
      'article_not_required /',
      'question_count /questionIds',
      'duplicate_question /questionIds/1',
      'question_of_other_module /questionIds/2',
      'question_inactive /questionIds/3',
      'question_not_found /questionIds/4',
    ]);
  });
});
