import type {
  AnswerChanges,
  SaveDiagnostikaAnswersData,
  SaveDiagnostikaAnswersResponses,
  SaveLevelExamAnswersData,
  SaveLevelExamAnswersResponses,
  SaveRankFinalAnswersData,
  SaveRankFinalAnswersResponses,
} from '@contract';
import type { ExamKind } from './exams';
import type { HttpClient } from './http-client';

/** Autosaves of a sitting (docs/product.md, "Exam sittings"): a partial sheet, last write wins per question. */
export const sittingCalls = {
  saveExam: (http: HttpClient, kind: ExamKind, attemptId: number, body: AnswerChanges) =>
    kind === 'level'
      ? http.call<SaveLevelExamAnswersData, SaveLevelExamAnswersResponses>('PUT', {
          url: '/exams/level/{attempt_id}/answers',
          path: { attempt_id: attemptId },
          body,
        })
      : http.call<SaveRankFinalAnswersData, SaveRankFinalAnswersResponses>('PUT', {
          url: '/exams/rank-final/{attempt_id}/answers',
          path: { attempt_id: attemptId },
          body,
        }),
  saveDiagnostika: (http: HttpClient, body: AnswerChanges) =>
    http.call<SaveDiagnostikaAnswersData, SaveDiagnostikaAnswersResponses>('PUT', {
      url: '/diagnostika/answers',
      body,
    }),
};

/** How far the server's clock is ahead of this browser's, from the `now` of one of its answers. */
export const serverClockOffset = (serverNow: string): number => Date.parse(serverNow) - Date.now();
