/** The two exams of a stage. They share one engine; only the settings they read and what a PASS unlocks differ. */
export const EXAM_KINDS = ['level', 'rank_final'] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];
