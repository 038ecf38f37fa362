import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/config/project-paths.js';

/**
 * The committed scale-out topology says what README "Scaling out" says: PostgreSQL ← PgBouncer in
 * transaction mode ← two API replicas with prepared statements off ← nginx over both, migrations
 * in a one-shot service straight to PostgreSQL. `.ci/run` also has `docker compose config` check
 * the file; this test checks the wiring between the pieces, which that command does not.
 */
interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
  volumes?: string[];
}

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const hostOf = (url: string | number | undefined) => new URL(String(url).replace(/\$\{[^}]+\}/g, 'x')).host;

describe('deployment: docker-compose.yml and deploy/', () => {
  it('has postgres, pgbouncer, a one-shot migrate, two api replicas and a load balancer', () => {
    expect(Object.keys(services).sort()).to.deep.equal(['api-1', 'api-2', 'lb', 'migrate', 'pgbouncer', 'postgres']);
    for (const name of ['postgres', 'pgbouncer', 'api-1', 'api-2', 'lb'])
      expect(services[name]!.healthcheck?.test, `${name} has a health check`).to.be.an('array').that.is.not.empty;
  });

  it('migrates straight to PostgreSQL, once, before the replicas start', () => {
    const migrate = services.migrate!;
    expect(migrate.command).to.deep.equal(['node', 'dist/src/cli/migrate.js', 'up']);
    expect(hostOf(migrate.environment?.DATABASE_URL)).to.equal('postgres:5432');
    for (const api of ['api-1', 'api-2'])
      expect(services[api]!.depends_on?.migrate).to.deep.equal({ condition: 'service_completed_successfully' });
  });

  it('runs both replicas through PgBouncer with prepared statements off, within its pool', () => {
    const pgbouncerIni = read('deploy/pgbouncer/pgbouncer.ini');
    expect(pgbouncerIni).to.match(/^pool_mode = transaction$/m);
    const poolSize = Number(/^default_pool_size = (\d+)$/m.exec(pgbouncerIni)?.[1]);
    let clients = 0;
    for (const api of ['api-1', 'api-2']) {
      const environment = services[api]!.environment!;
      expect(hostOf(environment.DATABASE_URL)).to.equal('pgbouncer:6432');
      expect(environment.DB_PREPARED_STATEMENTS).to.equal('false');
      // The readiness probe (database and migrations), not mere liveness, gates the load balancer.
      expect(services[api]!.healthcheck!.test.join(' ')).to.include('/api/v1/health/ready');
      clients += Number(environment.DB_POOL_MAX);
    }
    expect(clients).to.be.at.most(poolSize);
    expect(pgbouncerIni).to.match(/^ignore_startup_parameters = .*statement_timeout/m);
  });

  it('load-balances both replicas without sticky sessions, letting the API answer oversized headers', () => {
    const nginx = read('deploy/nginx/nginx.conf');
    const upstream = /upstream api \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    expect([...upstream.matchAll(/server (\S+)/g)].map((match) => match[1])).to.deep.equal([
      'api-1:3000',
      'api-2:3000',
    ]);
    expect(upstream).not.to.match(/ip_hash|hash |sticky/);
    expect(nginx).to.match(/large_client_header_buffers 4 32k;/);
    expect(services.lb!.ports).to.deep.equal(['3000:80']);
    expect(services.lb!.volumes).to.include('./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro');
  });
});
