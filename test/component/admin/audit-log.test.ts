import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { createTrack, createTrackWithModules, uniqueName } from '../../support/fixtures/admin.js';
import { newAdmin, type Admin } from '../../support/fixtures/identity.js';

describe('admin: audit log', () => {
  const api = useApi();
  let alice: Admin;
  let bob: Admin;

  before(async () => {
    alice = await newAdmin(api);
    bob = await newAdmin(api);
  });

  const log = (query: string, token = alice.token) => api.request('GET', `/api/v1/admin/audit-log?${query}`, { token });

  it('records every mutation with the admin who made it, newest first, filterable by admin and paged', async () => {
    const track = await createTrack(api, alice);
    const module = (
      await api.request('POST', `/api/v1/admin/tracks/${track.id}/modules`, { token: bob.token, body: { name: 'm' } })
    ).body;
    await api.request('PATCH', `/api/v1/admin/modules/${module.id}`, { token: alice.token, body: { name: 'renamed' } });

    const mine = await log(`admin_id=${alice.id}`);
    expect(mine.status).to.equal(200);
    expect(
      mine.body.items.map((entry: { action: string; entity_id: number; admin_email: string }) => [
        entry.action,
        entry.entity_id,
        entry.admin_email,
      ]),
    ).to.deep.equal([
      ['module.rename', module.id, alice.email],
      ['track.create', track.id, alice.email],
    ]);
    const [latest] = mine.body.items;
    expect(latest).to.deep.equal({
      id: latest.id,
      admin_id: alice.id,
      admin_email: alice.email,
      action: 'module.rename',
      entity_type: 'module',
      entity_id: module.id,
      details: { from: 'm', to: 'renamed' },
      created_at: latest.created_at,
    });
    const bobs = await log(`admin_id=${bob.id}`);
    expect(bobs.body.items.map((entry: { action: string }) => entry.action)).to.deep.equal(['module.create']);

    const first = await log(`admin_id=${alice.id}&limit=1`);
    expect(first.body.items.map((entry: { action: string }) => entry.action)).to.deep.equal(['module.rename']);
    const second = await log(`admin_id=${alice.id}&limit=1&cursor=${first.body.next_cursor}`);
    expect(second.body.items.map((entry: { action: string }) => entry.action)).to.deep.equal(['track.create']);
    expect(second.body.next_cursor).to.equal(null);
  });

  it('names the details of an entry in snake_case, nested members included', async () => {
    const track = await createTrackWithModules(api, alice, 5);
    const draft = await api.request('POST', `/api/v1/admin/tracks/${track.id}/settings-versions`, {
      token: alice.token,
      body: { note: 'audit names', settings: { level_exam_total_q: 20, k_exam: 3 } },
    });
    expect(draft.status, draft.text).to.equal(201);
    const entries = await log(`entity_type=settings_version&entity_id=${draft.body.id}`);
    expect(entries.body.items.map((entry: { details: unknown }) => entry.details)).to.deep.equal([
      {
        track_id: track.id,
        version_no: draft.body.version_no,
        based_on_version_id: null,
        overrides: { level_exam_total_q: 20, k_exam: 3 },
      },
    ]);
  });

  it("writes no audit entry for a refused change (the entry shares the change's transaction)", async () => {
    const track = await createTrack(api, bob);
    const refused = await api.request('POST', `/api/v1/admin/tracks/${track.id}/settings-versions`, {
      token: bob.token,
      body: {},
    });
    // a track without modules cannot hold any exam: every capacity rule fails
    expect(refused.status).to.equal(422);
    const taken = await api.request('POST', '/api/v1/admin/tracks', { token: bob.token, body: { name: track.name } });
    expect(taken.status).to.equal(409);
    const entries = await log(`admin_id=${bob.id}&limit=100`);
    expect(
      entries.body.items
        .filter((entry: { action: string }) => entry.action !== 'module.create')
        .map((entry: { action: string; entity_id: number }) => [entry.action, entry.entity_id]),
    ).to.deep.equal([['track.create', track.id]]);
    const rows = await api.db.pool.query(
      "SELECT count(*)::int AS n FROM admin_audit_log WHERE action = 'settings_version.create' AND admin_id = $1",
      [bob.id],
    );
    expect(rows.rows[0].n).to.equal(0);
  });

  it('refuses an unknown entity type or a forged cursor with 400', async () => {
    expect((await log('entity_type=nonsense')).status).to.equal(400);
    expect((await log(`cursor=${uniqueName('x')}`)).status).to.equal(400);
  });
});
