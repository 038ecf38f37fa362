import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import pg from 'pg';
import {
  startEmbeddedCluster,
  startPersistentCluster,
  THROWAWAY_PASSWORD,
} from '../../src/adapters/postgres/embedded-postgres.js';
import { PROJECT_ROOT } from '../../src/config/project-paths.js';
import { uniqueEmail } from '../support/fixtures/identity.js';
import { httpClient } from '../support/http-client.js';
import { freePort } from '../support/reliability/server-process.js';

/**
 * The durable embedded default of `npm start` (docs/decisions.md, "Durable embedded database"):
 * the persistent cluster runs with fsync, synchronous_commit and full_page_writes on, under a
 * generated password kept in a 0600 file, and a second start reuses both the data and the password.
 * Runs `npm start`'s own entry point on a temporary EMBEDDED_DATA_DIR, never the user's .data.
 */
interface StartedDemo {
  readonly url: string;
  readonly databasePort: number;
  stop(): Promise<number | null>;
}

async function startDemo(dataDir: string): Promise<StartedDemo> {
  const port = await freePort();
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.DATABASE_URL;
  delete env.JWT_SECRET;
  Object.assign(env, { EMBEDDED_DATA_DIR: dataDir, PORT: String(port), ADMIN_PASSWORD: 'embedded-admin-password' });
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'cli', 'start.ts')], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));

  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 250) {
    if (gone) throw new Error(`npm start exited early:\n${output.join('')}`);
    if (waited > 150_000) {
      child.kill('SIGKILL');
      throw new Error(`npm start did not become ready:\n${output.join('')}`);
    }
    const ready = await fetch(`${url}/api/v1/health/db`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const started = output
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string; port?: number })
    .find((line) => line.msg === 'embedded PostgreSQL started');
  expect(started?.port, 'the launcher logs the embedded cluster port').to.be.a('number');
  return {
    url,
    databasePort: started!.port!,
    async stop() {
      child.kill('SIGINT');
      return exited;
    },
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const urlOf = (port: number, password: string, database = 'adaptive_learning') =>
  `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

async function durabilitySettings(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const settings: Record<string, string> = {};
    for (const name of ['fsync', 'synchronous_commit', 'full_page_writes']) {
      const { rows } = await client.query<Record<string, string>>(`SHOW ${name}`);
      settings[name] = rows[0]![name]!;
    }
    return settings;
  });
}

async function authenticationFails(url: string): Promise<string | undefined> {
  return withClient(url, async () => undefined).catch((error: unknown) => (error as { code?: string }).code);
}

/** A temporary data folder the cluster's system user (when running as root) can reach. */
function temporaryDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'alp-embedded-'));
  chmodSync(dir, 0o755);
  return dir;
}

describe('reliability: the embedded database of npm start is durable and keeps its password', function () {
  this.timeout(400_000);
  const dataDir = temporaryDataDir();
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs with fsync, synchronous_commit and full_page_writes on; a second start reuses the data and password', async () => {
    const email = uniqueEmail('durable');
    const first = await startDemo(dataDir);
    let password: string;
    try {
      const passwordFile = join(dataDir, 'pg-password');
      expect(statSync(passwordFile).mode & 0o777).to.equal(0o600);
      password = readFileSync(passwordFile, 'utf8').trim();
      expect(password).to.have.length.of.at.least(24);
      expect(password).not.to.equal(THROWAWAY_PASSWORD);

      const url = urlOf(first.databasePort, password);
      expect(await durabilitySettings(url)).to.deep.equal({
        fsync: 'on',
        synchronous_commit: 'on',
        full_page_writes: 'on',
      });
      // scram-sha-256: the old constant password no longer opens the cluster.
      expect(await authenticationFails(urlOf(first.databasePort, THROWAWAY_PASSWORD))).to.equal('28P01');

      const signup = await httpClient(first.url).request('POST', '/api/v1/auth/signup', {
        body: { email, full_name: 'Durable Learner', password: 'durable-password' },
      });
      expect(signup.status).to.equal(201);
    } finally {
      expect(await first.stop()).to.equal(0);
    }

    const second = await startDemo(dataDir);
    try {
      expect(readFileSync(join(dataDir, 'pg-password'), 'utf8').trim()).to.equal(password);
      const url = urlOf(second.databasePort, password);
      expect((await durabilitySettings(url)).fsync).to.equal('on');
      const kept = await withClient(url, (client) =>
        client.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]),
      );
      expect(kept.rows[0]!.n, 'the learner of the first run is still there').to.equal(1);
      const login = await httpClient(second.url).request('POST', '/api/v1/auth/login', {
        body: { email, password: 'durable-password' },
      });
      expect(login.status).to.equal(200);
    } finally {
      expect(await second.stop()).to.equal(0);
    }
  });

  it('gives a cluster initialised with the old constant password a generated one', async () => {
    const legacyRoot = temporaryDataDir();
    try {
      const clusterDir = join(legacyRoot, 'pg');
      const legacy = await startEmbeddedCluster({ dataDir: clusterDir, persistent: true });
      await legacy.stop();

      const passwordFile = join(legacyRoot, 'pg-password');
      const upgraded = await startPersistentCluster({ dataDir: clusterDir, passwordFile });
      try {
        const password = readFileSync(passwordFile, 'utf8').trim();
        expect(statSync(passwordFile).mode & 0o777).to.equal(0o600);
        expect(await authenticationFails(urlOf(upgraded.port, password, 'postgres'))).to.equal(undefined);
        expect(await authenticationFails(urlOf(upgraded.port, THROWAWAY_PASSWORD, 'postgres'))).to.equal('28P01');
        expect(await durabilitySettings(upgraded.urlFor('postgres'))).to.deep.equal({
          fsync: 'on',
          synchronous_commit: 'on',
          full_page_writes: 'on',
        });
      } finally {
        await upgraded.stop();
      }
    } finally {
      rmSync(legacyRoot, { recursive: true, force: true });
    }
  });
});
