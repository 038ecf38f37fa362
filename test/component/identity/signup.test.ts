import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { createTrack } from '../../support/fixtures/admin.js';
import { newAdmin, uniqueEmail } from '../../support/fixtures/identity.js';

describe('POST /auth/signup', () => {
  const api = useApi();
  const signup = (body: Record<string, unknown>) => api.request('POST', '/api/v1/auth/signup', { body });

  it('creates the learner with a trimmed, lower-cased email and places them on the first stage', async () => {
    const email = uniqueEmail('Mixed.Case');
    const response = await signup({
      email: `  ${email.toUpperCase()}  `.trim(),
      full_name: '  Ada Lovelace  ',
      password: 'correct-horse',
    });
    expect(response.status).to.equal(201);
    expect(response.body).to.include({ email: email.toLowerCase(), full_name: 'Ada Lovelace' });
    expect(response.body).to.have.all.keys('id', 'email', 'full_name', 'track_id', 'created_at');
    const stage = await api.db.pool.query(
      `SELECT s.position, p.status, p.settings_version_id, v.status AS version_status, t.name AS track
         FROM user_stage_progress p JOIN stages s ON s.id = p.stage_id
         JOIN settings_versions v ON v.id = p.settings_version_id JOIN tracks t ON t.id = p.track_id
        WHERE p.user_id = $1`,
      [response.body.id],
    );
    expect(stage.rows).to.deep.equal([
      {
        position: 1,
        status: 'active',
        settings_version_id: stage.rows[0].settings_version_id,
        version_status: 'active',
        track: 'default',
      },
    ]);
  });

  it('refuses the same email in another case with 409 email_taken', async () => {
    const email = uniqueEmail();
    expect((await signup({ email, full_name: 'First', password: 'password-1' })).status).to.equal(201);
    const again = await signup({ email: email.toUpperCase(), full_name: 'Second', password: 'password-2' });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('email_taken');
  });

  it('lets exactly one of 30 concurrent sign-ups with one email win; the rest get 409 email_taken', async () => {
    const email = uniqueEmail('race');
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signup({ email, full_name: `Racer ${i}`, password: 'password-race' })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).to.have.length(1);
    expect(statuses.filter((s) => s === 409)).to.have.length(29);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === 'email_taken')).to.equal(true);
    const rows = await api.db.pool.query(
      'SELECT count(*)::int AS users, (SELECT count(*)::int FROM user_stage_progress p JOIN users u ON u.id = p.user_id WHERE lower(u.email) = $1) AS stages FROM users WHERE lower(email) = $1',
      [email],
    );
    expect(rows.rows[0]).to.deep.equal({ users: 1, stages: 1 });
  });

  it('refuses a blank full name, a short password, a bad email and unknown properties with 400 validation_failed', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: uniqueEmail(), full_name: '   ', password: 'password-ok' }, '/body/full_name'],
      [{ email: uniqueEmail(), full_name: 'Name', password: 'short' }, '/body/password'],
      [{ email: 'not-an-email', full_name: 'Name', password: 'password-ok' }, '/body/email'],
      [{ email: uniqueEmail(), full_name: 'Name', password: 'password-ok', role: 'admin' }, '/body/role'],
      [{ email: uniqueEmail(), full_name: 'Name' }, '/body/password'],
      [{ email: uniqueEmail(), full_name: 'Name', password: 'password-ok', track_id: 'one' }, '/body/track_id'],
    ];
    for (const [body, path] of cases) {
      const response = await signup(body);
      expect(response.status, JSON.stringify(body)).to.equal(400);
      expect(response.body.code).to.equal('validation_failed');
      expect(JSON.stringify(response.body.errors), JSON.stringify(body)).to.include(path.split('/').pop()!);
    }
  });

  it('answers 404 for a track that does not exist', async () => {
    const response = await signup({
      email: uniqueEmail(),
      full_name: 'Name',
      password: 'password-ok',
      track_id: 999999,
    });
    expect(response.status).to.equal(404);
    expect(response.body.code).to.equal('not_found');
  });

  it('answers 409 track_not_ready for a track without stages or without an active settings version, and writes nothing', async () => {
    // a track as an admin creates it: its ladder, but no settings version until one is drafted and activated
    const bare = await createTrack(api, await newAdmin(api));
    expect(bare.active_settings_version_id).to.equal(null);
    const email = uniqueEmail('not-ready');
    const response = await signup({ email, full_name: 'Name', password: 'password-ok', track_id: bare.id });
    expect(response.status).to.equal(409);
    expect(response.body.code).to.equal('track_not_ready');
    const users = await api.db.pool.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]);
    expect(users.rows[0].n).to.equal(0);
  });

  it('never returns or stores the password in clear', async () => {
    const email = uniqueEmail();
    const response = await signup({ email, full_name: 'Name', password: 'clear-text-secret' });
    expect(response.text).not.to.include('clear-text-secret');
    expect(response.text).not.to.include('argon2');
    const stored = await api.db.pool.query('SELECT password_hash FROM users WHERE email = $1', [email]);
    expect(stored.rows[0].password_hash).to.match(/^\$argon2id\$/);
  });
});
