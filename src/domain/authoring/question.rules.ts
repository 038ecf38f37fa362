import { DomainError, type ErrorItem, type FieldPath } from '../shared/domain-error.js';
import { requiredText, throwIfInvalid } from './authoring-text.rules.js';

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 4;

export interface QuestionDraft {
  readonly text: string;
  readonly options: readonly string[];
  /** 1-based position of the correct option. */
  readonly correctPos: number;
}

/** How often a question has been handed out; it decides what may still change. */
export interface QuestionUsage {
  readonly diagnostika: number;
  readonly levelExam: number;
  readonly rankFinal: number;
  readonly minitests: number;
}

/**
 * The shape rules of a question (docs/product.md, "Domain model"): a non-blank text, 2-4 distinct non-blank options,
 * and
 * the correct option among them. Returns the trimmed question and every problem, each `path`
 * prefixed with `at` so the bundle import can point into its document.
 */
export function checkQuestion(input: QuestionDraft, at: FieldPath, errors: ErrorItem[]): QuestionDraft {
  const text = requiredText(input.text, [...at, 'text'], errors);
  const options = input.options.map((option, index) => requiredText(option, [...at, 'options', index], errors));
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
    errors.push({
      code: 'option_count',
      message: `a question has ${MIN_OPTIONS}-${MAX_OPTIONS} options, got ${options.length}`,
      path: [...at, 'options'],
    });
  } else if (new Set(options).size !== options.length) {
    errors.push({
      code: 'duplicate_option',
      message: 'the options of a question must be distinct',
      path: [...at, 'options'],
    });
  }
  if (!Number.isInteger(input.correctPos) || input.correctPos < 1 || input.correctPos > options.length) {
    errors.push({
      code: 'correct_option_out_of_range',
      message: `the correct option must be a position in 1..${options.length}`,
      path: [...at, 'correctPos'],
    });
  }
  return { text, options, correctPos: input.correctPos };
}

/** A new question from the admin API: 400 validation_failed listing every problem. */
export function normalizeNewQuestion(input: QuestionDraft): QuestionDraft {
  const errors: ErrorItem[] = [];
  const question = checkQuestion(input, [], errors);
  // a new question names its correct option `correctOptionPos` (the bank shows the option, not a position)
  const located = errors.map((error) =>
    error.path?.join('/') === 'correctPos' ? { ...error, path: ['correctOptionPos'] } : error,
  );
  throwIfInvalid(located, 'The question is invalid');
  return question;
}

export function attemptsUsing(usage: QuestionUsage): number {
  return usage.diagnostika + usage.levelExam + usage.rankFinal;
}

/**
 * A question's text may change only while no attempt has shown it: a stored attempt must keep
 * meaning what the learner answered. Activating and deactivating are always allowed (a
 * deactivated question is simply no longer drawn).
 */
export function assertTextEditable(questionId: number, usage: QuestionUsage): void {
  const attempts = attemptsUsing(usage);
  if (attempts > 0) {
    throw new DomainError(
      'question_in_use',
      `Question ${questionId} was used in ${attempts} attempt(s); its text can no longer change (deactivate it and add a new one)`,
    );
  }
}
