import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { publishSettingsVersion } from '../../support/fixtures/admin.js';
import { newAdmin, newLearner } from '../../support/fixtures/identity.js';
import { takeDiagnostika } from '../../support/fixtures/journey.js';

/** Settings pinning (docs/product.md): a learner's stage keeps the version it was pinned to. */
describe('settings pinned on the learner stage', () => {
  const api = useApi();

  /** Publishes a new version of the default track through the settings API (the old one is archived). */
  const publishVersion = async (overrides: Record<string, number>) =>
    publishSettingsVersion(api, await newAdmin(api), 'default', overrides);

  it('keeps an existing learner on the pinned version (stage, settings, diagnostika and content sizes); a new learner gets the new one', async () => {
    const before = await newLearner(api);
    const { previous, next } = await publishVersion({
      entry_total_q: 10,
      entry_per_module_q: 2,
      content_k_weak_modules: 1,
    });
    const after = await newLearner(api);

    const stageBefore = await api.request('GET', '/api/v1/progress/current-stage', { token: before.token });
    expect(stageBefore.body.settings_version_id).to.equal(previous);
    const settingsBefore = await api.request('GET', '/api/v1/progress/settings', { token: before.token });
    expect(settingsBefore.body).to.include({
      settings_version_id: previous,
      entry_total_q: 20,
      entry_per_module_q: 4,
      content_k_weak_modules: 3,
    });
    const stageAfter = await api.request('GET', '/api/v1/progress/current-stage', { token: after.token });
    expect(stageAfter.body.settings_version_id).to.equal(next);
    expect((await api.request('GET', '/api/v1/progress/settings', { token: after.token })).body).to.include({
      settings_version_id: next,
      entry_total_q: 10,
    });

    const diagnostikaBefore = await takeDiagnostika(api, before.token);
    expect(diagnostikaBefore.started.total_q).to.equal(20);
    expect(diagnostikaBefore.started.questions).to.have.length(20);
    const diagnostikaAfter = await takeDiagnostika(api, after.token);
    expect(diagnostikaAfter.started.total_q).to.equal(10);
    expect(diagnostikaAfter.started.questions).to.have.length(10);

    const assignedBefore = await api.request('POST', '/api/v1/content/assign', { token: before.token });
    const assignedAfter = await api.request('POST', '/api/v1/content/assign', { token: after.token });
    expect(assignedBefore.body.assigned_required).to.equal(3);
    expect(assignedAfter.body.assigned_required).to.equal(1);
    expect(
      (await api.request('GET', '/api/v1/progress/weakness', { token: before.token })).body.content_weak_module_ids,
    ).to.have.length(3);
  });
});
