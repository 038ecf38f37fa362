import { expect } from 'chai';
import type { ExamAttempts, LockedAttempt } from '../../../src/application/exams/exams.ports.js';
import type { ItemStatisticsStore } from '../../../src/application/assessment/item-statistics.ports.js';
import type { ItemContribution } from '../../../src/domain/assessment/item-statistics.rules.js';
import { submitExam } from '../../../src/application/exams/submit-exam.use-case.js';
import type { ApplyProgression } from '../../../src/application/progress/progression.service.js';
import type { CurrentStage, StageProgress } from '../../../src/application/progress/progress.ports.js';
import type { AnswerSheetScore, SubmittedAnswer } from '../../../src/domain/shared/answer-sheet.rules.js';
import { InMemoryTransactor, expectRejection, fakePort } from '../in-memory-ports.js';

const learner = { kind: 'learner', userId: 7 } as const;

const stage: CurrentStage = {
  userId: 7,
  trackId: 1,
  stageId: 12,
  rank: 'junior',
  level: 1,
  position: 2,
  status: 'active',
  settingsVersionId: 3,
  activatedAt: new Date('2026-01-01T00:00:00Z'),
};

/** Two questions of modules 1 and 2; the correct options are 11 and 21. */
const openAttempt: LockedAttempt = {
  attemptId: 40,
  userId: 7,
  stageId: 12,
  settingsVersionId: 3,
  totalQ: 2,
  passScore: 2,
  submittedAt: null,
  deadlineAt: null,
  expired: false,
  sheet: [
    { questionId: 1, moduleId: 1, correctOptionId: 11, optionIds: [11, 12] },
    { questionId: 2, moduleId: 2, correctOptionId: 21, optionIds: [21, 22] },
  ],
};

const allCorrect = [
  { questionId: 1, selectedOptionId: 11 },
  { questionId: 2, selectedOptionId: 21 },
];

const NOW = new Date('2026-01-02T10:00:00Z');
const secondsBefore = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

function arrange(options: { stage?: CurrentStage; attempt?: LockedAttempt; saved?: SubmittedAnswer[] }) {
  const recorded: { attemptId: number; score: AnswerSheetScore; passed: boolean; expired: boolean }[] = [];
  const folded: { attemptId: number; contributions: readonly ItemContribution[] }[] = [];
  const progressed: Parameters<ApplyProgression>[1][] = [];
  const transactor = new InMemoryTransactor();
  const submit = submitExam({
    transactor,
    stages: fakePort<StageProgress>('stages', { lockCurrentStage: () => Promise.resolve(options.stage) }),
    attempts: fakePort<ExamAttempts>('attempts', {
      kind: 'level',
      lockForSubmit: (_tx, attemptId, userId) =>
        Promise.resolve(
          options.attempt?.attemptId === attemptId && options.attempt.userId === userId ? options.attempt : undefined,
        ),
      savedAnswersOf: () => Promise.resolve(options.saved ?? []),
      recordSubmission: (_tx, attemptId, result) => {
        recorded.push({ attemptId, ...result });
        return Promise.resolve();
      },
    }),
    progression: (_tx, pass) => {
      progressed.push(pass);
      return Promise.resolve({ action: 'auto_advanced', fromStageId: pass.stage.id, toStageId: 13 });
    },
    itemStatistics: fakePort<ItemStatisticsStore>('itemStatistics', {
      fold: (_tx, attemptId, contributions) => {
        folded.push({ attemptId, contributions });
        return Promise.resolve();
      },
    }),
    clock: { now: () => NOW },
  });
  return { submit, recorded, folded, progressed, transactor };
}

