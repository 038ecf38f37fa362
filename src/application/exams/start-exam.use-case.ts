import { candidateWindowStart, planAllocation, weaknessSnapshot } from '../../domain/exams/exam-assembly.rules.js';
import { pickExamQuestions, type ModuleCandidates } from '../../domain/exams/question-pick.rules.js';
import type { LearnerActor } from '../../domain/identity/actor.js';
import { assertExamAdmitted } from '../../domain/progress/exam-admission.rules.js';
import { requireCurrentStage } from '../../domain/progress/stage-lifecycle.rules.js';
import type { RandomSource } from '../../domain/shared/random-source.js';
import { seededRandom } from '../../domain/shared/random-source.js';
import { examParameters } from '../../domain/settings/exam-parameters.js';
import type { TrackSettings } from '../../domain/settings/track-settings.js';
import type { ItemStatisticsStore } from '../assessment/item-statistics.ports.js';
import { flaggedQuestionIds } from '../assessment/item-statistics.use-case.js';
import { deadlineOf, expiryCutoff } from '../../domain/shared/attempt-lifecycle.rules.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { SubmittedAnswer } from '../../domain/shared/answer-sheet.rules.js';
import type { Clock } from '../ports/clock.port.js';
import type { LearnerAccommodations } from '../ports/learner-accommodations.port.js';
import type { Session, Transactor, TxSession } from '../ports/transactor.port.js';
import type { LoadEligibility } from '../progress/eligibility.service.js';
import type { LoadWeaknessProfile } from '../progress/weakness-profile.service.js';
import type { CurrentStage } from '../progress/progress.ports.js';
import type { QuestionView } from '../shared/question-view.js';
import type { ExamAttempts, OpenAttempt } from './exams.ports.js';

export interface StartExamDeps {
  readonly transactor: Transactor;
  readonly attempts: ExamAttempts;
  readonly eligibility: LoadEligibility;
  readonly weakness: LoadWeaknessProfile;
  readonly random: RandomSource;
  readonly itemStatistics: ItemStatisticsStore;
  readonly clock: Clock;
  readonly accommodations: LearnerAccommodations;
  /** Closes the learner's expired attempts of this kind (docs/product.md, "Exam sittings"), each in its own tx. */
  readonly closeExpired: (userId: number) => Promise<void>;
}

export interface StartedExam {
  /** false when an open attempt was resumed (200), true when a new one was assembled (201). */
  readonly created: boolean;
  readonly attempt: OpenAttempt;
  readonly questions: QuestionView[];
  /** The saved choices of a resumed attempt (none on a new one). */
  readonly saved: readonly SubmittedAnswer[];
  readonly now: Date;
}

/** Seeds stay safe integers so the stored seed reproduces the attempt's random choices. */
const SEED_RANGE = 2 ** 31 - 1;

/** How much wider the candidate window is when flagged questions are to be avoided. */
const FLAGGED_WINDOW_FACTOR = 4;

/**
 * Start (or resume) a level exam or rank final (docs/product.md, "Exam assembly", "Attempts and scoring", "Exam
 * sittings"). The learner's stage row is locked first, so concurrent starts serialise: the first assembles the
 * attempt, the others find it open and resume it with its saved choices. A timed attempt's deadline is fixed now from
 * the pinned limit and the learner's extra time. An expired open attempt is closed first, in its own transaction: the
 * lock says whether there is one, and only then is this transaction left, the attempt closed and the start run again
 * (docs/decisions.md, "Fewer round trips per exam start and submit").
 */
export const startExam = (deps: StartExamDeps) => {
  const start = startLocked(deps);
  return async (actor: LearnerActor): Promise<StartedExam> => {
    const first = await deps.transactor.run((tx) => start(tx, actor, { closeExpiredFirst: true }));
    if (first !== CLOSE_EXPIRED_FIRST) return first;
    await deps.closeExpired(actor.userId);
    return deps.transactor.run(async (tx) => (await start(tx, actor, { closeExpiredFirst: false })) as StartedExam);
  };
};

/** What a start answers when it found an expired attempt to close before it goes on. */
const CLOSE_EXPIRED_FIRST = Symbol('close expired first');

