import { Router } from 'express';
import type { DiagnostikaResult } from '../../../application/diagnostika/diagnostika.ports.js';
import type { StartedDiagnostika } from '../../../application/diagnostika/diagnostika.use-case.js';
import type { LearnerActor } from '../../../domain/identity/actor.js';
import type { SubmittedAnswer } from '../../../domain/shared/answer-sheet.rules.js';
import { questionJson, submittedAnswers } from '../shared/question-json.js';
import { learnerOf, type Authentication } from '../auth/authentication.js';
import type {
  DiagnostikaResult as DiagnostikaResultJson,
  GetDiagnostikaResultResponses,
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
  readonly getResult: (actor: LearnerActor) => Promise<DiagnostikaResult>;
}

const resultJson = (result: DiagnostikaResult): DiagnostikaResultJson => ({
  diagnostika_id: result.diagnostikaId,
  total_q: result.totalQ,
  score_total: result.scoreTotal,
  module_stats: result.moduleStats.map((s) => ({ module_id: s.moduleId, correct_cnt: s.correct, total_cnt: s.total })),
});

export function diagnostikaRouter(useCases: DiagnostikaUseCases, auth: Authentication): Router {
  const router = Router();

  router.post('/diagnostika/start', auth.learner, async (_req, res) => {
    const started = await useCases.start(learnerOf(res));
    res.status(started.created ? 201 : 200).json({
      diagnostika_id: started.diagnostikaId,
      total_q: started.totalQ,
      questions: started.questions.map(questionJson),
    } satisfies StartDiagnostikaResponses[201]);
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
