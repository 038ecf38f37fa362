import { expect } from 'chai';
import {
  assertValidAnswerChanges,
  isPassed,
  scoreAnswers,
  type GradedQuestion,
} from '../../../src/domain/shared/answer-sheet.rules.js';
import type { DomainError } from '../../../src/domain/shared/domain-error.js';
import { expectDomainError } from '../expect-domain-error.js';

// Question q has options 10q+1..10q+4; the correct one is 10q+2.
const question = (questionId: number, moduleId: number): GradedQuestion => ({
  questionId,
  moduleId,
  correctOptionId: questionId * 10 + 2,
  optionIds: [1, 2, 3, 4].map((pos) => questionId * 10 + pos),
});
const attempt = [question(5, 2), question(3, 1), question(7, 2), question(9, 4)];

const answersError = (fn: () => unknown): DomainError => expectDomainError(fn, 'answers_invalid');

describe('scoreAnswers', () => {
  it('counts correct answers and builds per-module stats sorted by module id', () => {
    const result = scoreAnswers(attempt, [
      { questionId: 9, selectedOptionId: 92 },
      { questionId: 5, selectedOptionId: 52 },
      { questionId: 3, selectedOptionId: 31 },
      { questionId: 7, selectedOptionId: 74 },
    ]);
    expect(result).to.deep.equal({
      scoreTotal: 2,
      moduleStats: [
        { moduleId: 1, correct: 0, total: 1 },
        { moduleId: 2, correct: 1, total: 2 },
        { moduleId: 4, correct: 1, total: 1 },
      ],
      answers: [
        { questionId: 5, selectedOptionId: 52, correct: true },
        { questionId: 3, selectedOptionId: 31, correct: false },
        { questionId: 7, selectedOptionId: 74, correct: false },
        { questionId: 9, selectedOptionId: 92, correct: true },
      ],
    });
  });

  it('lists one error per problem: unknown, duplicate, foreign option, missing', () => {
    const error = answersError(() =>
      scoreAnswers(attempt, [
        { questionId: 5, selectedOptionId: 52 },
        { questionId: 99, selectedOptionId: 992 },
        { questionId: 5, selectedOptionId: 51 },
        { questionId: 3, selectedOptionId: 52 },
      ]),
    );
    expect(error.extensions['errors']).to.deep.equal([
      {
        code: 'unknown_question',
        message: 'question 99 is not part of this attempt',
        path: ['answers', 1, 'questionId'],
      },
      {
        code: 'duplicate_answer',
        message: 'question 5 is answered more than once',
        path: ['answers', 2, 'questionId'],
      },
      {
        code: 'option_not_of_question',
        message: 'option 52 does not belong to question 3',
        path: ['answers', 3, 'selectedOptionId'],
      },
      { code: 'missing_answer', message: 'question 7 has no answer', path: ['answers'] },
      { code: 'missing_answer', message: 'question 9 has no answer', path: ['answers'] },
    ]);
    expect(error.message).to.equal('The answers have 5 problem(s)');
  });

  it('refuses an empty sheet with a missing_answer per question', () => {
    const error = answersError(() => scoreAnswers(attempt, []));
    const errors = error.extensions['errors'] as { code: string }[];
    expect(errors.map((e) => e.code)).to.deep.equal([
      'missing_answer',
      'missing_answer',
      'missing_answer',
      'missing_answer',
    ]);
  });

  it('reports a duplicate that also picks a foreign option as two problems', () => {
    const error = answersError(() =>
      scoreAnswers(
        [question(1, 1)],
        [
          { questionId: 1, selectedOptionId: 12 },
          { questionId: 1, selectedOptionId: 77 },
        ],
      ),
    );
    const errors = error.extensions['errors'] as { code: string; path: readonly (string | number)[] }[];
    expect(errors.map((e) => [e.code, e.path])).to.deep.equal([
      ['duplicate_answer', ['answers', 1, 'questionId']],
      ['option_not_of_question', ['answers', 1, 'selectedOptionId']],
    ]);
  });
});

