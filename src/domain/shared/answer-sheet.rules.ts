import { DomainError, type ErrorItem } from './domain-error.js';

/** A question of an attempt as the scorer sees it: never sent to learners (it holds the correct option). */
export interface GradedQuestion {
  readonly questionId: number;
  readonly moduleId: number;
  readonly correctOptionId: number;
  readonly optionIds: readonly number[];
}

/** One submitted answer: the option the learner chose for a question. */
export interface SubmittedAnswer {
  readonly questionId: number;
  readonly selectedOptionId: number;
}

export interface ModuleStat {
  readonly moduleId: number;
  readonly correct: number;
  readonly total: number;
}

export interface ScoredAnswer {
  readonly questionId: number;
  readonly selectedOptionId: number;
  readonly correct: boolean;
}

export interface AnswerSheetScore {
  readonly scoreTotal: number;
  /** Sorted by module id. */
  readonly moduleStats: ModuleStat[];
  /** In the order of the attempt's questions. */
  readonly answers: ScoredAnswer[];
}

/**
 * Validates and scores the answers to an attempt (docs/product.md, "Attempts and scoring"), for the diagnostika, the
 * exams and
 * the minitest alike. The sheet must answer every question of the attempt exactly once, with
 * an option of that question; otherwise 422 `answers_invalid` lists one item per problem and
 * nothing is scored. Problems of submitted answers come first (by index), then the questions
 * left unanswered (in attempt order).
 */
export function scoreAnswers(
  questions: readonly GradedQuestion[],
  submitted: readonly SubmittedAnswer[],
): AnswerSheetScore {
  const byId = new Map(questions.map((q) => [q.questionId, q]));
  const chosen = new Map<number, number>();
  const errors: ErrorItem[] = [];

  submitted.forEach((answer, index) => {
    const question = byId.get(answer.questionId);
    if (question === undefined) {
      errors.push({
        code: 'unknown_question',
        message: `question ${answer.questionId} is not part of this attempt`,
        path: ['answers', index, 'questionId'],
      });
      return;
    }
    if (chosen.has(answer.questionId)) {
      errors.push({
        code: 'duplicate_answer',
        message: `question ${answer.questionId} is answered more than once`,
        path: ['answers', index, 'questionId'],
      });
    } else {
      chosen.set(answer.questionId, answer.selectedOptionId);
    }
    if (!question.optionIds.includes(answer.selectedOptionId)) {
      errors.push({
        code: 'option_not_of_question',
        message: `option ${answer.selectedOptionId} does not belong to question ${answer.questionId}`,
        path: ['answers', index, 'selectedOptionId'],
      });
    }
  });
  for (const question of questions) {
    if (!chosen.has(question.questionId)) {
      errors.push({
        code: 'missing_answer',
        message: `question ${question.questionId} has no answer`,
        path: ['answers'],
      });
    }
  }
  if (errors.length > 0) {
    throw new DomainError('answers_invalid', `The answers have ${errors.length} problem(s)`, { errors });
  }

  const answers = questions.map((q) => {
    const selectedOptionId = chosen.get(q.questionId) as number;
    return { questionId: q.questionId, selectedOptionId, correct: selectedOptionId === q.correctOptionId };
  });
  const stats = new Map<number, { correct: number; total: number }>();
  questions.forEach((q, index) => {
    const stat = stats.get(q.moduleId) ?? { correct: 0, total: 0 };
    stats.set(q.moduleId, { correct: stat.correct + (answers[index]?.correct ? 1 : 0), total: stat.total + 1 });
  });
  return {
    scoreTotal: answers.filter((a) => a.correct).length,
    moduleStats: [...stats.entries()].sort(([a], [b]) => a - b).map(([moduleId, s]) => ({ moduleId, ...s })),
    answers,
  };
}

/** PASS rule of both exams: the pass score snapshotted on the attempt at start. */
export function isPassed(scoreTotal: number, passScore: number): boolean {
  return scoreTotal >= passScore;
}
