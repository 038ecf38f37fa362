import {
  MINITEST_QUESTION_COUNT,
  assertMinitestComplete,
  assertMinitestRequired,
  isMinitestPassed,
} from '../../domain/content/minitest.rules.js';
import type { LearnerActor } from '../../domain/identity/actor.js';
import { scoreAnswers, type SubmittedAnswer } from '../../domain/shared/answer-sheet.rules.js';
import { notFound } from '../../domain/shared/domain-error.js';
import type { QuestionView } from '../shared/question-view.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { StageAssignments } from './content.ports.js';

export interface MinitestDeps {
  readonly transactor: Transactor;
  readonly assignments: StageAssignments;
}

export interface MinitestOutcome {
  readonly articleId: number;
  readonly passed: boolean;
  readonly correctCnt: number;
  readonly totalCnt: number;
  readonly alreadyPassed: boolean;
}

/** GET /content/{id}/minitest: the 3 questions, without their correct options. */
export const getMinitest =
  (deps: MinitestDeps) =>
  async (articleId: number, actor: LearnerActor): Promise<QuestionView[]> => {
    const minitest = await deps.transactor.read((db) => deps.assignments.minitestOf(db, actor.userId, articleId));
    if (minitest === undefined) throw notFound(`Article ${articleId}`);
    assertMinitestRequired(minitest.kind, articleId);
    assertMinitestComplete(minitest.questions.length, articleId);
    return minitest.questions;
  };

/**
 * POST /content/{id}/minitest/submit. The assignment row is locked, so concurrent submits score
 * one after another and a PASS is recorded once. A FAIL stores nothing; after a PASS the
 * answers are not scored again.
 */
export const submitMinitest =
  (deps: MinitestDeps) =>
  async (
    input: { articleId: number; answers: readonly SubmittedAnswer[] },
    actor: LearnerActor,
  ): Promise<MinitestOutcome> =>
    deps.transactor.run(async (tx) => {
      const { articleId } = input;
      const assignment = await deps.assignments.lockAssignment(tx, actor.userId, articleId);
      if (assignment === undefined) throw notFound(`Article ${articleId}`);
      assertMinitestRequired(assignment.kind, articleId);
      if (assignment.minitestPassed) {
        return {
          articleId,
          passed: true,
          correctCnt: MINITEST_QUESTION_COUNT,
          totalCnt: MINITEST_QUESTION_COUNT,
          alreadyPassed: true,
        };
      }
      const questions = await deps.assignments.gradedMinitestOf(tx, articleId);
      assertMinitestComplete(questions.length, articleId);
      const score = scoreAnswers(questions, input.answers);
      const passed = isMinitestPassed(score.scoreTotal);
      if (passed) await deps.assignments.markMinitestPassed(tx, actor.userId, assignment.stageId, articleId);
      return { articleId, passed, correctCnt: score.scoreTotal, totalCnt: questions.length, alreadyPassed: false };
    });
