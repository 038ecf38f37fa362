import { expect } from 'chai';
import {
  applySettingsOverrides,
  assertActivatable,
  assertArchivable,
  assertEditable,
} from '../../../src/domain/settings/settings-lifecycle.rules.js';
import { DEFAULT_TRACK_SETTINGS } from '../../../src/domain/settings/track-settings.js';
import { expectDomainError } from '../expect-domain-error.js';

describe('settings version lifecycle', () => {
  it('applies overrides field by field and ignores absent ones', () => {
    expect(applySettingsOverrides(DEFAULT_TRACK_SETTINGS, { kExam: 2, levelExamPassScore: undefined })).to.deep.equal({
      ...DEFAULT_TRACK_SETTINGS,
      kExam: 2,
    });
    expect(applySettingsOverrides(DEFAULT_TRACK_SETTINGS, {})).to.deep.equal(DEFAULT_TRACK_SETTINGS);
  });

  it('lets only a draft be edited, activated or archived', () => {
    const draft = { id: 1, status: 'draft' as const };
    expect(() => assertEditable(draft)).not.to.throw();
    expect(() => assertActivatable(draft)).not.to.throw();
    expect(() => assertArchivable(draft)).not.to.throw();
    for (const status of ['active', 'archived'] as const) {
      expectDomainError(() => assertEditable({ id: 2, status }), 'settings_version_not_draft');
      expectDomainError(() => assertActivatable({ id: 2, status }), 'settings_version_not_draft');
      expectDomainError(() => assertArchivable({ id: 2, status }), 'settings_version_not_draft');
    }
  });

  it('tells the admin how an active version is replaced instead of archived', () => {
    const error = expectDomainError(() => assertArchivable({ id: 4, status: 'active' }), 'settings_version_not_draft');
    expect(error.message).to.equal(
      'Settings version 4 is active: only a draft can be archived directly; activate another version to replace it',
    );
  });
});
