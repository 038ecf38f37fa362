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
  /** The answered questions, in the order of the attempt's questions. */
  readonly answers: ScoredAnswer[];
}

/** One change of a saved answer sheet: an option chosen, or null to clear the question's saved answer. */
export interface AnswerChange {
  readonly questionId: number;
  readonly selectedOptionId: number | null;
}

/**
 * The problems of a list of answers (submitted or autosaved) against the attempt's questions: each must answer a
 * question of the attempt, once, with an option of that question (a null clears and needs no option).
 */
function answerProblems(byId: ReadonlyMap<number, GradedQuestion>, items: readonly AnswerChange[]): ErrorItem[] {
  const errors: ErrorItem[] = [];
  const seen = new Set<number>();
  items.forEach((answer, index) => {
    const question = byId.get(answer.questionId);
    if (question === undefined) {
      errors.push({
        code: 'unknown_question',
        message: `question ${answer.questionId} is not part of this attempt`,
        path: ['answers', index, 'questionId'],
      });
      return;
    }
    if (seen.has(answer.questionId)) {
      errors.push({
        code: 'duplicate_answer',
        message: `question ${answer.questionId} is answered more than once`,
        path: ['answers', index, 'questionId'],
      });
    }
    seen.add(answer.questionId);
    if (answer.selectedOptionId !== null && !question.optionIds.includes(answer.selectedOptionId)) {
      errors.push({
        code: 'option_not_of_question',
        message: `option ${answer.selectedOptionId} does not belong to question ${answer.questionId}`,
        path: ['answers', index, 'selectedOptionId'],
      });
    }
  });
  return errors;
}

const invalid = (errors: readonly ErrorItem[]) =>
  new DomainError('answers_invalid', `The answers have ${errors.length} problem(s)`, { errors: [...errors] });

/**
 * An autosave (docs/product.md, "Exam sittings"): a partial sheet validated like a submit, item by item; any
 * problem refuses the whole change with 422 `answers_invalid` listing each one, so nothing is saved.
 */
export function assertValidAnswerChanges(questions: readonly GradedQuestion[], changes: readonly AnswerChange[]): void {
  const errors = answerProblems(new Map(questions.map((q) => [q.questionId, q])), changes);
  if (errors.length > 0) throw invalid(errors);
}

/** What a sheet is scored from besides the submitted answers (docs/product.md, "Exam sittings"). */
export interface SittingSheet {
  /** The attempt's autosaved answers; a submitted answer to the same question overrides its saved one. */
  readonly saved: readonly SubmittedAnswer[];
  /** After the deadline a question left unanswered scores as wrong instead of refusing the sheet. */
  readonly unansweredIsWrong: boolean;
}

const UNTIMED_SHEET: SittingSheet = { saved: [], unansweredIsWrong: false };

/**
 * Validates and scores the answers to an attempt (docs/product.md, "Attempts and scoring"), for the diagnostika, the
 * exams and the minitest alike. The final sheet is the saved answers overridden by the submitted ones; it must
 * answer every question of the attempt (until the deadline has passed), the submitted answers each once and with
 * an option of that question; otherwise 422 `answers_invalid` lists one item per problem and nothing is scored.
 * Problems of submitted answers come first (by index), then the questions left unanswered (in attempt order).
 * `answers` holds the answered questions only; module stats count every question.
 */
export function scoreAnswers(
  questions: readonly GradedQuestion[],
  submitted: readonly SubmittedAnswer[],
  sheet: SittingSheet = UNTIMED_SHEET,
): AnswerSheetScore {
  const byId = new Map(questions.map((q) => [q.questionId, q]));
  const errors = answerProblems(byId, submitted);
  const chosen = new Map<number, number>(sheet.saved.map((a) => [a.questionId, a.selectedOptionId]));
  for (const answer of submitted) chosen.set(answer.questionId, answer.selectedOptionId);
  if (!sheet.unansweredIsWrong) {
    for (const question of questions) {
      if (!chosen.has(question.questionId)) {
        errors.push({
          code: 'missing_answer',
          message: `question ${question.questionId} has no answer`,
          path: ['answers'],
        });
      }
    }
  }
  if (errors.length > 0) throw invalid(errors);

  const answers = questions.flatMap((q) => {
    const selectedOptionId = chosen.get(q.questionId);
    return selectedOptionId === undefined
      ? []
      : [{ questionId: q.questionId, selectedOptionId, correct: selectedOptionId === q.correctOptionId }];
  });
  const right = new Set(answers.filter((a) => a.correct).map((a) => a.questionId));
  const stats = new Map<number, { correct: number; total: number }>();
  for (const q of questions) {
    const stat = stats.get(q.moduleId) ?? { correct: 0, total: 0 };
    stats.set(q.moduleId, { correct: stat.correct + (right.has(q.questionId) ? 1 : 0), total: stat.total + 1 });
  }
  return {
    scoreTotal: right.size,
    moduleStats: [...stats.entries()].sort(([a], [b]) => a - b).map(([moduleId, s]) => ({ moduleId, ...s })),
    answers,
  };
}

/** PASS rule of both exams: the pass score snapshotted on the attempt at start. */
export function isPassed(scoreTotal: number, passScore: number): boolean {
  return scoreTotal >= passScore;
}
