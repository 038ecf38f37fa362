import type { ExamKind } from '../shared/exam-kind.js';
import type { TrackSettings } from './track-settings.js';

export interface ExamParameters {
  readonly totalQ: number;
  readonly passScore: number;
  readonly k: number;
  readonly minPerModule: number;
  readonly maxPerModule: number;
  /** 0 = untimed (docs/product.md, "Exam sittings"). */
  readonly timeLimitMinutes: number;
}

/** The exam-specific slice of the settings, so the exam engine never branches on the kind. */
export function examParameters(settings: TrackSettings, kind: ExamKind): ExamParameters {
  return kind === 'level'
    ? {
        totalQ: settings.levelExamTotalQ,
        passScore: settings.levelExamPassScore,
        k: settings.kExam,
        minPerModule: settings.levelExamMinPerModule,
        maxPerModule: settings.levelExamMaxPerModule,
        timeLimitMinutes: settings.levelExamTimeLimitMinutes,
      }
    : {
        totalQ: settings.rankFinalTotalQ,
        passScore: settings.rankFinalPassScore,
        k: settings.kFinal,
        minPerModule: settings.rankFinalMinPerModule,
        maxPerModule: settings.rankFinalMaxPerModule,
        timeLimitMinutes: settings.rankFinalTimeLimitMinutes,
      };
}
