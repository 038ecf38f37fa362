import type { QuestionView } from '../../../application/shared/question-view.js';
import type { SavedSheet } from '../../../application/shared/saved-sheet.js';
import type { SubmittedAnswer } from '../../../domain/shared/answer-sheet.rules.js';

/** A question as sent to learners (diagnostika, minitest, exams): no correct option, ever. */
export const questionJson = (question: QuestionView) => ({
  id: question.id,
  module_id: question.moduleId,
  text: question.text,
  options: question.options.map((option) => ({ id: option.id, pos: option.pos, text: option.text })),
});

/** The questions of a sitting, each with its saved choice (docs/product.md, "Exam sittings"). */
export const sittingQuestionsJson = (questions: readonly QuestionView[], saved: readonly SubmittedAnswer[]) => {
  const chosen = new Map(saved.map((answer) => [answer.question_id, answer.selected_option_id]));
  return questions.map((question) => ({
    ...questionJson(question),
    selected_option_id: chosen.get(question.id) ?? null,
  }));
};

/** The answer of an autosave. */
export const savedSheetJson = (sheet: SavedSheet) => ({
  saved: sheet.saved,
  answered: sheet.answered,
  total_q: sheet.totalQ,
  deadline_at: sheet.deadlineAt?.toISOString() ?? null,
  now: sheet.now.toISOString(),
});
