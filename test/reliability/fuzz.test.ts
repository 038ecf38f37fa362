import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { expect } from 'chai';
import fc from 'fast-check';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { useApi } from '../support/api.js';
import { contractViolations } from '../support/contract.js';
import { newAdmin, newLearner, type Admin, type Learner } from '../support/fixtures/identity.js';
import { COOKIE, logIn } from '../support/fixtures/sessions.js';
import {
  errorCodes,
  fillPath,
  listOperations,
  type Operation,
  type Schema,
} from '../support/reliability/openapi-operations.js';
import { scaled } from '../support/reliability/long-runs.js';
import { invalidObject, invalidValue, NASTY_STRINGS, validValue } from '../support/reliability/schema-arbitraries.js';
import { assertInvariants } from './invariants.js';

/**
 * Bad input: property-based fuzzing of EVERY operation of openapi.yaml (read when the
 * suite loads, so new operations are covered without touching this file). Each operation gets
 * its share of FUZZ_RUNS requests — broken bodies (missing / unknown / mistyped fields, huge and
 * exotic strings, malformed JSON, wrong content types, oversized, in a Content-Encoding that is refused
 * or does not match the body), oversized headers, broken path and query values,
 * missing / garbage / wrong-kind tokens, other methods — and, most of the time, a valid token of
 * the operation's own kind and otherwise valid input, so the validator AND the handlers run.
 *
 * Properties: no 5xx; every error is application/problem+json with a `code` of the ErrorCode
 * enum and its own status; every response conforms to the contract; no secret reaches a log line.
 *
 * FUZZ_RUNS (default 5000, 50000 under RELIABILITY_LONG=1) and FUZZ_SEED (default fixed) choose
 * the size and the sequence:
 *   FUZZ_RUNS=50000 FUZZ_SEED=$RANDOM npx mocha test/reliability/fuzz.test.ts
 * A failure prints the seed and path to replay it.
 */
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? scaled(5_000, 50_000));
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 90_210);
const BODY_LIMIT_KB = 100;

const operations = listOperations();
const codes = errorCodes();
const runsPerOperation = Math.max(50, Math.ceil(FUZZ_RUNS / Math.max(1, operations.length)));

/** Stands for the fuzz learner's and admin's real refresh cookies in a generated request. */
const LIVE_COOKIES = 'live-refresh-cookies';

type AuthKind = 'none' | 'learner' | 'admin' | 'garbage' | 'basic' | 'bearer-only';

interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly auth: AuthKind;
  readonly headers: Readonly<Record<string, string>>;
  /** undefined: no body; otherwise the raw text sent. */
  readonly body?: string;
  readonly contentType?: string;
  /** A Content-Encoding header, and whether the body really is in that coding (else it is sent as it is). */
  readonly coding?: { readonly header: string; readonly encoded: boolean };
}

/** Accepted codings (encoded or not, so mismatched) and refused ones (docs/decisions.md, "Bad transport input"). */
const CODINGS = ['gzip', 'deflate', 'br', 'identity', 'zstd', 'compress', 'gzip, br', 'x-unknown'];
const ENCODERS: Readonly<Record<string, (text: string) => Buffer>> = {
  gzip: (text) => gzipSync(text),
  deflate: (text) => deflateSync(text),
  br: (text) => brotliCompressSync(text),
};

