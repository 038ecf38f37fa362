import { expect } from 'chai';
import fc from 'fast-check';
import { useApi } from '../support/api.js';
import { JourneyApi } from '../support/reliability/journey-api.js';
import { scaled } from '../support/reliability/long-runs.js';
import { assertInvariants } from './invariants.js';

/**
 * The autosave of docs/product.md, "Exam sittings", against a model: random sequences of partial sheets (questions
 * of the attempt or not, options of the question, of another question or unknown, null, duplicates) sent to one
 * open level exam. After each request the saved rows must equal the model — last write wins per question, a null
 * clears — when it answered 200, and be unchanged when it answered 422 `answers_invalid`; never anything else.
 */
describe('reliability: autosave against a last-write-wins model', function () {
  this.timeout(scaled(120_000, 900_000));
  const api = useApi();

  it('keeps the saved sheet equal to the model over random partial sheets, whole or not at all', async () => {
    const journey = new JourneyApi(api, api.db.pool);
    const learner = await journey.eligibleLearner();
    const started = await journey.startExam('level', learner.token);
    const questions = started.questions;
    const foreignOption = questions[1]!.options[0]!.id;
    const item = fc.record({
      question: fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...questions.map((q) => q.id)) },
        { weight: 1, arbitrary: fc.constant(9_999_999) },
      ),
      option: fc.oneof(
        { weight: 6, arbitrary: fc.nat({ max: 3 }) },
        { weight: 2, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constant('foreign' as const) },
      ),
    });
    const model = new Map<number, number>();
    let accepted = 0;
    let refused = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 6 }), async (items) => {
        const answers = items.map(({ question, option }) => {
          const served = questions.find((q) => q.id === question);
          const selected =
            option === null
              ? null
              : option === 'foreign' || served === undefined
                ? foreignOption
                : served.options[option % served.options.length]!.id;
          return { question_id: question, selected_option_id: selected };
        });
        const response = await api.request('PUT', `/api/v1/exams/level/${started.attempt_id}/answers`, {
          token: learner.token,
          body: { answers },
        });
        const valid =
          new Set(answers.map((a) => a.question_id)).size === answers.length &&
          answers.every((a) => {
            const served = questions.find((q) => q.id === a.question_id);
            return (
              served !== undefined &&
              (a.selected_option_id === null || served.options.some((o) => o.id === a.selected_option_id))
            );
          });
        if (valid) {
          expect(response.status, response.text).to.equal(200);
          for (const a of answers)
            if (a.selected_option_id === null) model.delete(a.question_id);
            else model.set(a.question_id, a.selected_option_id);
          expect(response.body).to.include({ saved: answers.length, answered: model.size, total_q: questions.length });
          accepted += 1;
        } else {
          expect(response.status, response.text).to.equal(422);
          expect(response.body.code).to.equal('answers_invalid');
          refused += 1;
        }
        const { rows } = await api.db.pool.query(
          'SELECT question_id, selected_option_id FROM level_exam_saved_answers WHERE attempt_id = $1',
          [started.attempt_id],
        );
        expect(new Map(rows.map((r) => [Number(r.question_id), Number(r.selected_option_id)]))).to.deep.equal(model);
      }),
      { seed: 14_014, numRuns: scaled(150, 2_000) },
    );
    expect(accepted).to.be.greaterThan(10);
    expect(refused).to.be.greaterThan(10);

    // The submit then completes from the model's sheet: every saved answer is in the scored sheet.
    const rest = questions.filter((q) => !model.has(q.id));
    const submitted = await api.request('POST', `/api/v1/exams/level/${started.attempt_id}/submit`, {
      token: learner.token,
      body: { answers: rest.map((q) => ({ question_id: q.id, selected_option_id: q.options[0]!.id })) },
    });
    expect(submitted.status, submitted.text).to.equal(200);
    const { rows } = await api.db.pool.query(
      'SELECT question_id, selected_option_id FROM level_exam_attempt_answers WHERE attempt_id = $1',
      [started.attempt_id],
    );
    const stored = new Map(rows.map((r) => [Number(r.question_id), Number(r.selected_option_id)]));
    for (const [question, option] of model) expect(stored.get(question)).to.equal(option);
    expect(stored.size).to.equal(questions.length);
    await assertInvariants(api.db.pool);
  });
});
