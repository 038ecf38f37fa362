import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { PROJECT_ROOT } from '../../../src/config/project-paths.js';
import { useApi } from '../../support/api.js';
import { uniqueEmail } from '../../support/fixtures/identity.js';

const run = promisify(execFile);

/** `npm run admin:create` as an operator runs it: a child process, the password from ADMIN_PASSWORD. */
describe('npm run admin:create', () => {
  const api = useApi({ seeded: false });
  const createAdmin = (email: string, name: string, password: string) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/admin-create.ts', '--email', email, '--name', name], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: api.db.url,
        ADMIN_PASSWORD: password,
        PASSWORD_HASH_MEMORY_KIB: '1024',
        PASSWORD_HASH_TIME_COST: '1',
      },
    });

  it('creates an argon2id admin who can log in, printing nothing secret', async () => {
    const email = uniqueEmail('ops');
    const password = 'operator-chosen-password';
    const { stdout, stderr } = await createAdmin(email, 'Ops Admin', password);
    expect(stdout).to.match(/^Created admin #\d+ /);
    expect(stdout + stderr).not.to.include(password);
    const stored = await api.db.pool.query('SELECT password_hash, is_active FROM admin_users WHERE email = $1', [
      email,
    ]);
    expect(stored.rows[0]).to.include({ is_active: true });
    expect(stored.rows[0].password_hash).to.match(/^\$argon2id\$/);
    expect(stdout + stderr).not.to.include(stored.rows[0].password_hash);
    const login = await api.request('POST', '/api/v1/admin/login', { body: { email, password } });
    expect(login.status).to.equal(200);
  });

  it('resets the password of an existing admin (any case of the email) and reactivates it', async () => {
    const email = uniqueEmail('ops');
    await createAdmin(email, 'Ops Admin', 'first-password-1');
    await api.db.pool.query('UPDATE admin_users SET is_active = false WHERE email = $1', [email]);
    const { stdout } = await createAdmin(email.toUpperCase(), 'Ops Admin Renamed', 'second-password-2');
    expect(stdout).to.match(/^Updated admin #\d+ /);
    expect(
      (await api.request('POST', '/api/v1/admin/login', { body: { email, password: 'first-password-1' } })).status,
    ).to.equal(401);
    expect(
      (await api.request('POST', '/api/v1/admin/login', { body: { email, password: 'second-password-2' } })).status,
    ).to.equal(200);
  });

  it('refuses a short password with a clear message and a non-zero exit', async () => {
    const outcome = await createAdmin(uniqueEmail('ops'), 'Ops', 'short').catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(outcome).to.have.property('code', 1);
    expect((outcome as { stderr: string }).stderr).to.match(/password must be 8-200 characters/);
  });
});