const BAD_PATH_VALUES = [
  '-1',
  '0',
  '00',
  '+1',
  '1.5',
  '1e3',
  '0x10',
  'NaN',
  'abc',
  ' 1',
  '9007199254740992',
  '99999999999999999999999999',
  "1' OR '1'='1",
  '😀',
  '%',
  '..',
  'x'.repeat(600),
];
const MALFORMED_JSON = [
  '{',
  '{"',
  '{"a":}',
  '[1,]',
  'nul',
  "{'a': 1}",
  '{"a": 1}}',
  '\u0000',
  '"\\ud800"',
  '['.repeat(2_000),
  `{"a":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
  '{"a": 1e999999}',
  '\ufeff{}',
];
const OTHER_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/merge-patch+json',
  'application/octet-stream',
  'nonsense',
];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function pathValue(schema: Schema): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: validValue(schema) },
    { weight: 2, arbitrary: fc.constantFrom(...BAD_PATH_VALUES) },
    { weight: 1, arbitrary: fc.integer() },
  );
}

/**
 * Query values stay short, so the validator and handlers see them: a request line beyond Node's
 * 16 kB header limit never reaches the app (431 `headers_too_large`, docs/decisions.md, "Bad transport input").
 */
const MAX_QUERY_VALUE = 1_000;

function queryArbitrary(operation: Operation): fc.Arbitrary<string> {
  const query = operation.parameters.filter((parameter) => parameter.in === 'query');
  const pairs = query.map((parameter) =>
    fc
      .option(
        fc.oneof(
          { weight: 3, arbitrary: validValue(parameter.schema) },
          { weight: 1, arbitrary: invalidValue(parameter.schema) },
        ),
        { nil: undefined },
      )
      .map((value) =>
        value === undefined
          ? undefined
          : ([parameter.name, typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined')] as [
              string,
              string,
            ]),
      )
      .filter((pair) => pair === undefined || pair[1].length <= MAX_QUERY_VALUE),
  );
  const extra = fc.option(
    fc.tuple(
      fc.constantFrom('debug', 'limit', 'cursor', 'user_id', '__proto__', 'a[b]'),
      fc.constantFrom(...NASTY_STRINGS),
    ),
    { nil: undefined, freq: 8 },
  );
  return fc.tuple(fc.tuple(...pairs), extra).map(([chosen, more]) => {
    const entries = [...chosen, more].filter((entry): entry is [string, string] => entry !== undefined);
    return entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`;
  });
}

function bodyArbitrary(operation: Operation): fc.Arbitrary<{ body?: string; contentType?: string }> {
  const json = (value: unknown) => ({ body: JSON.stringify(value), contentType: 'application/json' });
  const raw = [
    {
      weight: 1,
      arbitrary: fc.constantFrom(...MALFORMED_JSON).map((body) => ({ body, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...OTHER_CONTENT_TYPES), fc.jsonValue({ maxDepth: 2 }))
        .map(([contentType, value]) => ({ body: JSON.stringify(value), contentType })),
    },
    { weight: 1, arbitrary: fc.constant({}) },
  ];
  // Rare: the body limit (413), before anything else reads the body.
  const oversized = {
    weight: 1,
    arbitrary: fc.constant({
      body: JSON.stringify({ filler: 'x'.repeat((BODY_LIMIT_KB + 8) * 1024) }),
      contentType: 'application/json',
    }),
  };
  if (operation.body === undefined)
    return fc.oneof(
      { weight: 12, arbitrary: fc.constant({}) },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }).map(json) },
      ...raw,
      oversized,
    );
  const schema = operation.body.schema;
  return fc.oneof(
    { weight: 6, arbitrary: validValue(schema).map(json) },
    { weight: 8, arbitrary: invalidObject(schema).map(json) },
    ...raw,
    oversized,
  );
}

