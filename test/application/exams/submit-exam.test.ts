import { expect } from 'chai';
import type { ExamAttempts, LockedAttempt } from '../../../src/application/exams/exams.ports.js';
import type { ItemStatisticsStore } from '../../../src/application/assessment/item-statistics.ports.js';
import type { ItemContribution } from '../../../src/domain/assessment/item-statistics.rules.js';
import { submitExam } from '../../../src/application/exams/submit-exam.use-case.js';
import type { ApplyProgression } from '../../../src/application/progress/apply-progression.js';
import type { CurrentStage, StageProgress } from '../../../src/application/progress/progress.ports.js';
import type { AnswerSheetScore } from '../../../src/domain/shared/answer-sheet.rules.js';
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
  sheet: [
    { questionId: 1, moduleId: 1, correctOptionId: 11, optionIds: [11, 12] },
    { questionId: 2, moduleId: 2, correctOptionId: 21, optionIds: [21, 22] },
  ],
};

const allCorrect = [
  { questionId: 1, selectedOptionId: 11 },
  { questionId: 2, selectedOptionId: 21 },
];

function arrange(options: { stage?: CurrentStage; attempt?: LockedAttempt }) {
  const recorded: { attemptId: number; score: AnswerSheetScore; passed: boolean }[] = [];
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
      recordSubmission: (_tx, attemptId, score, passed) => {
        recorded.push({ attemptId, score, passed });
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
});
