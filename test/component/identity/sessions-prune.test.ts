import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { PROJECT_ROOT } from '../../../src/config/project-paths.js';
import { useApi } from '../../support/api.js';
import { newLearner } from '../../support/fixtures/identity.js';
import { COOKIE, cookieValue, logIn, logOut, refresh } from '../../support/fixtures/sessions.js';
import { DAY, TestClock } from '../../support/test-clock.js';

const run = promisify(execFile);

/** `npm run sessions:prune` as an operator (or a CronJob) runs it: a child process on DATABASE_URL. */
describe('npm run sessions:prune', () => {
  const clock = new TestClock();
  const api = useApi({ clock });
  const prune = () =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/sessions-prune.ts'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, DATABASE_URL: api.db.url },
    });
  const familiesLeft = async () =>
    (await api.db.pool.query('SELECT DISTINCT family_id FROM refresh_tokens ORDER BY family_id')).rows.map(
      (row) => row.family_id as number,
    );

  it('deletes ended families (revoked, expired) and nothing live, and deletes nothing the second time', async () => {
    const learner = await newLearner(api);
    await api.db.pool.query('DELETE FROM refresh_tokens');
    // Logins first: each one prunes its owner's ended families on the way.
    const live = await logIn(api, 'learner', learner);
    const loggedOut = await logIn(api, 'learner', learner);
    const expired = await logIn(api, 'learner', learner);
    const rotated = await refresh(api, 'learner', live.refreshToken);
    await logOut(api, 'learner', loggedOut.refreshToken);
    // A family that expired: its rows are backdated past the end of their lifetime.
    await api.db.pool.query(
      `UPDATE refresh_tokens SET created_at = created_at - interval '30 days', last_used_at = last_used_at - interval '30 days',
         expires_at = expires_at - interval '30 days', family_expires_at = family_expires_at - interval '30 days'
       WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = sha256($1::bytea))`,
      [Buffer.from(expired.refreshToken)],
    );
    const liveFamily = (await familiesLeft())[0];
    expect(await familiesLeft()).to.have.length(3);

    const first = await prune();
    expect(first.stdout).to.match(/^Deleted 2 refresh tokens of ended sessions/);
    expect(await familiesLeft()).to.deep.equal([liveFamily]);
    const second = await prune();
    expect(second.stdout).to.match(/^Deleted 0 refresh tokens/);
    // The live session, its rotated predecessor kept for reuse detection, still refreshes.
    expect((await refresh(api, 'learner', cookieValue(rotated, COOKIE.learner))).status).to.equal(200);
    const rows = await api.db.pool.query('SELECT count(*)::int AS n FROM refresh_tokens');
    expect(rows.rows[0].n).to.equal(3);
  });

  it('a login prunes the ended families of the same owner on the way', async () => {
    const learner = await newLearner(api);
    const old = await logIn(api, 'learner', learner);
    clock.advance(15 * DAY);
    await logIn(api, 'learner', learner);
    const left = await api.db.pool.query(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = sha256($1::bytea)`,
      [Buffer.from(old.refreshToken)],
    );
    expect(left.rows[0].n).to.equal(0);
  });
});
