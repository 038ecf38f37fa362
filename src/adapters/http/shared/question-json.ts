import type { QuestionView } from '../../../application/shared/question-view.js';
import type {
  Answer,
  AnswerChange as AnswerChangeJson,
  LearnerQuestion,
} from '../../../contract/generated/types.gen.js';
import type { SavedSheet } from '../../../application/shared/saved-sheet.js';
import type { AnswerChange, SubmittedAnswer } from '../../../domain/shared/answer-sheet.rules.js';

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

/** An autosave's changes of the wire in the domain's names (a null clears the saved answer). */
export const answerChanges = (answers: readonly AnswerChangeJson[]): AnswerChange[] =>
  answers.map((answer) => ({ questionId: answer.question_id, selectedOptionId: answer.selected_option_id }));

/** The questions of a sitting, each with its saved choice (docs/product.md, "Exam sittings"). */
export const sittingQuestionsJson = (questions: readonly QuestionView[], saved: readonly SubmittedAnswer[]) => {
  const chosen = new Map(saved.map((answer) => [answer.questionId, answer.selectedOptionId]));
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
