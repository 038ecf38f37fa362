import { expect } from 'chai';
import { eligibilityReport, type StageAssignment } from '../../../src/domain/progress/eligibility.rules.js';
import { assertExamAdmitted } from '../../../src/domain/progress/exam-admission.rules.js';
import type { StageRef } from '../../../src/domain/progress/stage-ladder.js';
import { expectDomainError } from '../expect-domain-error.js';

const assignment = (
  articleId: number,
  moduleId: number,
  kind: 'required' | 'optional',
  done: boolean,
): StageAssignment => ({
  articleId,
  moduleId,
  moduleName: `module-${moduleId}`,
  title: `Article ${articleId}`,
  kind,
  isRead: kind === 'optional' && done,
  minitestPassed: kind === 'required' && done,
});
const noPass = { levelExamPassed: false, rankFinalPassed: false, isLevel3: false };
const allDone = [
  assignment(11, 1, 'optional', true),
  assignment(21, 2, 'optional', true),
  assignment(15, 1, 'required', true),
];

describe('eligibilityReport', () => {
  it('is eligible when every assigned article is closed', () => {
    expect(eligibilityReport(allDone, noPass)).to.deep.equal({
      contentAssigned: true,
      requiredTotal: 1,
      requiredDone: 1,
      optionalTotal: 2,
      optionalDone: 2,
      missingRequired: [],
      missingOptional: [],
      levelExamPassed: false,
      rankFinalRequired: false,
      rankFinalPassed: false,
      eligible: true,
    });
  });

  it('lists what is missing ordered by module id, then article id', () => {
    const report = eligibilityReport(
      [
        assignment(31, 3, 'optional', false),
        assignment(12, 1, 'optional', false),
        assignment(11, 1, 'optional', true),
        assignment(26, 2, 'required', false),
        assignment(15, 1, 'required', false),
        assignment(14, 1, 'optional', false),
      ],
      noPass,
    );
    expect(report.missingOptional.map((m) => m.articleId)).to.deep.equal([12, 14, 31]);
    expect(report.missingRequired).to.deep.equal([
      { articleId: 15, moduleId: 1, moduleName: 'module-1', title: 'Article 15', kind: 'required' },
      { articleId: 26, moduleId: 2, moduleName: 'module-2', title: 'Article 26', kind: 'required' },
    ]);
    expect(report).to.include({
      requiredTotal: 2,
      requiredDone: 0,
      optionalTotal: 4,
      optionalDone: 1,
      eligible: false,
    });
  });

  it('is not eligible before content is assigned, nor without a required article', () => {
    expect(eligibilityReport([], noPass)).to.include({ contentAssigned: false, requiredTotal: 0, eligible: false });
    expect(eligibilityReport([assignment(11, 1, 'optional', true)], noPass)).to.include({
      contentAssigned: true,
      eligible: false,
    });
  });

  it('is not eligible once the level exam is passed, and shows the rank final on level 3', () => {
    const report = eligibilityReport(allDone, { levelExamPassed: true, rankFinalPassed: false, isLevel3: true });
    expect(report).to.include({
      levelExamPassed: true,
      rankFinalRequired: true,
      rankFinalPassed: false,
      eligible: false,
    });
  });
});

describe('assertExamAdmitted', () => {
  const junior2: StageRef = { id: 3, rank: 'junior', level: 2, position: 3 };
  const junior3: StageRef = { id: 4, rank: 'junior', level: 3, position: 4 };

  it('admits an eligible learner to the level exam', () => {
    expect(() => assertExamAdmitted('level', junior2, eligibilityReport(allDone, noPass))).to.not.throw();
  });

  it('refuses a non-eligible learner with the whole report in `eligibility`', () => {
    const report = { stage_id: 3, ...eligibilityReport([assignment(15, 1, 'required', false)], noPass) };
    const error = expectDomainError(() => assertExamAdmitted('level', junior2, report), 'not_eligible');
    expect(error.extensions).to.deep.equal({ eligibility: report });
  });

  it('says "already passed" rather than "not eligible" after a level exam PASS', () => {
    const report = eligibilityReport(allDone, { ...noPass, levelExamPassed: true });
    expectDomainError(() => assertExamAdmitted('level', junior2, report), 'exam_already_passed');
  });

  it('opens the rank final on level 3 only after the level exam PASS, and only until its own PASS', () => {
    const flags = { levelExamPassed: false, rankFinalPassed: false, isLevel3: true };
    expectDomainError(
      () => assertExamAdmitted('rank_final', junior3, eligibilityReport(allDone, flags)),
      'rank_final_not_available',
    );
    expect(() =>
      assertExamAdmitted('rank_final', junior3, eligibilityReport(allDone, { ...flags, levelExamPassed: true })),
    ).to.not.throw();
    expectDomainError(
      () =>
        assertExamAdmitted(
          'rank_final',
          junior3,
          eligibilityReport(allDone, { ...flags, levelExamPassed: true, rankFinalPassed: true }),
        ),
      'exam_already_passed',
    );
  });

  it('refuses a rank final on a stage that is not level 3', () => {
    const report = eligibilityReport(allDone, { ...noPass, levelExamPassed: true });
    expectDomainError(() => assertExamAdmitted('rank_final', junior2, report), 'rank_final_not_available');
  });
});
