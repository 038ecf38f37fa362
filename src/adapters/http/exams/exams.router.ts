import { Router } from 'express';
import type { AttemptSummary } from '../../../application/exams/exams.ports.js';
import type { AttemptWithAssembly } from '../../../application/exams/get-attempt.use-case.js';
import { toAssemblyDocument } from '../../../application/exams/assembly-document.js';
import type { StartedExam } from '../../../application/exams/start-exam.use-case.js';
import type { SubmittedExam } from '../../../application/exams/submit-exam.use-case.js';
import type { LearnerActor } from '../../../domain/identity/actor.js';
import type { AnswerChange, SubmittedAnswer } from '../../../domain/shared/answer-sheet.rules.js';
import type { SavedSheet } from '../../../application/shared/saved-sheet.js';
import { learnerOf, type Authentication } from '../auth/authentication.js';
import { answerChanges, savedSheetJson, sittingQuestionsJson, submittedAnswers } from '../shared/question-json.js';
import type {
  AttemptSummary as AttemptSummaryJson,
  GetLevelExamAttemptResponses,
  GetRankFinalAttemptResponses,
  ListLevelExamAttemptsResponses,
  ListRankFinalAttemptsResponses,
  StartLevelExamResponses,
  StartRankFinalResponses,
  SaveLevelExamAnswersData,
  SaveLevelExamAnswersResponses,
  SaveRankFinalAnswersResponses,
  SubmitLevelExamData,
  SubmitLevelExamResponses,
  SubmitRankFinalResponses,
} from '../../../contract/generated/types.gen.js';
import { bodyOf } from '../shared/typed-route.js';

export interface ExamUseCases {
  readonly start: (actor: LearnerActor) => Promise<StartedExam>;
  readonly submit: (
    input: { attemptId: number; answers: readonly SubmittedAnswer[] },
    actor: LearnerActor,
  ) => Promise<SubmittedExam>;
  readonly saveAnswers: (
    input: { attemptId: number; answers: readonly AnswerChange[] },
    actor: LearnerActor,
  ) => Promise<SavedSheet>;
  readonly listAttempts: (actor: LearnerActor) => Promise<AttemptSummary[]>;
  readonly getAttempt: (attemptId: number, actor: LearnerActor) => Promise<AttemptWithAssembly>;
}

export const attemptSummaryJson = (attempt: AttemptSummary): AttemptSummaryJson => ({
  attempt_id: attempt.attemptId,
  attempt_no: attempt.attemptNo,
  stage_id: attempt.stageId,
  created_at: attempt.createdAt.toISOString(),
  submitted_at: attempt.submittedAt?.toISOString() ?? null,
  score_total: attempt.scoreTotal,
  total_q: attempt.totalQ,
  pass_score: attempt.passScore,
  passed: attempt.passed,
  deadline_at: attempt.deadlineAt?.toISOString() ?? null,
  expired: attempt.expired,
});

/** The two exam kinds share their wire shapes: each body below is checked against both operations. */
type Started = StartLevelExamResponses[201] & StartRankFinalResponses[201];
type Submitted = SubmitLevelExamResponses[200] & SubmitRankFinalResponses[200];
type Attempts = ListLevelExamAttemptsResponses[200] & ListRankFinalAttemptsResponses[200];
type Saved = SaveLevelExamAnswersResponses[200] & SaveRankFinalAnswersResponses[200];
type Attempt = GetLevelExamAttemptResponses[200] & GetRankFinalAttemptResponses[200];

/** The same routes serve both exam kinds: /exams/level and /exams/rank-final. */
export function examsRouter(
  prefix: '/exams/level' | '/exams/rank-final',
  useCases: ExamUseCases,
  auth: Authentication,
): Router {
  const router = Router();

  router.post(`${prefix}/start`, auth.learner, async (_req, res) => {
    const started = await useCases.start(learnerOf(res));
    res.status(started.created ? 201 : 200).json({
      attempt_id: started.attempt.attemptId,
      attempt_no: started.attempt.attemptNo,
      total_q: started.attempt.totalQ,
      pass_score: started.attempt.passScore,
      deadline_at: started.attempt.deadlineAt?.toISOString() ?? null,
      now: started.now.toISOString(),
      questions: sittingQuestionsJson(started.questions, started.saved),
    } satisfies Started);
  });

  router.put(`${prefix}/:attempt_id/answers`, auth.learner, async (req, res) => {
    const body = bodyOf<SaveLevelExamAnswersData>(req);
    const input = { attemptId: Number(req.params.attempt_id), answers: answerChanges(body.answers) };
    res.json(savedSheetJson(await useCases.saveAnswers(input, learnerOf(res))) satisfies Saved);
  });

  router.post(`${prefix}/:attempt_id/submit`, auth.learner, async (req, res) => {
    const body = bodyOf<SubmitLevelExamData>(req);
    const result = await useCases.submit(
      { attemptId: Number(req.params.attempt_id), answers: submittedAnswers(body.answers) },
      learnerOf(res),
    );
    res.json({
      attempt_id: result.attemptId,
      score_total: result.scoreTotal,
      total_q: result.totalQ,
      pass_score: result.passScore,
      passed: result.passed,
      expired: result.expired,
      module_stats: result.moduleStats.map((stat) => ({
        module_id: stat.moduleId,
        correct_cnt: stat.correct,
        total_cnt: stat.total,
      })),
      progress: {
        action: result.progress.action,
        from_stage_id: result.progress.fromStageId,
        to_stage_id: result.progress.toStageId,
      },
    } satisfies Submitted);
  });

  router.get(`${prefix}/attempts`, auth.learner, async (_req, res) => {
    res.json((await useCases.listAttempts(learnerOf(res))).map(attemptSummaryJson) satisfies Attempts);
  });

  router.get(`${prefix}/attempts/:attempt_id`, auth.learner, async (req, res) => {
    const found = await useCases.getAttempt(Number(req.params.attempt_id), learnerOf(res));
    res.json({
      ...attemptSummaryJson(found.summary),
      assembly: found.assembly === null ? null : toAssemblyDocument(found.assembly),
    } satisfies Attempt);
  });

  return router;
}