function requestArbitrary(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const pathParams = operation.parameters.filter((parameter) => parameter.in === 'path');
  const values = fc.record(
    Object.fromEntries(pathParams.map((parameter) => [parameter.name, pathValue(parameter.schema)])),
  );
  const own: AuthKind = operation.security === 'none' ? 'none' : operation.security;
  const auth = fc.oneof(
    { weight: 8, arbitrary: fc.constant(own) },
    { weight: 3, arbitrary: fc.constantFrom<AuthKind>('none', 'learner', 'admin', 'garbage', 'basic', 'bearer-only') },
  );
  const method = fc.oneof(
    { weight: 19, arbitrary: fc.constant(operation.method) },
    { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
  );
  const headers = fc.record(
    {
      'x-request-id': fc.constantFrom('ok-id', 'x'.repeat(200), 'bad id', '\u00e9'),
      accept: fc.constantFrom('text/html', '*/*', 'application/xml'),
      // LIVE_COOKIES is replaced by the run's real refresh cookies (see send()); the rest are broken ones.
      cookie: fc.constantFrom(
        LIVE_COOKIES,
        'alp_refresh=',
        'alp_refresh=%E0%A4%A',
        'alp_admin_refresh=x'.repeat(50),
        ';;=',
      ),
      origin: fc.constantFrom('https://evil.example.com', 'null'),
    },
    { requiredKeys: [] },
  );
  // Rare: headers beyond Node's 16 kB limit, answered 431 problem+json by the server's clientError handler.
  const withFiller = fc.oneof(
    { weight: 30, arbitrary: headers },
    { weight: 1, arbitrary: headers.map((extra) => ({ ...extra, 'x-filler': 'x'.repeat(17 * 1024) })) },
  );
  const coding = fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.record({ header: fc.constantFrom(...CODINGS), encoded: fc.boolean() }) },
  );
  return fc
    .tuple(values, queryArbitrary(operation), auth, method, withFiller, bodyArbitrary(operation), coding)
    .map(([params, query, authKind, verb, extra, body, bodyCoding]) => ({
      method: verb,
      path: fillPath(operation.template, params) + query,
      auth: authKind,
      headers: extra,
      // fetch refuses a body on GET; those requests go without.
      ...(verb === 'GET' ? {} : { ...body, coding: bodyCoding }),
    }));
}

