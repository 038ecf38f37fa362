import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { createTrack, uniqueName } from '../../support/fixtures/admin.js';
import { newAdmin, newLearner } from '../../support/fixtures/identity.js';

describe('catalog', () => {
  const api = useApi();

  it('GET /catalog/tracks lists every track by id', async () => {
    const learner = await newLearner(api);
    const extra = await createTrack(api, await newAdmin(api), uniqueName('catalog-extra'));
    const response = await api.request('GET', '/api/v1/catalog/tracks', { token: learner.token });
    expect(response.status).to.equal(200);
    const stored = await api.db.pool.query('SELECT id, name FROM tracks ORDER BY id');
    expect(response.body).to.deep.equal(stored.rows);
    expect(response.body.map((t: { name: string }) => t.name)).to.include.members(['default', extra.name]);
  });

  it('GET /catalog/tracks/{id} shows the ladder by position and the modules by id', async () => {
    const learner = await newLearner(api);
    const track = (await api.db.pool.query("SELECT id FROM tracks WHERE name = 'default'")).rows[0].id;
    const response = await api.request('GET', `/api/v1/catalog/tracks/${track}`, { token: learner.token });
    expect(response.status).to.equal(200);
    const stages = await api.db.pool.query(
      'SELECT id, rank, level, position FROM stages WHERE track_id = $1 ORDER BY position',
      [track],
    );
    const modules = await api.db.pool.query('SELECT id, name FROM modules WHERE track_id = $1 ORDER BY id', [track]);
    expect(response.body).to.deep.equal({ id: track, name: 'default', stages: stages.rows, modules: modules.rows });
    expect(response.body.stages.map((s: { rank: string; level: number }) => `${s.rank}${s.level}`)).to.deep.equal([
      'trainee0',
      'junior1',
      'junior2',
      'junior3',
      'middle1',
      'middle2',
      'middle3',
      'senior1',
      'senior2',
      'senior3',
    ]);
  });

  it('shows an empty track with empty lists, answers 404 for an unknown one and 400 for a malformed id', async () => {
    const learner = await newLearner(api);
    const empty = (await api.db.pool.query("INSERT INTO tracks (name) VALUES ('catalog-empty') RETURNING id")).rows[0]
      .id;
    const shown = await api.request('GET', `/api/v1/catalog/tracks/${empty}`, { token: learner.token });
    expect(shown.body).to.deep.equal({ id: empty, name: 'catalog-empty', stages: [], modules: [] });
    const missing = await api.request('GET', '/api/v1/catalog/tracks/999999999', { token: learner.token });
    expect(missing.status).to.equal(404);
    expect(missing.body.code).to.equal('not_found');
    const malformed = await api.request('GET', '/api/v1/catalog/tracks/abc', { token: learner.token });
    expect(malformed.status).to.equal(400);
    expect(malformed.body.code).to.equal('validation_failed');
  });

  it('needs a learner token', async () => {
    const response = await api.request('GET', '/api/v1/catalog/tracks');
    expect(response.status).to.equal(401);
    expect(response.headers.get('www-authenticate')).to.equal('Bearer');
  });
});
