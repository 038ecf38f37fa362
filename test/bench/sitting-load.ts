import { runLoad, type LoadResult } from './load.js';

/**
 * The autosave scenario (docs/product.md, "Exam sittings"): learners with an open level exam save one answer per
 * request — a random question of their attempt, a random option of it — as a learner clicking through an exam
 * does. Reported beside a read, since a save is the request a sitting sends most often.
 */
export interface OpenSitting {
  readonly token: string;
  readonly attemptId: number;
  readonly questions: readonly { readonly id: number; readonly options: readonly { readonly id: number }[] }[];
}

const API = '/api/v1';

/** Starts (or resumes) the level exam of each learner, through the API. */
export async function openSittings(base: string, tokens: readonly string[]): Promise<OpenSitting[]> {
  const sittings: OpenSitting[] = [];
  for (const token of tokens) {
    const response = await fetch(`${base}${API}/exams/level/start`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status !== 200 && response.status !== 201)
      throw new Error(`bench: level exam start answered ${response.status}: ${await response.text()}`);
    const started = (await response.json()) as { attempt_id: number; questions: OpenSitting['questions'] };
    sittings.push({ token, attemptId: started.attempt_id, questions: started.questions });
  }
  return sittings;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

export function saveRun(options: {
  readonly title: string;
  readonly base: string;
  readonly sittings: readonly OpenSitting[];
  readonly connections: number;
  readonly seconds: number;
}): Promise<LoadResult> {
  return runLoad({
    title: options.title,
    url: options.base,
    connections: options.connections,
    duration: options.seconds,
    expect: [200],
    requests: [
      {
        method: 'PUT',
        path: `${API}/exams/level/0/answers`,
        setup: () => {
          const sitting = pick(options.sittings);
          const question = pick(sitting.questions);
          return {
            path: `${API}/exams/level/${sitting.attemptId}/answers`,
            headers: { authorization: `Bearer ${sitting.token}` },
            body: JSON.stringify({
              answers: [{ question_id: question.id, selected_option_id: pick(question.options).id }],
            }),
          };
        },
      },
    ],
  });
}
