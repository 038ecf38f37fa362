import type { QuestionView } from '../../../application/shared/question-view.js';
import type { Answer, LearnerQuestion } from '../../../contract/generated/types.gen.js';
import type { SubmittedAnswer } from '../../../domain/shared/answer-sheet.rules.js';

/** A question as sent to learners (diagnostika, minitest, exams): no correct option, ever. */
export const questionJson = (question: QuestionView): LearnerQuestion => ({
  id: question.id,
  module_id: question.moduleId,
  text: question.text,
  options: question.options.map((option) => ({ id: option.id, pos: option.pos, text: option.text })),
});

/** An answer sheet of the wire (diagnostika, minitest, exams) in the domain's names. */
export const submittedAnswers = (answers: readonly Answer[]): SubmittedAnswer[] =>
  answers.map((answer) => ({ questionId: answer.question_id, selectedOptionId: answer.selected_option_id }));
