import type { QuestionView } from '../../../application/shared/question-view.js';

/** A question as sent to learners (diagnostika, minitest, exams): no correct option, ever. */
export const questionJson = (question: QuestionView) => ({
  id: question.id,
  module_id: question.moduleId,
  text: question.text,
  options: question.options.map((option) => ({ id: option.id, pos: option.pos, text: option.text })),
});
