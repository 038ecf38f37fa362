/**
 * The two sizes of the bench. `full` is the reference bench (≈ 5-6 minutes on 2 cores); `quick`
 * runs every scenario end to end on small data with second-long runs, for CI: it proves the
 * harness works and prints the table, and its numbers mean nothing.
 */
export interface BenchProfile {
  readonly name: 'full' | 'quick';
  /** Learners in the small point of "learner scale" (the first ones created). */
  readonly learnersSmall: number;
  /** Learners in the large point, and for every scenario after it. */
  readonly learnersLarge: number;
  /** Active questions per module in the large point of "bank scale". */
  readonly bankLarge: number;
  /** Measured runs per scenario (medians are reported). */
  readonly runs: number;
  /** Seconds per measured run of the duration-based scenarios. */
  readonly seconds: number;
  readonly warmSeconds: number;
  /** Exam starts per measured run of "bank scale" (each by a learner who has no open attempt). */
  readonly startsPerRun: number;
  /** Learners the exam cycle rotates over. */
  readonly cycleLearners: number;
  /** Learner tokens the read scenarios rotate over (a random sample of all learners). */
  readonly readTokens: number;
  /** Requests per endpoint when counting SQL round trips. */
  readonly countRequests: number;
  /** Learners with an open level exam the autosave scenario saves answers of. */
  readonly saveLearners: number;
}

export const PROFILES: Record<BenchProfile['name'], BenchProfile> = {
  full: {
    name: 'full',
    learnersSmall: 100,
    learnersLarge: 100_000,
    bankLarge: 100_000,
    runs: 3,
    seconds: 8,
    warmSeconds: 2,
    startsPerRun: 600,
    cycleLearners: 20_000,
    readTokens: 20_000,
    countRequests: 20,
    saveLearners: 400,
  },
  quick: {
    name: 'quick',
    learnersSmall: 20,
    learnersLarge: 600,
    bankLarge: 300,
    runs: 1,
    seconds: 2,
    warmSeconds: 0.5,
    startsPerRun: 40,
    cycleLearners: 200,
    readTokens: 600,
    countRequests: 3,
    saveLearners: 20,
  },
};

/** Connections per scenario, as the bench fixes them (login's is the bench's choice, see docs). */
export const CONNECTIONS = { ceiling: 50, read: 50, exam: 20, login: 4 } as const;
