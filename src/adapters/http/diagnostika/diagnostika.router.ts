import { Router } from 'express';
import type { DiagnostikaResult } from '../../../application/diagnostika/diagnostika.ports.js';
import type { StartedDiagnostika } from '../../../application/diagnostika/diagnostika.use-case.js';
import type { LearnerActor } from '../../../domain/identity/actor.js';
import type { AnswerChange, SubmittedAnswer } from '../../../domain/shared/answer-sheet.rules.js';
import type { SavedSheet } from '../../../application/shared/saved-sheet.js';
import { answerChanges, savedSheetJson, sittingQuestionsJson, submittedAnswers } from '../shared/question-json.js';
import { learnerOf, type Authentication } from '../auth/authentication.js';
import type {
  DiagnostikaResult as DiagnostikaResultJson,
  GetDiagnostikaResultResponses,
  SaveDiagnostikaAnswersData,
  SaveDiagnostikaAnswersResponses,
  StartDiagnostikaResponses,
  SubmitDiagnostikaData,
  SubmitDiagnostikaResponses,
} from '../../../contract/generated/types.gen.js';
import { bodyOf } from '../shared/typed-route.js';

export interface DiagnostikaUseCases {
  readonly start: (actor: LearnerActor) => Promise<StartedDiagnostika>;
  readonly submit: (
    input: { diagnostikaId: number; answers: readonly SubmittedAnswer[] },
    actor: LearnerActor,
  ) => Promise<DiagnostikaResult>;
  readonly saveAnswers: (input: { answers: readonly AnswerChange[] }, actor: LearnerActor) => Promise<SavedSheet>;
  readonly getResult: (actor: LearnerActor) => Promise<DiagnostikaResult>;
}

const resultJson = (result: DiagnostikaResult): DiagnostikaResultJson => ({
  diagnostika_id: result.diagnostikaId,
  total_q: result.totalQ,
  score_total: result.scoreTotal,
  expired: result.expired,
  module_stats: result.moduleStats.map((s) => ({ module_id: s.moduleId, correct_cnt: s.correct, total_cnt: s.total })),
});

export function diagnostikaRouter(useCases: DiagnostikaUseCases, auth: Authentication): Router {
  const router = Router();

  router.post('/diagnostika/start', auth.learner, async (_req, res) => {
    const started = await useCases.start(learnerOf(res));
    res.status(started.created ? 201 : 200).json({
      diagnostika_id: started.diagnostikaId,
      total_q: started.totalQ,
      deadline_at: started.deadlineAt?.toISOString() ?? null,
      now: started.now.toISOString(),
      questions: sittingQuestionsJson(started.questions, started.saved),
    } satisfies StartDiagnostikaResponses[201]);
  });

  router.put('/diagnostika/answers', auth.learner, async (req, res) => {
    const body = bodyOf<SaveDiagnostikaAnswersData>(req);
    const saved = await useCases.saveAnswers({ answers: answerChanges(body.answers) }, learnerOf(res));
    res.json(savedSheetJson(saved) satisfies SaveDiagnostikaAnswersResponses[200]);
  });

  router.post('/diagnostika/submit', auth.learner, async (req, res) => {
    const body = bodyOf<SubmitDiagnostikaData>(req);
    const result = await useCases.submit(
      { diagnostikaId: body.diagnostika_id, answers: submittedAnswers(body.answers) },
      learnerOf(res),
    );
    res.json(resultJson(result) satisfies SubmitDiagnostikaResponses[200]);
  });

  router.get('/diagnostika/result', auth.learner, async (_req, res) => {
    res.json(resultJson(await useCases.getResult(learnerOf(res))) satisfies GetDiagnostikaResultResponses[200]);
  });

  return router;
}
