import type { DiagnostikaUseCases } from '../adapters/http/diagnostika/diagnostika.router.js';
import {
  getDiagnostikaResult,
  saveDiagnostikaAnswers,
  startDiagnostika,
  submitDiagnostika,
  sweepExpiredDiagnostikas,
  type DiagnostikaDeps,
} from '../application/diagnostika/diagnostika.use-case.js';
import type { WiringContext } from './wiring-context.js';

function diagnostikaDeps({ transactor, repos, random, clock }: WiringContext): DiagnostikaDeps {
  return {
    transactor,
    stages: repos.stages,
    pinnedSettings: repos.pinnedSettings,
    diagnostika: repos.diagnostika,
    questionBank: repos.questionBank,
    random,
    itemStatistics: repos.itemStatistics,
    clock,
    accommodations: repos.learners,
  };
}

export function diagnostikaUseCases(w: WiringContext): DiagnostikaUseCases {
  const deps = diagnostikaDeps(w);
  return {
    start: startDiagnostika(deps),
    submit: submitDiagnostika(deps),
    saveAnswers: saveDiagnostikaAnswers(deps),
    getResult: getDiagnostikaResult(deps),
  };
}

/** Closes every expired diagnostika on its saved answers; returns how many. */
export function expiredDiagnostikaSweep(w: WiringContext): () => Promise<number> {
  return sweepExpiredDiagnostikas(diagnostikaDeps(w));
}
