import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../src/config/config.js';

const valid = { DATABASE_URL: 'postgres://u@localhost/db', JWT_SECRET: 'x'.repeat(32) };

describe('config', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({
      ...valid,
      PORT: undefined,
      JWT_ALG: undefined,
      DB_POOL_MAX: undefined,
      CORS_ORIGINS: undefined,
    });
    expect(config.port).to.equal(3000);
    expect(config.jwt).to.include({
      algorithm: 'HS256',
      accessTtlMinutes: 15,
      issuer: 'adaptive-learning-platform',
      audience: 'adaptive-learning-api',
    });
    expect(config.passwordHash).to.deep.equal({ memoryKib: 19456, timeCost: 2, parallelism: 1 });
    expect(config.db.poolMax).to.equal(10);
    expect(config.corsOrigins).to.deep.equal([]);
  });

  it('session defaults: 14-day families, 12-hour admin tokens, a 10 s grace, Secure cookies outside development and test', () => {
    const defaults = { ...valid, COOKIE_SECURE: undefined, REFRESH_TTL_DAYS: undefined };
    expect(loadConfig({ ...defaults, APP_ENV: 'production' }).sessions).to.deep.equal({
      refreshTtlDays: 14,
      adminRefreshTtlHours: 12,
      reuseGraceSeconds: 10,
      cookieSecure: true,
    });
    expect(loadConfig({ ...defaults, APP_ENV: 'development' }).sessions.cookieSecure).to.equal(false);
    expect(loadConfig({ ...defaults, APP_ENV: 'test' }).sessions.cookieSecure).to.equal(false);
    expect(loadConfig({ ...defaults, APP_ENV: 'production', COOKIE_SECURE: 'false' }).sessions.cookieSecure).to.equal(
      false,
    );
    expect(loadConfig({ ...defaults, APP_ENV: 'test', COOKIE_SECURE: 'true' }).sessions.cookieSecure).to.equal(true);
  });

  it('throws a catchable ConfigError (never process.exit) listing every problem', () => {
    let caught: unknown;
    try {
      loadConfig({ DATABASE_URL: '', JWT_SECRET: 'too-short', PORT: 'abc', DB_POOL_MAX: '0' });
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(Object.keys(problems)).to.include.members(['JWT_SECRET', 'PORT', 'DB_POOL_MAX']);
    expect(problems.JWT_SECRET).to.match(/32 bytes/);
  });

  it('refuses a JWT secret one byte short of 32 and accepts exactly 32', () => {
    expect(() => loadConfig({ ...valid, JWT_SECRET: 'y'.repeat(31) })).to.throw(ConfigError, /JWT_SECRET/);
    expect(loadConfig({ ...valid, JWT_SECRET: 'y'.repeat(32) }).jwt.secret).to.have.length(32);
  });

  it('only accepts the HMAC algorithms and the known environments', () => {
    expect(() => loadConfig({ ...valid, JWT_ALG: 'none' })).to.throw(ConfigError, /JWT_ALG/);
    expect(() => loadConfig({ ...valid, JWT_ALG: 'RS256' })).to.throw(ConfigError, /JWT_ALG/);
    expect(() => loadConfig({ ...valid, APP_ENV: 'staging' })).to.throw(ConfigError, /APP_ENV/);
  });

  it('splits CORS_ORIGINS on commas and drops blanks', () => {
    const config = loadConfig({ ...valid, CORS_ORIGINS: ' https://a.example , ,https://b.example' });
    expect(config.corsOrigins).to.deep.equal(['https://a.example', 'https://b.example']);
  });
});
