import type { ExamUseCases } from '../adapters/http/exams/exams.router.js';
import { closeExpiredExamsOf, saveExamAnswers, sweepExpiredExams } from '../application/exams/exam-sitting.use-case.js';
import type { ExamAttempts } from '../application/exams/exams.ports.js';
import { getAttempt } from '../application/exams/get-attempt.use-case.js';
import { listAttempts } from '../application/exams/list-attempts.use-case.js';
import { startExam } from '../application/exams/start-exam.use-case.js';
import { submitExam, type SubmitExamDeps } from '../application/exams/submit-exam.use-case.js';
import type { ProgressServices } from './progress.wiring.js';
import type { WiringContext } from './wiring-context.js';

/** What a sitting of one exam kind needs to be answered, submitted or closed when it expires. */
function sittingDeps(w: WiringContext, progress: ProgressServices, attempts: ExamAttempts): SubmitExamDeps {
  const { transactor, repos, clock } = w;
  return {
    transactor,
    attempts,
    stages: repos.stages,
    progression: progress.progression,
    itemStatistics: repos.itemStatistics,
    clock,
  };
}

/** One exam kind (level exam or rank final): the same use cases over that kind's attempts. */
export function examUseCases(w: WiringContext, progress: ProgressServices, attempts: ExamAttempts): ExamUseCases {
  const { transactor, repos, random, clock } = w;
  const sitting = sittingDeps(w, progress, attempts);
  const closeExpired = closeExpiredExamsOf(sitting);
  return {
    start: startExam({
      transactor,
      attempts,
      eligibility: progress.eligibility,
      weakness: progress.weakness,
      random,
      itemStatistics: repos.itemStatistics,
      clock,
      accommodations: repos.learners,
      closeExpired,
    }),
    getAttempt: getAttempt({ transactor, attempts }),
    submit: submitExam(sitting),
    saveAnswers: saveExamAnswers(sitting),
    listAttempts: listAttempts({ transactor, attempts, closeExpired }),
  };
}

/** Closes every expired attempt of one exam kind on its saved answers; returns how many. */
export function expiredExamSweep(
  w: WiringContext,
  progress: ProgressServices,
  attempts: ExamAttempts,
): () => Promise<number> {
  return sweepExpiredExams(sittingDeps(w, progress, attempts));
}
