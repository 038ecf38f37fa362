import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { newLearner } from '../../support/fixtures/identity.js';
import { takeDiagnostika } from '../../support/fixtures/journey.js';

/** Settings pinning (docs/product.md): a learner's stage keeps the version it was pinned to. */
describe('settings pinned on the learner stage', () => {
  const api = useApi();

  /** Publishes a new version of the default track (archive the old one, activate the new one, in one transaction). */
  const publishVersion = async (overrides: Record<string, number>): Promise<{ previous: number; next: number }> => {
    const client = await api.db.pool.connect();
    try {
      await client.query('BEGIN');
      const previous = await client.query(
        "SELECT v.id, v.track_id FROM settings_versions v JOIN tracks t ON t.id = v.track_id WHERE t.name = 'default' AND v.status = 'active'",
      );
      const { id: previousId, track_id: trackId } = previous.rows[0];
      const next = await client.query(
        "INSERT INTO settings_versions (track_id, version_no, note) SELECT $1, max(version_no) + 1, 'test' FROM settings_versions WHERE track_id = $1 RETURNING id",
        [trackId],
      );
      const nextId = next.rows[0].id;
      // A copy of the previous parameters with the overrides applied.
      await client.query(
        'INSERT INTO track_settings SELECT (jsonb_populate_record(t, to_jsonb(t) || $2::jsonb)).* FROM track_settings t WHERE settings_version_id = $1',
        [previousId, JSON.stringify({ ...overrides, settings_version_id: nextId })],
      );
      await client.query("UPDATE settings_versions SET status = 'archived', archived_at = now() WHERE id = $1", [
        previousId,
      ]);
      await client.query("UPDATE settings_versions SET status = 'active', activated_at = now() WHERE id = $1", [
        nextId,
      ]);
      await client.query('COMMIT');
      return { previous: previousId, next: nextId };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };

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
