/** A question as learners see it (diagnostika, minitest, exams): never with its correct option. */
export interface QuestionView {
  readonly id: number;
  readonly moduleId: number;
  readonly text: string;
  /** By position. */
  readonly options: readonly { readonly id: number; readonly pos: number; readonly text: string }[];
}
