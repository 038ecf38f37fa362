import { DomainError, type ErrorItem } from './domain-error.js';

/** A question of an attempt as the scorer sees it: never sent to learners (it holds the correct option). */
export interface GradedQuestion {
  readonly questionId: number;
  readonly moduleId: number;
  readonly correctOptionId: number;
  readonly optionIds: readonly number[];
}

/** One submitted answer, in the shape of the request body. */
export interface SubmittedAnswer {
  readonly question_id: number;
  readonly selected_option_id: number;
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
    const question = byId.get(answer.question_id);
    if (question === undefined) {
      errors.push({
        code: 'unknown_question',
        message: `question ${answer.question_id} is not part of this attempt`,
        path: `answers[${index}].question_id`,
      });
      return;
    }
    if (chosen.has(answer.question_id)) {
      errors.push({
        code: 'duplicate_answer',
        message: `question ${answer.question_id} is answered more than once`,
        path: `answers[${index}].question_id`,
      });
    } else {
      chosen.set(answer.question_id, answer.selected_option_id);
    }
    if (!question.optionIds.includes(answer.selected_option_id)) {
      errors.push({
        code: 'option_not_of_question',
        message: `option ${answer.selected_option_id} does not belong to question ${answer.question_id}`,
        path: `answers[${index}].selected_option_id`,
      });
    }
  });
  for (const question of questions) {
    if (!chosen.has(question.questionId)) {
      errors.push({
        code: 'missing_answer',
        message: `question ${question.questionId} has no answer`,
        path: 'answers',
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
