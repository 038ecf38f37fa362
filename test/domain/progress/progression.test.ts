import { expect } from 'chai';
import { automaticApprovalComment, progressAfterPass } from '../../../src/domain/progress/progression.rules.js';
import {
  isFinalLevel,
  nextStageOf,
  stageLabel,
  STANDARD_LADDER,
  type StageRef,
} from '../../../src/domain/progress/stage-ladder.js';
import { expectDomainError } from '../expect-domain-error.js';

/** The standard ladder with ids 101..110. */
const ladder: StageRef[] = STANDARD_LADDER.map((s) => ({ ...s, id: 100 + s.position }));
const stage = (rank: StageRef['rank'], level: number): StageRef => {
  const found = ladder.find((s) => s.rank === rank && s.level === level);
  if (found === undefined) throw new Error(`no ${rank} ${level}`);
  return found;
};
const after = (s: StageRef): StageRef | null => ladder.find((x) => x.position === s.position + 1) ?? null;

describe('STANDARD_LADDER', () => {
  it('is trainee 0 then junior, middle, senior 1-3 at positions 1-10', () => {
    expect(STANDARD_LADDER.map((s) => `${s.position}:${s.rank}_${s.level}`)).to.deep.equal([
      '1:trainee_0',
      '2:junior_1',
      '3:junior_2',
      '4:junior_3',
      '5:middle_1',
      '6:middle_2',
      '7:middle_3',
      '8:senior_1',
      '9:senior_2',
      '10:senior_3',
    ]);
  });

  it('agrees with nextStageOf along the whole ladder, ending in null after senior 3', () => {
    for (const s of ladder) {
      const next = after(s);
      expect(nextStageOf(s)).to.deep.equal(next === null ? null : { rank: next.rank, level: next.level });
    }
  });

  it('marks only level 3 of a rank as final and labels stages for people', () => {
    expect(ladder.filter(isFinalLevel).map(stageLabel)).to.deep.equal(['Junior 3', 'Middle 3', 'Senior 3']);
    expect(stageLabel(stage('trainee', 0))).to.equal('Trainee 0');
  });
});

describe('progressAfterPass', () => {
  it('level exam PASS at levels 1 and 2 auto-advances to the next level', () => {
    for (const s of [stage('junior', 1), stage('middle', 2), stage('senior', 1)]) {
      expect(progressAfterPass('level', s, after(s))).to.deep.equal({ action: 'auto_advanced', toStage: after(s) });
    }
  });

  it('level exam PASS at trainee 0 asks for a rank transition to junior 1', () => {
    expect(progressAfterPass('level', stage('trainee', 0), stage('junior', 1))).to.deep.equal({
      action: 'pending_approval',
      approvalType: 'rank_transition',
      toStage: stage('junior', 1),
    });
  });

  it('level exam PASS at level 3 unlocks the rank final, senior 3 included', () => {
    for (const s of [stage('junior', 3), stage('middle', 3), stage('senior', 3)]) {
      expect(progressAfterPass('level', s, after(s))).to.deep.equal({ action: 'rank_final_required' });
    }
  });

  it('rank final PASS at junior 3 and middle 3 asks for a transition to the next rank', () => {
    expect(progressAfterPass('rank_final', stage('junior', 3), stage('middle', 1))).to.deep.equal({
      action: 'pending_approval',
      approvalType: 'rank_transition',
      toStage: stage('middle', 1),
    });
    expect(progressAfterPass('rank_final', stage('middle', 3), stage('senior', 1))).to.deep.include({
      approvalType: 'rank_transition',
      toStage: stage('senior', 1),
    });
  });

  it('rank final PASS at senior 3 asks for graduation with no target stage', () => {
    expect(progressAfterPass('rank_final', stage('senior', 3), null)).to.deep.equal({
      action: 'pending_approval',
      approvalType: 'graduation',
      toStage: null,
    });
  });

  it('refuses a rank final anywhere but level 3', () => {
    for (const s of [stage('trainee', 0), stage('junior', 1), stage('senior', 2)]) {
      expectDomainError(() => progressAfterPass('rank_final', s, after(s)), 'rank_final_not_available');
    }
  });

  it('refuses to follow a track whose next stage is missing or skips the ladder', () => {
    expectDomainError(() => progressAfterPass('level', stage('junior', 1), null), 'track_not_ready');
    const error = expectDomainError(
      () => progressAfterPass('level', stage('junior', 2), stage('middle', 1)),
      'track_not_ready',
    );
    expect(error.message).to.equal("The track's stage after Junior 2 should be Junior 3, found Middle 1");
    expectDomainError(() => progressAfterPass('rank_final', stage('junior', 3), stage('senior', 1)), 'track_not_ready');
  });
});

describe('automaticApprovalComment', () => {
  it('describes the passed exam and the requested approval', () => {
    const trainee = stage('trainee', 0);
    expect(
      automaticApprovalComment('level', trainee, progressAfterPass('level', trainee, stage('junior', 1))),
    ).to.equal('Automatic: Trainee 0 level exam PASS; the transition to Junior 1 requires approval.');
    const junior3 = stage('junior', 3);
    expect(
      automaticApprovalComment('rank_final', junior3, progressAfterPass('rank_final', junior3, stage('middle', 1))),
    ).to.equal('Automatic: Junior 3 rank final PASS; the transition to Middle 1 requires approval.');
    const senior3 = stage('senior', 3);
    expect(automaticApprovalComment('rank_final', senior3, progressAfterPass('rank_final', senior3, null))).to.equal(
      'Automatic: Senior 3 rank final PASS; graduation requires approval.',
    );
    expect(automaticApprovalComment('level', senior3, { action: 'rank_final_required' })).to.equal(
      'Automatic: Senior 3 level exam PASS.',
    );
  });
});
