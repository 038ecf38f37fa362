/** A minitest always has exactly this many questions of the article's module. */
export const MINITEST_QUESTION_COUNT = 3;

/** A minitest is passed only by a perfect score: it checks that the article was understood, not skimmed. */
export function isMinitestPassed(scoreTotal: number): boolean {
  return scoreTotal === MINITEST_QUESTION_COUNT;
}
