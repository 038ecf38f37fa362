import type { SubmittedAnswer } from '../domain/shared/answer-sheet.rules.js';
import type { RandomSource } from '../domain/shared/random-source.js';
import type { QuestionView } from '../application/shared/question-view.js';

/**
 * How a synthetic learner of `npm run demo:learners` answers (docs/decisions.md, "Assessment quality: flagged items
 * in the diagnostika, synthetic learners, the item-statistics bench"): a Rasch (one-parameter logistic) model. A
 * learner has an ability θ ~ N(0, 1) plus a per-module offset ~ N(0, 0.6²), so each learner has modules of their own
 * to be weak in; a question has a difficulty b spread evenly over [-2.5, 2.5] by a hash of its id, the same for
 * every learner and every run. The answer is correct with probability 1 / (1 + e^-(θ + offset - b)); a wrong answer
 * picks one of the wrong options uniformly. Abler learners answer more questions right, so item statistics show
 * positive discrimination, and the easiest and hardest questions come out too_easy and too_hard once enough
 * learners answered them.
 */
export interface SyntheticLearner {
  answer(question: QuestionView, correctOptionId: number): SubmittedAnswer;
}

const MODULE_SPREAD = 0.6;
const DIFFICULTY_RANGE = 5;
const FLOAT_STEPS = 2 ** 30;

export function syntheticLearner(random: RandomSource): SyntheticLearner {
  const uniform = () => (random.nextInt(FLOAT_STEPS) + 0.5) / FLOAT_STEPS;
  const ability = normal(uniform);
  const moduleOffsets = new Map<number, number>();
  const offsetOf = (moduleId: number) => {
    if (!moduleOffsets.has(moduleId)) moduleOffsets.set(moduleId, MODULE_SPREAD * normal(uniform));
    return moduleOffsets.get(moduleId) as number;
  };
  return {
    answer(question, correctOptionId) {
      const logit = ability + offsetOf(question.moduleId) - difficultyOf(question.id);
      const wrong = question.options.filter((option) => option.id !== correctOptionId);
      const right = wrong.length === 0 || uniform() < 1 / (1 + Math.exp(-logit));
      const chosen = right ? correctOptionId : (wrong[random.nextInt(wrong.length)] as { id: number }).id;
      return { questionId: question.id, selectedOptionId: chosen };
    },
  };
}

/** A fixed difficulty per question: Knuth's multiplicative hash of the id, scaled onto the difficulty range. */
export function difficultyOf(questionId: number): number {
  const spread = (Math.imul(questionId, 2654435761) >>> 0) / 2 ** 32;
  return (spread - 0.5) * DIFFICULTY_RANGE;
}

/** A standard normal draw (Box-Muller). */
function normal(uniform: () => number): number {
  return Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}
