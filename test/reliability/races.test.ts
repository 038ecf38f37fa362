import { useApi } from '../support/api.js';
import { scaled } from '../support/reliability/long-runs.js';
import { assertInvariants } from './invariants.js';
import { RACE_SCENARIOS, RACE_SIZE, runRace } from './race-scenarios.js';

/** Races on one instance: every scenario of race-scenarios.ts, RACE_SIZE requests at once. */
describe('reliability: races on one instance', function () {
  this.timeout(scaled(60_000, 600_000));
  // Rate limits on (far above what the races reach), so the login throttle's PostgreSQL store races too.
  const api = useApi({ env: { LOGIN_RATE_LIMIT_PER_IP: '1000000', LOGIN_RATE_LIMIT_PER_EMAIL: '1000' } });
  const rounds = scaled(1, 10);

  for (const scenario of RACE_SCENARIOS) {
    it(`${RACE_SIZE} × ${scenario.name}: ${scenario.outcome}; no 5xx; invariants hold`, async () => {
      for (let round = 0; round < rounds; round += 1) await runRace(scenario, { clients: [api], pool: api.db.pool });
      await assertInvariants(api.db.pool);
    });
  }
});