describe('submitExam (in-memory ports)', () => {
  it('scores a PASS, records it and applies the progression of the stage, in one transaction', async () => {
    const { submit, recorded, folded, progressed, transactor } = arrange({ stage, attempt: openAttempt });
    const result = await submit({ attemptId: 40, answers: allCorrect }, learner);
    expect(result).to.include({ attemptId: 40, scoreTotal: 2, totalQ: 2, passScore: 2, passed: true });
    expect(result.progress).to.deep.equal({ action: 'auto_advanced', fromStageId: 12, toStageId: 13 });
    expect(recorded).to.have.length(1);
    expect(folded.map((f) => [f.attemptId, f.contributions.length])).to.deep.equal([[40, 2]]);
    expect(recorded[0]).to.include({ attemptId: 40, passed: true });
    expect(progressed).to.deep.equal([
      { kind: 'level', userId: 7, trackId: 1, stage: { id: 12, rank: 'junior', level: 1, position: 2 } },
    ]);
    expect(transactor.units).to.deep.equal(['run']);
  });

  it('records a FAIL and leaves the ladder alone', async () => {
    const { submit, recorded, progressed } = arrange({ stage, attempt: openAttempt });
    const result = await submit(
      {
        attemptId: 40,
        answers: [
          { questionId: 1, selectedOptionId: 12 },
          { questionId: 2, selectedOptionId: 21 },
        ],
      },
      learner,
    );
    expect(result).to.include({ scoreTotal: 1, passed: false });
    expect(result.progress).to.deep.equal({ action: 'none', fromStageId: 12, toStageId: null });
    expect(recorded.map((entry) => entry.passed)).to.deep.equal([false]);
    expect(progressed).to.deep.equal([]);
  });

  it('answers not_found for an attempt of another learner, writing nothing', async () => {
    const { submit, recorded } = arrange({ stage, attempt: { ...openAttempt, userId: 8 } });
    await expectRejection(submit({ attemptId: 40, answers: allCorrect }, learner), 'not_found');
    expect(recorded).to.deep.equal([]);
  });

  it('refuses an attempt already submitted', async () => {
    const { submit, recorded } = arrange({ stage, attempt: { ...openAttempt, submittedAt: new Date() } });
    await expectRejection(submit({ attemptId: 40, answers: allCorrect }, learner), 'attempt_already_submitted');
    expect(recorded).to.deep.equal([]);
  });

  it('refuses an attempt of a stage the learner has left (conflict), and a graduated learner alike', async () => {
    const moved = arrange({ stage: { ...stage, stageId: 13 }, attempt: openAttempt });
    await expectRejection(moved.submit({ attemptId: 40, answers: allCorrect }, learner), 'conflict');
    const graduated = arrange({ attempt: openAttempt });
    await expectRejection(graduated.submit({ attemptId: 40, answers: allCorrect }, learner), 'conflict');
    expect([...moved.recorded, ...graduated.recorded]).to.deep.equal([]);
  });

  it('refuses an incomplete answer sheet with answers_invalid, writing nothing', async () => {
    const { submit, recorded, progressed } = arrange({ stage, attempt: openAttempt });
    const error = await expectRejection(
      submit({ attemptId: 40, answers: [{ questionId: 1, selectedOptionId: 11 }] }, learner),
      'answers_invalid',
    );
    expect(error.extensions.errors).to.be.an('array').that.is.not.empty;
    expect(recorded).to.deep.equal([]);
    expect(progressed).to.deep.equal([]);
  });

  it('completes the sheet from the saved answers: a submitted answer overrides the saved one of its question', async () => {
    const saved = [
      { questionId: 1, selectedOptionId: 12 },
      { questionId: 2, selectedOptionId: 21 },
    ];
    const { submit, recorded } = arrange({ stage, attempt: openAttempt, saved });
    const result = await submit({ attemptId: 40, answers: [{ questionId: 1, selectedOptionId: 11 }] }, learner);
    expect(result).to.include({ scoreTotal: 2, passed: true, expired: false });
    expect(recorded[0]!.score.answers.map((a) => [a.questionId, a.selectedOptionId])).to.deep.equal([
      [1, 11],
      [2, 21],
    ]);
  });

  it('after the deadline (within the grace) takes an incomplete sheet, the unanswered question scoring as wrong', async () => {
    const timed = { ...openAttempt, deadlineAt: secondsBefore(10) };
    const { submit, recorded } = arrange({ stage, attempt: timed });
    const result = await submit({ attemptId: 40, answers: [{ questionId: 1, selectedOptionId: 11 }] }, learner);
    expect(result).to.include({ scoreTotal: 1, passed: false, expired: false });
    expect(result.moduleStats).to.deep.equal([
      { moduleId: 1, correct: 1, total: 1 },
      { moduleId: 2, correct: 0, total: 1 },
    ]);
    expect(recorded[0]!.score.answers).to.have.length(1);
  });

  it('before the deadline still refuses an incomplete sheet', async () => {
    const timed = { ...openAttempt, deadlineAt: new Date(NOW.getTime() + 60_000) };
    const { submit } = arrange({ stage, attempt: timed });
    await expectRejection(
      submit({ attemptId: 40, answers: [{ questionId: 1, selectedOptionId: 11 }] }, learner),
      'answers_invalid',
    );
  });

  it('after the grace closes the attempt on its saved answers alone (expired) and a PASS still moves the learner', async () => {
    const timed = { ...openAttempt, deadlineAt: secondsBefore(31) };
    const saved = allCorrect;
    const { submit, recorded, progressed } = arrange({ stage, attempt: timed, saved });
    const wrong = [{ questionId: 1, selectedOptionId: 12 }];
    const result = await submit({ attemptId: 40, answers: wrong }, learner);
    expect(result).to.include({ scoreTotal: 2, passed: true, expired: true });
    expect(recorded.map((entry) => entry.expired)).to.deep.equal([true]);
    expect(progressed).to.have.length(1);
  });

  it('refuses an attempt closed by expiry with attempt_expired', async () => {
    const { submit } = arrange({ stage, attempt: { ...openAttempt, submittedAt: NOW, expired: true } });
    await expectRejection(submit({ attemptId: 40, answers: allCorrect }, learner), 'attempt_expired');
  });
});
