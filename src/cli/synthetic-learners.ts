import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { PgQuestionAuthoring } from '../adapters/postgres/authoring/question-authoring.repository.js';
import { loadSqlCatalogue } from '../adapters/postgres/sql-catalogue.js';
import { PgTransactor } from '../adapters/postgres/transactor.js';
import type { QuestionView } from '../application/shared/question-view.js';
import type { AppConfig } from '../config/config.js';
import type { LearnerActor } from '../domain/identity/actor.js';
import { DomainError } from '../domain/shared/domain-error.js';
import { seededRandom } from '../domain/shared/random-source.js';
import { composeUseCases } from '../main.js';
import { syntheticLearner, type SyntheticLearner } from './answer-model.js';

export interface SyntheticRunOptions {
  readonly count: number;
  /** Seeds the learners' abilities and answers (the questions they are given are drawn as for anyone). */
  readonly seed: number;
  /** Their track; the platform's default track when absent. */
  readonly trackId?: number;
}

export interface SyntheticRunSummary {
  /** The email prefix of this run's learners: `<prefix>-<n>@example.com`. */
  readonly emailPrefix: string;
  readonly learners: number;
  readonly diagnostikas: number;
  readonly levelExams: number;
  /** Answers of submitted diagnostikas and level exams: what the item statistics gained. */
  readonly answers: number;
  /** Learners who stopped early, by the problem code the platform answered (e.g. `not_enough_articles`). */
  readonly stopped: Readonly<Record<string, number>>;
}

/** Learners run side by side, a few at a time: argon2 at signup dominates, and the pool stays small. */
const CONCURRENCY = 4;

/**
 * `npm run demo:learners`: adds `count` new learners who go through the same use cases as the API — sign up, take
 * the diagnostika, take the assigned reading (every minitest passed), take the first level exam — answering by the
 * ability model of ./answer-model.ts. Every run adds learners with fresh emails; nothing is replaced.
 */
export async function addSyntheticLearners(
  config: AppConfig,
  pool: pg.Pool,
  options: SyntheticRunOptions,
): Promise<SyntheticRunSummary> {
  const { useCases } = await composeUseCases(config, pool);
  const transactor = new PgTransactor(pool, { preparedStatements: config.db.preparedStatements });
  const questions = new PgQuestionAuthoring(loadSqlCatalogue());
  // The learners' oracle: the answer key, read through the question bank's repository (learners never see it).
  const keys = new Map<number, number>();
  const correctOptionOf = async (questionId: number): Promise<number> => {
    if (!keys.has(questionId)) {
      const question = await transactor.read((db) => questions.find(db, questionId));
      if (question?.correctOptionId == null) throw new Error(`Question ${questionId} has no correct option`);
      keys.set(questionId, question.correctOptionId);
    }
    return keys.get(questionId) as number;
  };
  const sheet = async (learner: SyntheticLearner | 'all-right', served: readonly QuestionView[]) =>
    Promise.all(
      served.map(async (question) => {
        const correct = await correctOptionOf(question.id);
        return learner === 'all-right'
          ? { questionId: question.id, selectedOptionId: correct }
          : learner.answer(question, correct);
      }),
    );

  const emailPrefix = `demo-learner-${randomBytes(4).toString('hex')}`;
  const random = seededRandom(options.seed);
  const tally = { diagnostikas: 0, levelExams: 0, answers: 0 };
  const stopped: Record<string, number> = {};

  const journey = async (index: number, learner: SyntheticLearner) => {
    const profile = await useCases.identity.signUp({
      email: `${emailPrefix}-${index + 1}@example.com`,
      fullName: `Demo Learner ${index + 1}`,
      password: randomBytes(12).toString('base64url'),
      ...(options.trackId === undefined ? {} : { trackId: options.trackId }),
    });
    const actor: LearnerActor = { kind: 'learner', userId: profile.id };

    const diagnostika = await useCases.diagnostika.start(actor);
    await useCases.diagnostika.submit(
      { diagnostikaId: diagnostika.diagnostikaId, answers: await sheet(learner, diagnostika.questions) },
      actor,
    );
    tally.diagnostikas += 1;
    tally.answers += diagnostika.questions.length;

    await useCases.content.assign(actor);
    for (const item of await useCases.content.listMine(actor)) {
      if (item.kind === 'optional') await useCases.content.markRead(item.articleId, actor);
      else {
        const minitest = await useCases.content.getMinitest(item.articleId, actor);
        await useCases.content.submitMinitest(
          { articleId: item.articleId, answers: await sheet('all-right', minitest) },
          actor,
        );
      }
    }

    const exam = await useCases.levelExams.start(actor);
    await useCases.levelExams.submit(
      { attemptId: exam.attempt.attemptId, answers: await sheet(learner, exam.questions) },
      actor,
    );
    tally.levelExams += 1;
    tally.answers += exam.questions.length;
  };

  // Abilities are drawn up front, in learner order, so a seed gives the same learners whatever the interleaving.
  const learners = Array.from({ length: options.count }, () => syntheticLearner(seededRandom(random.nextInt(2 ** 31))));
  let next = 0;
  const worker = async () => {
    while (next < learners.length) {
      const index = next++;
      try {
        await journey(index, learners[index] as SyntheticLearner);
      } catch (error) {
        // A journey rule (no content for the track, not eligible, …) ends this learner's journey, not the run.
        if (!(error instanceof DomainError)) throw error;
        stopped[error.code] = (stopped[error.code] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, options.count) }, worker));
  return { emailPrefix, learners: options.count, ...tally, stopped };
}
