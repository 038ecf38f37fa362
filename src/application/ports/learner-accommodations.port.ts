import type { Session } from './transactor.port.js';

/** What an admin granted a learner for timed sittings (docs/product.md, "Exam sittings"). */
export interface LearnerAccommodations {
  /** Extra time in percent of every time limit (0-400), read when an attempt starts. */
  extraTimePctOf(db: Session, userId: number): Promise<number>;
}
