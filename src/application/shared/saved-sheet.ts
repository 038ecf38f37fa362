/** What an autosave answers (docs/product.md, "Exam sittings"), for the diagnostika and both exams alike. */
export interface SavedSheet {
  /** How many answers this request changed (chosen or cleared). */
  readonly saved: number;
  /** How many questions of the attempt have a saved answer now. */
  readonly answered: number;
  readonly totalQ: number;
  readonly deadlineAt: Date | null;
  readonly now: Date;
}