const startLocked =
  (deps: StartExamDeps) =>
  async (
    tx: TxSession,
    actor: LearnerActor,
    options: { closeExpiredFirst: boolean },
  ): Promise<StartedExam | typeof CLOSE_EXPIRED_FIRST> => {
    const now = deps.clock.now();
    const lock = await deps.attempts.lockStageForStart(tx, actor.userId, expiryCutoff(now));
    if (options.closeExpiredFirst && lock.expiredSeen) return CLOSE_EXPIRED_FIRST;
    const stage = requireCurrentStage(lock.stage);
    // The hints may be stale: an open attempt seen is read again, and one not seen is what the insert re-checks.
    const resumed = lock.openSeen ? await resume(deps, tx, stage, now) : undefined;
    if (resumed !== undefined) return resumed;

    const stageRef = { id: stage.stageId, rank: stage.rank, level: stage.level, position: stage.position };
    assertExamAdmitted(deps.attempts.kind, stageRef, await deps.eligibility(tx, { userId: actor.userId }, stage));

    const settings = pinnedSettings(lock.settings, stage);
    const exam = examParameters(settings, deps.attempts.kind);
    const weakness = weaknessSnapshot(
      await deps.weakness(tx, { userId: actor.userId, trackId: stage.trackId }, settings),
    );
    const parameters = {
      k: exam.k,
      totalQ: exam.totalQ,
      minPerModule: exam.minPerModule,
      maxPerModule: exam.maxPerModule,
    };
    const allocation = planAllocation(weakness, parameters);

    const seed = deps.random.nextInt(SEED_RANGE);
    const random = seededRandom(seed);
    const windowStart = candidateWindowStart(random);
    const window = await deps.attempts.candidates(tx, {
      userId: actor.userId,
      stageId: stage.stageId,
      // Excluding flagged items reads a wider window, so unflagged questions are there to prefer.
      needs:
        settings.excludeFlaggedItems === 1
          ? allocation.map((entry) => ({ moduleId: entry.moduleId, count: entry.count * FLAGGED_WINDOW_FACTOR }))
          : allocation,
      windowStart,
    });
    const candidates =
      settings.excludeFlaggedItems === 1 ? await markFlagged(deps.itemStatistics, tx, window, settings) : window;
    const questions = pickExamQuestions(allocation, candidates, random);
    const inserted = await deps.attempts.insert(tx, {
      userId: actor.userId,
      stageId: stage.stageId,
      settingsVersionId: stage.settingsVersionId,
      totalQ: exam.totalQ,
      passScore: exam.passScore,
      seed,
      deadlineAt: deadlineOf(
        now,
        exam.timeLimitMinutes,
        exam.timeLimitMinutes === 0 ? 0 : await deps.accommodations.extraTimePctOf(tx, actor.userId),
      ),
      questions,
      assembly: {
        seed,
        settingsVersionId: stage.settingsVersionId,
        parameters,
        weakness,
        allocation,
        windowStart,
        candidates,
      },
    });
    if (inserted !== undefined) return { created: true, ...inserted, saved: [], now };
    // A concurrent start committed its attempt while this one waited for the lock: resume it.
    const concurrent = await resume(deps, tx, stage, now);
    if (concurrent === undefined) throw new Error(`no attempt open on stage ${stage.stageId} after a refused insert`);
    return concurrent;
  };

/** The attempt open on the stage, read afresh under the lock, with its questions and saved choices. */
async function resume(
  deps: StartExamDeps,
  tx: TxSession,
  stage: CurrentStage,
  now: Date,
): Promise<StartedExam | undefined> {
  const open = await deps.attempts.findOpen(tx, stage.userId, stage.stageId);
  if (open === undefined) return undefined;
  return {
    created: false,
    attempt: open,
    questions: await deps.attempts.questionsOf(tx, open.attemptId),
    saved: await deps.attempts.savedAnswersOf(tx, open.attemptId),
    now,
  };
}

/** Every version is created with its parameters; a missing row is a broken catalogue, not a 500. */
function pinnedSettings(settings: TrackSettings | undefined, stage: CurrentStage): TrackSettings {
  if (settings === undefined)
    throw new DomainError('track_not_ready', `Settings version ${stage.settingsVersionId} has no parameters`);
  return settings;
}

/** The candidates with the ones item analysis flags under the pinned settings marked, to be drawn last. */
async function markFlagged(
  store: ItemStatisticsStore,
  tx: Session,
  window: readonly ModuleCandidates[],
  settings: TrackSettings,
): Promise<ModuleCandidates[]> {
  const flagged = await flaggedQuestionIds(
    store,
    tx,
    window.flatMap((module) => [...module.unseen, ...module.seen]),
    settings,
  );
  return window.map((module) => ({
    ...module,
    flagged: [...module.unseen, ...module.seen].filter((id) => flagged.has(id)),
  }));
}
