import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { auditOf, createTrack, uniqueName } from '../../support/fixtures/admin.js';
import { newAdmin, newLearner, type Admin } from '../../support/fixtures/identity.js';

const LADDER = [
  ['trainee', 0, 1],
  ['junior', 1, 2],
  ['junior', 2, 3],
  ['junior', 3, 4],
  ['middle', 1, 5],
  ['middle', 2, 6],
  ['middle', 3, 7],
  ['senior', 1, 8],
  ['senior', 2, 9],
  ['senior', 3, 10],
];

describe('admin: tracks and modules', () => {
  const api = useApi();
  let admin: Admin;

  before(async () => {
    admin = await newAdmin(api);
  });

  it('creates a track with the standard 10-stage ladder and no modules nor settings version; a learner cannot sign up on it yet', async () => {
    const name = uniqueName('data-engineering');
    const response = await api.request('POST', '/api/v1/admin/tracks', {
      token: admin.token,
      body: { name: `  ${name}  ` },
    });
    expect(response.status).to.equal(201);
    expect(response.body).to.deep.equal({
      id: response.body.id,
      name,
      created_at: response.body.created_at,
      active_settings_version_id: null,
      stages: LADDER.map(([rank, level, position], index) => ({
        id: response.body.stages[index].id,
        rank,
        level,
        position,
      })),
      modules: [],
    });
    const got = await api.request('GET', `/api/v1/admin/tracks/${response.body.id}`, { token: admin.token });
    expect(got.body).to.deep.equal(response.body);
    const all = await api.request('GET', '/api/v1/admin/tracks', { token: admin.token });
    expect(all.body.map((track: { name: string }) => track.name)).to.include.members(['default', name]);
    expect(
      (await auditOf(api, admin, 'track', response.body.id)).map((entry) => [
        entry.action,
        entry.admin_id,
        entry.admin_email,
        entry.details,
      ]),
    ).to.deep.equal([['track.create', admin.id, admin.email, { name }]]);

    const signup = await api.request('POST', '/api/v1/auth/signup', {
      body: {
        email: `${uniqueName('early')}@example.com`,
        full_name: 'Early Bird',
        password: 'password-ok',
        track_id: response.body.id,
      },
    });
    expect(signup.status).to.equal(409);
    expect(signup.body.code).to.equal('track_not_ready');
  });

  it('refuses a taken track name with 409 name_taken, a blank one with 400, and lets one of 30 racing creations win', async () => {
    const track = await createTrack(api, admin);
    const taken = await api.request('POST', '/api/v1/admin/tracks', { token: admin.token, body: { name: track.name } });
    expect(taken.status).to.equal(409);
    expect(taken.body.code).to.equal('name_taken');
    const blank = await api.request('POST', '/api/v1/admin/tracks', { token: admin.token, body: { name: '   ' } });
    expect(blank.status).to.equal(400);
    expect(blank.body.errors).to.deep.equal([{ code: 'blank', message: 'must not be blank', path: '/body/name' }]);

    const name = uniqueName('race');
    const responses = await Promise.all(
      Array.from({ length: 30 }, () =>
        api.request('POST', '/api/v1/admin/tracks', { token: admin.token, body: { name } }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).to.have.length(1);
    expect(responses.filter((r) => r.status === 409 && r.body.code === 'name_taken')).to.have.length(29);
    const stages = await api.db.pool.query(
      'SELECT count(*)::int AS n FROM stages s JOIN tracks t ON t.id = s.track_id WHERE t.name = $1',
      [name],
    );
    expect(stages.rows[0].n).to.equal(10);
  });

  it('adds modules to a track (409 name_taken within the track, the same name on another track is fine) and 404 for an unknown track', async () => {
    const track = await createTrack(api, admin);
    const other = await createTrack(api, admin);
    const added = await api.request('POST', `/api/v1/admin/tracks/${track.id}/modules`, {
      token: admin.token,
      body: { name: ' spark ' },
    });
    expect(added.status).to.equal(201);
    expect(added.body).to.deep.equal({ id: added.body.id, track_id: track.id, name: 'spark' });
    const again = await api.request('POST', `/api/v1/admin/tracks/${track.id}/modules`, {
      token: admin.token,
      body: { name: 'spark' },
    });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('name_taken');
    const elsewhere = await api.request('POST', `/api/v1/admin/tracks/${other.id}/modules`, {
      token: admin.token,
      body: { name: 'spark' },
    });
    expect(elsewhere.status).to.equal(201);
    const unknown = await api.request('POST', '/api/v1/admin/tracks/99999999/modules', {
      token: admin.token,
      body: { name: 'spark' },
    });
    expect(unknown.status).to.equal(404);
    expect((await api.request('GET', '/api/v1/admin/tracks/99999999', { token: admin.token })).status).to.equal(404);
    expect(
      (await api.request('GET', `/api/v1/admin/tracks/${track.id}`, { token: admin.token })).body.modules,
    ).to.deep.equal([added.body]);
    expect(
      (await auditOf(api, admin, 'module', added.body.id)).map((entry) => [entry.action, entry.details]),
    ).to.deep.equal([['module.create', { track_id: track.id, name: 'spark' }]]);
  });

  it("renames a module (409 name_taken on a sibling's name, 404 for an unknown module)", async () => {
    const track = await createTrack(api, admin);
    const first = (
      await api.request('POST', `/api/v1/admin/tracks/${track.id}/modules`, {
        token: admin.token,
        body: { name: 'first' },
      })
    ).body;
    await api.request('POST', `/api/v1/admin/tracks/${track.id}/modules`, {
      token: admin.token,
      body: { name: 'second' },
    });
    const renamed = await api.request('PATCH', `/api/v1/admin/modules/${first.id}`, {
      token: admin.token,
      body: { name: 'primary' },
    });
    expect(renamed.status).to.equal(200);
    expect(renamed.body).to.deep.equal({ id: first.id, track_id: track.id, name: 'primary' });
    const clash = await api.request('PATCH', `/api/v1/admin/modules/${first.id}`, {
      token: admin.token,
      body: { name: 'second' },
    });
    expect(clash.status).to.equal(409);
    expect(clash.body.code).to.equal('name_taken');
    expect(
      (await api.request('PATCH', '/api/v1/admin/modules/99999999', { token: admin.token, body: { name: 'x' } }))
        .status,
    ).to.equal(404);
    expect((await auditOf(api, admin, 'module', first.id)).map((entry) => [entry.action, entry.details])).to.deep.equal(
      [
        ['module.rename', { from: 'first', to: 'primary' }],
        ['module.create', { track_id: track.id, name: 'first' }],
      ],
    );
  });

  it('keeps learners and anonymous callers out of every admin route (403 for a learner token, 401 without one)', async () => {
    const learner = await newLearner(api);
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/v1/admin/tracks'],
      ['POST', '/api/v1/admin/tracks', { name: 'x' }],
      ['GET', '/api/v1/admin/tracks/1'],
      ['POST', '/api/v1/admin/tracks/1/modules', { name: 'x' }],
      ['PATCH', '/api/v1/admin/modules/1', { name: 'x' }],
      ['GET', '/api/v1/admin/tracks/1/settings-versions'],
      ['POST', '/api/v1/admin/tracks/1/settings-versions', {}],
      ['GET', '/api/v1/admin/settings-versions/1'],
      ['PATCH', '/api/v1/admin/settings-versions/1', { note: 'x' }],
      ['POST', '/api/v1/admin/settings-versions/1/activate'],
      ['POST', '/api/v1/admin/settings-versions/1/archive'],
      ['GET', '/api/v1/admin/modules/1/questions'],
      ['POST', '/api/v1/admin/modules/1/questions', { text: 'q', options: ['a', 'b'], correct_option_pos: 1 }],
      ['GET', '/api/v1/admin/questions/1'],
      ['PATCH', '/api/v1/admin/questions/1', { is_active: false }],
      ['GET', '/api/v1/admin/articles'],
      ['POST', '/api/v1/admin/articles', { module_id: 1, stage_id: 1, kind: 'optional', title: 't', content_ref: 'r' }],
      ['GET', '/api/v1/admin/articles/1'],
      ['PATCH', '/api/v1/admin/articles/1', { title: 't' }],
      ['PUT', '/api/v1/admin/articles/1/minitest', { question_ids: [1, 2, 3] }],
      ['POST', '/api/v1/admin/import', { track: 'x', modules: [] }],
      ['GET', '/api/v1/admin/users'],
      ['GET', '/api/v1/admin/users/1'],
      ['GET', '/api/v1/admin/audit-log'],
    ];
    for (const [method, path, body] of routes) {
      const asLearner = await api.request(method, path, { token: learner.token, body });
      expect(asLearner.status, `${method} ${path}`).to.equal(403);
      expect(asLearner.body.code).to.equal('forbidden');
      const anonymous = await api.request(method, path, { body });
      expect(anonymous.status, `${method} ${path}`).to.equal(401);
      expect(anonymous.headers.get('www-authenticate')).to.equal('Bearer');
    }
    // nothing was written on the way
    const tracks = await api.db.pool.query("SELECT count(*)::int AS n FROM tracks WHERE name = 'x'");
    expect(tracks.rows[0].n).to.equal(0);
  });

  it("refuses a deactivated admin's token on the workspace with 403", async () => {
    const gone = await newAdmin(api);
    await api.db.pool.query('UPDATE admin_users SET is_active = false WHERE id = $1', [gone.id]);
    const response = await api.request('POST', '/api/v1/admin/tracks', {
      token: gone.token,
      body: { name: uniqueName('never') },
    });
    expect(response.status).to.equal(403);
    expect(response.body.code).to.equal('forbidden');
  });
});
