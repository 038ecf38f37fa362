import type pg from 'pg';
import { CONNECTIONS } from './bench-profile.js';
import { runLoad, type LoadResult } from './load.js';

const API = '/api/v1';

export interface StartedQuestion {
  readonly id: number;
  readonly options: readonly { readonly id: number }[];
}

/** Each active question's correct option, read from the database (never from the API). */
export async function answerKey(pool: pg.Pool): Promise<Map<number, number>> {
  const rows = (
    await pool.query<{ id: number; correct_option_id: number }>(
      'SELECT id, correct_option_id FROM questions WHERE is_active',
    )
  ).rows;
  return new Map(rows.map((row) => [row.id, row.correct_option_id]));
}

/**
 * A submit body right for positions 1-8 and wrong after, so every cycle FAILs (8 < 15) and the
 * learner can start again.
 */
export function failingSheet(questions: readonly StartedQuestion[], rightOf: ReadonlyMap<number, number>): string {
  return JSON.stringify({
    answers: questions.map((question, index) => {
      const right = rightOf.get(question.id)!;
      return {
        question_id: question.id,
        selected_option_id: index < 8 ? right : question.options.find((option) => option.id !== right)!.id,
      };
    }),
  });
}

/**
 * The exam cycle: an untimed level start and its failing submit, over and over, each connection
 * taking the next learner token of `nextToken`.
 */
export function examCycle(options: {
  readonly title: string;
  readonly url: string;
  readonly seconds: number;
  readonly nextToken: () => string;
  readonly key: ReadonlyMap<number, number>;
}): Promise<LoadResult> {
  return runLoad({
    title: options.title,
    url: options.url,
    connections: CONNECTIONS.exam,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        path: `${API}/exams/level/start`,
        setup: (context) => {
          context.token = options.nextToken();
          return { headers: { authorization: `Bearer ${context.token as string}` } };
        },
        onResponse: (status, body, context) => {
          if (status !== 200 && status !== 201) return;
          const started = JSON.parse(body) as { attempt_id: number; questions: StartedQuestion[] };
          context.attempt = started.attempt_id;
          context.sheet = failingSheet(started.questions, options.key);
        },
      },
      {
        method: 'POST',
        path: `${API}/exams/level/0/submit`,
        setup: (context) =>
          context.attempt === undefined
            ? null
            : {
                path: `${API}/exams/level/${context.attempt as number}/submit`,
                headers: { authorization: `Bearer ${context.token as string}` },
                body: context.sheet as string,
              },
      },
    ],
  });
}