describe('isPassed', () => {
  it('passes at exactly the pass score and fails one below', () => {
    expect(isPassed(15, 15)).to.equal(true);
    expect(isPassed(20, 15)).to.equal(true);
    expect(isPassed(14, 15)).to.equal(false);
  });
});

describe('scoreAnswers with a sitting sheet (docs/product.md, "Exam sittings")', () => {
  const saved = [
    { questionId: 5, selectedOptionId: 52 },
    { questionId: 3, selectedOptionId: 31 },
    { questionId: 7, selectedOptionId: 72 },
  ];

  it('completes the submitted answers from the saved ones, a submitted answer overriding its saved one', () => {
    const result = scoreAnswers(
      attempt,
      [
        { questionId: 3, selectedOptionId: 32 },
        { questionId: 9, selectedOptionId: 92 },
      ],
      { saved, unansweredIsWrong: false },
    );
    expect(result.scoreTotal).to.equal(4);
    expect(result.answers.map((a) => a.selectedOptionId)).to.deep.equal([52, 32, 72, 92]);
  });

  it('still refuses a question neither saved nor submitted before the deadline', () => {
    const error = answersError(() => scoreAnswers(attempt, [], { saved, unansweredIsWrong: false }));
    expect(error.extensions.errors).to.deep.equal([
      { code: 'missing_answer', message: 'question 9 has no answer', path: ['answers'] },
    ]);
  });

  it('after the deadline scores unanswered questions as wrong: stats count every question, answers only the answered', () => {
    const result = scoreAnswers(attempt, [], { saved, unansweredIsWrong: true });
    expect(result.scoreTotal).to.equal(2);
    expect(result.moduleStats).to.deep.equal([
      { moduleId: 1, correct: 0, total: 1 },
      { moduleId: 2, correct: 2, total: 2 },
      { moduleId: 4, correct: 0, total: 1 },
    ]);
    expect(result.answers.map((a) => a.questionId)).to.deep.equal([5, 3, 7]);
    expect(scoreAnswers(attempt, [], { saved: [], unansweredIsWrong: true })).to.deep.include({
      scoreTotal: 0,
      answers: [],
    });
  });

  it('validates the submitted answers even after the deadline', () => {
    const error = answersError(() =>
      scoreAnswers(attempt, [{ questionId: 99, selectedOptionId: 1 }], { saved, unansweredIsWrong: true }),
    );
    expect(error.extensions.errors).to.deep.equal([
      {
        code: 'unknown_question',
        message: 'question 99 is not part of this attempt',
        path: ['answers', 0, 'questionId'],
      },
    ]);
  });
});

describe('assertValidAnswerChanges', () => {
  it('accepts a partial sheet, a null clearing its question', () => {
    expect(() =>
      assertValidAnswerChanges(attempt, [
        { questionId: 7, selectedOptionId: 73 },
        { questionId: 9, selectedOptionId: null },
      ]),
    ).to.not.throw();
  });

  it('lists every problem, like a submit, and needs no question left unanswered', () => {
    const error = answersError(() =>
      assertValidAnswerChanges(attempt, [
        { questionId: 42, selectedOptionId: 1 },
        { questionId: 5, selectedOptionId: 52 },
        { questionId: 5, selectedOptionId: null },
        { questionId: 3, selectedOptionId: 52 },
      ]),
    );
    expect(error.extensions.errors).to.deep.equal([
      {
        code: 'unknown_question',
        message: 'question 42 is not part of this attempt',
        path: ['answers', 0, 'questionId'],
      },
      {
        code: 'duplicate_answer',
        message: 'question 5 is answered more than once',
        path: ['answers', 2, 'questionId'],
      },
      {
        code: 'option_not_of_question',
        message: 'option 52 does not belong to question 3',
        path: ['answers', 3, 'selectedOptionId'],
      },
    ]);
  });
});
