import type { QuestionView } from '../../../application/shared/question-view.js';
import type { GradedQuestion } from '../../../domain/shared/answer-sheet.rules.js';

/** Row shapes of questions as the diagnostika, minitest and exam queries return them. */
export interface QuestionViewRow {
  id: number;
  module_id: number;
  text: string;
  options: { id: number; pos: number; text: string }[] | null;
}

export interface GradedRow {
  question_id: number;
  module_id: number;
  correct_option_id: number | null;
  option_ids: number[];
}

export const toQuestionView = (row: QuestionViewRow): QuestionView => ({
  id: row.id,
  moduleId: row.module_id,
  text: row.text,
  options: row.options ?? [],
});

// A question without a correct option (never activated) cannot be answered right: -1 matches no option.
export const toGraded = (row: GradedRow): GradedQuestion => ({
  questionId: row.question_id,
  moduleId: row.module_id,
  correctOptionId: row.correct_option_id ?? -1,
  optionIds: row.option_ids,
});
