import { expect } from 'chai';
import { startWireCounter, type WireCounter } from '../../bench/pg-wire-counter.js';
import { useApi } from '../../support/api.js';
import { answerSheet, completeContent } from '../../support/fixtures/exams.js';
import { newLearner } from '../../support/fixtures/identity.js';

/**
 * What one exam start and one submit cost in SQL round trips, counted on the wire between the real server wiring and
 * PostgreSQL by the bench's proxy (docs/benchmarks.md, "SQL round trips per request"): every transaction holds a pooled
 * connection across all of its round trips, so each one counts (docs/decisions.md, "Fewer round trips per exam start
 * and submit").
 */
describe('exam round trips', () => {
  let counter: WireCounter | undefined;
  const api = useApi({
    databaseUrl: async (serverUrl) => {
      const target = new URL(serverUrl);
      counter = await startWireCounter({ host: target.hostname, port: Number(target.port || 5432) });
      return counter.urlThrough(serverUrl);
    },
  });
  after(async () => counter?.close());

  /** The round trips of one request: prepared statements by name, simple queries by their text. */
  async function traced<T>(send: () => Promise<T>): Promise<{ result: T; trips: number; statements: string[] }> {
    counter!.reset();
    const result = await send();
    const { roundTrips, statements } = counter!.snapshot();
    return { result, trips: roundTrips, statements: statements.map((s) => s.name || s.text.split(';')[0]!) };
  }

  it('starts a new level exam in 8 round trips and submits a FAIL in 8', async () => {
    const learner = await newLearner(api);
    await completeContent(api, learner.id);

    const start = await traced(() => api.request('POST', '/api/v1/exams/level/start', { token: learner.token }));
    expect(start.result.status, start.result.text).to.equal(201);
    expect(start.statements, 'start').to.deep.equal([
      'identity/users.isActive',
      'BEGIN',
      'exams/attempts.lockStageForStart',
      'progress/eligibility.checklistOf',
      'progress/weakness.evidenceOf',
      'exams/attempts.candidates',
      'exams/attempts.insert',
      'COMMIT',
    ]);
    expect(start.trips, 'start').to.equal(8);

    const sheet = await answerSheet(api, start.result.body.questions, 8);
    const submit = await traced(() =>
      api.request('POST', `/api/v1/exams/level/${start.result.body.attempt_id}/submit`, {
        token: learner.token,
        body: sheet,
      }),
    );
    expect(submit.result.status, submit.result.text).to.equal(200);
    expect(submit.result.body.passed).to.equal(false);
    expect(submit.statements, 'submit').to.deep.equal([
      'identity/users.isActive',
      'BEGIN',
      'progress/stages.lockCurrentStage',
      'exams/attempts.lockForSubmit',
      'exams/attempts.savedAnswersOf',
      'exams/attempts.recordSubmission',
      'assessment/item-statistics.fold',
      'COMMIT',
    ]);
    expect(submit.trips, 'submit').to.equal(8);
  });
});
