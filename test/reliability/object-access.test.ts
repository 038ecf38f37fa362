import { expect } from 'chai';
import type pg from 'pg';
import { useApi, type ApiResponse } from '../support/api.js';
import { newLearner, type Learner } from '../support/fixtures/identity.js';
import { JourneyRows } from '../support/reliability/journey-rows.js';
import { fillPath, listOperations, type Operation } from '../support/reliability/openapi-operations.js';
import { assertInvariants } from './invariants.js';

/**
 * Object access: a learner never reads or changes another learner's
 * diagnostika, attempts, articles or approvals — the answer is 404, indistinguishable from an id
 * that does not exist. Generic over openapi.yaml: every learner operation taking an id (in the
 * path, or a top-level `*_id` of its body) is probed with the ids ANOTHER learner owns.
 *
 * An id parameter must be classified below: owned (how to find a learner's own ids) or shared
 * catalog data. A new learner operation with an unclassified id fails the first test, so the
 * probe cannot silently miss it.
 */
type OwnedIds = (pool: pg.Pool, userId: number, operation: Operation) => Promise<number[]>;

const ids = async (pool: pg.Pool, sql: string, userId: number) =>
  (await pool.query(sql, [userId])).rows.map((row) => Number(row.id));

const OWNED: Readonly<Record<string, OwnedIds>> = {
  attempt_id: (pool, userId, operation) =>
    ids(
      pool,
      `SELECT id FROM ${operation.template.includes('rank-final') ? 'rank_final_attempts' : 'level_exam_attempts'} WHERE user_id = $1 ORDER BY id`,
      userId,
    ),
  request_id: (pool, userId) => ids(pool, 'SELECT id FROM approval_requests WHERE user_id = $1 ORDER BY id', userId),
  // Articles are catalog rows, but a learner reaches only those assigned to them on their current stage.
  article_id: (pool, userId) =>
    ids(
      pool,
      `SELECT x.article_id AS id FROM user_stage_articles x JOIN user_stage_progress p ON p.user_id = x.user_id AND p.stage_id = x.stage_id AND p.status IN ('active', 'pending_approval') WHERE x.user_id = $1 ORDER BY x.article_id`,
      userId,
    ),
  diagnostika_id: (pool, userId) => ids(pool, 'SELECT id FROM diagnostika_results WHERE user_id = $1', userId),
};

/** Ids every learner may use: shared catalog data, not anyone's object. */
const SHARED: Readonly<Record<string, string>> = {
  track_id: 'the catalog of tracks is public to every learner',
};

const NEVER = 9_007_199_254_740_991;

interface Probe {
  readonly operation: Operation;
  readonly param: string;
  readonly where: 'path' | 'body';
}

const learnerOperations = listOperations().filter((operation) => operation.security === 'learner');
const probes: Probe[] = learnerOperations.flatMap((operation) => [
  ...operation.parameters
    .filter((p) => p.in === 'path')
    .map((p): Probe => ({ operation, param: p.name, where: 'path' })),
  ...Object.keys((operation.body?.schema.properties ?? {}) as Record<string, unknown>)
    .filter((name) => name.endsWith('_id'))
    .map((name): Probe => ({ operation, param: name, where: 'body' })),
]);