describe('reliability: fuzzing every operation of openapi.yaml', function () {
  this.timeout(60_000 + runsPerOperation * 60);
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  const api = useApi({ logger: createLogger('trace', sink), env: { BODY_LIMIT_KB: String(BODY_LIMIT_KB) } });
  let learner: Learner;
  let admin: Admin;
  let sent = 0;
  const canaries: string[] = [];

  let liveCookies = '';
  const refreshTokens: string[] = [];

  before(async () => {
    learner = await newLearner(api);
    admin = await newAdmin(api);
    // An open diagnostika, so its autosave (and submit) reach the validation against real questions, not a 404.
    const diagnostika = await api.request('POST', '/api/v1/diagnostika/start', { token: learner.token });
    expect(diagnostika.status, diagnostika.text).to.equal(201);
    // Sessions of their own, so refresh and logout also run with cookies that exist.
    const learnerSession = await logIn(api, 'learner', learner);
    const adminSession = await logIn(api, 'admin', admin);
    refreshTokens.push(learnerSession.refreshToken, adminSession.refreshToken);
    liveCookies = `${COOKIE.learner}=${learnerSession.refreshToken}; ${COOKIE.admin}=${adminSession.refreshToken}`;
  });

  const authorization = (kind: AuthKind): Record<string, string> => {
    switch (kind) {
      case 'learner':
        return { authorization: `Bearer ${learner.token}` };
      case 'admin':
        return { authorization: `Bearer ${admin.token}` };
      case 'garbage':
        return { authorization: 'Bearer not.a.jwt' };
      case 'basic':
        return { authorization: 'Basic dXNlcjpwYXNzd29yZA==' };
      case 'bearer-only':
        return { authorization: 'Bearer' };
      default:
        return {};
    }
  };

  /** Passwords in valid bodies become recorded canaries, so the log check knows what to look for. */
  const withCanaries = (text: string | undefined): string | undefined => {
    if (text === undefined || !text.includes('password')) return text;
    try {
      const value = JSON.parse(text) as unknown;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return text;
      const body = value as Record<string, unknown>;
      for (const key of Object.keys(body)) {
        if (/password/i.test(key) && typeof body[key] === 'string' && (body[key] as string).length >= 8) {
          const canary = `canary-${randomBytes(6).toString('hex')}`;
          canaries.push(canary);
          body[key] = canary;
        }
      }
      return JSON.stringify(body);
    } catch {
      return text;
    }
  };

  async function send(request: FuzzRequest): Promise<void> {
    const body = withCanaries(request.body);
    const headers: Record<string, string> = { ...request.headers, ...authorization(request.auth) };
    if (headers.cookie === LIVE_COOKIES) headers.cookie = liveCookies;
    if (request.contentType !== undefined) headers['content-type'] = request.contentType;
    let payload: string | Buffer | undefined = body;
    if (request.coding !== undefined && body !== undefined) {
      headers['content-encoding'] = request.coding.header;
      const encode = ENCODERS[request.coding.header];
      if (request.coding.encoded && encode !== undefined) payload = encode(body);
    }
    sent += 1;
    const response = await fetch(`${api.baseUrl}${request.path}`, { method: request.method, headers, body: payload });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const coded =
      request.coding === undefined ? '' : `, ${request.coding.header} ${request.coding.encoded ? 'encoded' : 'raw'}`;
    const where = `${request.method} ${request.path.slice(0, 200)} [auth ${request.auth}, ${request.contentType ?? 'no body'}${coded}] ${body?.slice(0, 200) ?? ''}\n→ ${response.status} ${text.slice(0, 400)}`;
    if (response.status >= 500) throw new Error(`5xx: ${where}`);
    let parsed: unknown = text;
    if (/json/.test(contentType) && text.length > 0) parsed = JSON.parse(text);
    if (response.status >= 400) {
      if (!contentType.startsWith('application/problem+json')) throw new Error(`error without problem+json: ${where}`);
      const problem = parsed as { code?: string; status?: number };
      if (!codes.includes(problem.code ?? ''))
        throw new Error(`unknown problem code ${String(problem.code)}: ${where}`);
      if (problem.status !== response.status)
        throw new Error(`problem status ${String(problem.status)} ≠ ${response.status}: ${where}`);
    }
    const violations = contractViolations({
      method: request.method,
      path: request.path,
      status: response.status,
      contentType: contentType || undefined,
      body: parsed,
      rawBody: text,
    });
    if (violations.length > 0) throw new Error(`contract: ${violations.join('; ')}: ${where}`);
  }

  for (const [index, operation] of operations.entries()) {
    it(`${operation.method} ${operation.template} (${operation.operationId}): ${runsPerOperation} requests → no 5xx, problem+json with a known code`, async () => {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(operation), async (request) => {
          await send(request);
        }),
        {
          seed: FUZZ_SEED + index,
          numRuns: runsPerOperation,
          endOnFailure: true,
          // The default report prints the whole counterexample (bodies of 100 kB); say what failed and how to replay
          // it.
          reporter: (run) => {
            if (!run.failed) return;
            const cause = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
            throw new Error(
              `${cause}\nreplay: FUZZ_SEED=${FUZZ_SEED} (seed ${run.seed}, path "${run.counterexamplePath ?? ''}")`,
            );
          },
        },
      );
    });
  }

  it(`sent at least FUZZ_RUNS (${FUZZ_RUNS}) requests over ${operations.length} operations`, () => {
    expect(sent).to.be.at.least(FUZZ_RUNS);
  });

  it('logged no password, hash, access or refresh token while being fuzzed', () => {
    const log = lines.join('');
    expect(lines.length).to.be.greaterThan(sent / 2);
    expect(canaries.length).to.be.greaterThan(0);
    const leaked = [
      ...canaries,
      learner.password,
      admin.password,
      learner.token,
      admin.token,
      learner.token.split('.')[2]!,
      admin.token.split('.')[2]!,
      ...refreshTokens,
      '$argon2',
    ].filter((secret) => log.includes(secret));
    expect(leaked).to.deep.equal([]);
  });

  it('left the database coherent', async () => {
    await assertInvariants(api.db.pool);
  });
});