describe('security: a learner cannot reach another learner’s objects', function () {
  this.timeout(120_000);
  const api = useApi();
  let owner: Learner;
  let intruder: Learner;

  before(async () => {
    // The owner has something of every kind: a diagnostika, attempts of both exams (open and
    // submitted), requests (approved, pending), and articles on the current stage.
    owner = await newLearner(api);
    const journey = new JourneyRows(api.db.pool);
    await journey.diagnostika(owner.id, { submit: true });
    for (let stage = 0; stage < 3; stage += 1) await journey.clearStage(owner.id, { approve: true });
    await journey.assignContent(owner.id, { close: true });
    await journey.examAttempt('level_exam', owner.id, 'pass');
    await journey.examAttempt('rank_final', owner.id, 'fail');
    await journey.examAttempt('rank_final', owner.id, 'open');
    // The intruder has objects of their own, so their lists are not trivially empty.
    intruder = await newLearner(api);
    await journey.diagnostika(intruder.id, { submit: true });
    await journey.clearStage(intruder.id, { approve: false });
  });

  const send = (operation: Operation, token: string, id: number, probe: Probe): Promise<ApiResponse> => {
    const pathValues = Object.fromEntries(
      operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.name === probe.param ? id : NEVER]),
    );
    const path = fillPath(operation.template, pathValues);
    const example = (operation.body?.example ?? undefined) as Record<string, unknown> | undefined;
    const body =
      operation.body === undefined
        ? undefined
        : { ...example, ...(probe.where === 'body' ? { [probe.param]: id } : {}) };
    return api.request(operation.method, path, { token, ...(body === undefined ? {} : { body }) });
  };

  /** What a client can observe: status, code, title and the detail with the id blanked out. */
  const observable = (response: ApiResponse, id: number) => ({
    status: response.status,
    code: response.body?.code,
    title: response.body?.title,
    detail:
      typeof response.body?.detail === 'string'
        ? response.body.detail.split(String(id)).join('{id}')
        : response.body?.detail,
  });

  it('classifies every id a learner operation takes (owned, or shared catalog data)', () => {
    const unclassified = probes.filter(
      (probe) => OWNED[probe.param] === undefined && SHARED[probe.param] === undefined,
    );
    expect(unclassified.map((p) => `${p.operation.method} ${p.operation.template}: ${p.param}`)).to.deep.equal([]);
  });

  it('gives the owner an object of every owned kind to probe with', async () => {
    for (const probe of probes.filter((p) => OWNED[p.param] !== undefined)) {
      expect(
        await OWNED[probe.param]!(api.db.pool, owner.id, probe.operation),
        `${probe.operation.template} ${probe.param}`,
      ).to.not.be.empty;
    }
  });

  for (const probe of probes.filter((p) => SHARED[p.param] === undefined)) {
    const { operation } = probe;
    it(`${operation.method} ${operation.template} with another learner’s ${probe.param} (${probe.where}) → 404, as if it did not exist`, async () => {
      const owned = await OWNED[probe.param]!(api.db.pool, owner.id, operation);
      const before = await snapshot(api.db.pool, owner.id);
      const missing = observable(await send(operation, intruder.token, NEVER, probe), NEVER);
      expect(missing.status, 'an id that does not exist').to.equal(404);
      for (const id of owned) {
        const response = await send(operation, intruder.token, id, probe);
        expect(observable(response, id), `${probe.param} ${id} of another learner`).to.deep.equal(missing);
      }
      // Nothing of the owner changed.
      expect(await snapshot(api.db.pool, owner.id)).to.deep.equal(before);
      // The ids are real: the owner gets something other than "not found" for at least one of them.
      const own = await Promise.all(owned.map((id) => send(operation, owner.token, id, probe)));
      expect(
        own.some((response) => response.status !== 404),
        own.map((r) => `${r.status} ${r.body?.code ?? ''}`).join(', '),
      ).to.equal(true);
    });
  }

  it('shows none of another learner’s objects in the learner’s own lists and views', async () => {
    const views = learnerOperations.filter(
      (operation) => operation.method === 'GET' && !operation.parameters.some((p) => p.in === 'path'),
    );
    expect(views.length).to.be.greaterThan(0);
    let seen = 0;
    for (const operation of views) {
      const response = await api.request('GET', fillPath(operation.template, {}), { token: intruder.token });
      expect(response.status, `${operation.template}: ${response.text}`).to.be.below(500);
      const foreign = new Map<string, Set<number>>();
      for (const key of Object.keys(OWNED)) {
        const mine = new Set(await OWNED[key]!(api.db.pool, intruder.id, operation));
        foreign.set(key, new Set((await OWNED[key]!(api.db.pool, owner.id, operation)).filter((id) => !mine.has(id))));
      }
      const leaks: string[] = [];
      let listed = 0;
      const visit = (value: unknown): void => {
        if (Array.isArray(value)) for (const item of value) visit(item);
        else if (value !== null && typeof value === 'object') {
          for (const [key, inner] of Object.entries(value)) {
            if (foreign.has(key) && typeof inner === 'number') {
              listed += 1;
              if (foreign.get(key)!.has(inner)) leaks.push(`${key} ${inner}`);
            }
            visit(inner);
          }
        }
      };
      visit(response.body);
      expect(leaks, operation.template).to.deep.equal([]);
      seen += listed;
    }
    // The lists did show the intruder's own objects: the check above had something to look at.
    expect(seen).to.be.greaterThan(0);
  });

  it('leaves the database coherent', async () => {
    await assertInvariants(api.db.pool);
  });
});

/** Everything of a learner a probe could change, as one comparable value. */
async function snapshot(pool: pg.Pool, userId: number): Promise<unknown> {
  const { rows } = await pool.query(
    `SELECT
       (SELECT json_agg(row_to_json(a) ORDER BY a.id) FROM level_exam_attempts a WHERE a.user_id = $1) AS level,
       (SELECT json_agg(row_to_json(a) ORDER BY a.id) FROM rank_final_attempts a WHERE a.user_id = $1) AS rank,
       (SELECT json_agg(row_to_json(r) ORDER BY r.id) FROM approval_requests r WHERE r.user_id = $1) AS requests,
       (SELECT json_agg(row_to_json(x) ORDER BY x.stage_id, x.article_id) FROM user_stage_articles x WHERE x.user_id = $1) AS articles,
       (SELECT json_agg(row_to_json(d)) FROM diagnostika_results d WHERE d.user_id = $1) AS diagnostika,
       (SELECT json_agg(row_to_json(p) ORDER BY p.stage_id) FROM user_stage_progress p WHERE p.user_id = $1) AS stages`,
    [userId],
  );
  return rows[0];
}
