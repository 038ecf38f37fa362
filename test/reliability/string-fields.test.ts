import { expect } from 'chai';
import { useApi, type ApiResponse } from '../support/api.js';
import { newAdmin, newLearner, type Admin, type Learner } from '../support/fixtures/identity.js';
import { fillPath, listOperations, type Operation, type Schema } from '../support/reliability/openapi-operations.js';
import { assertInvariants } from './invariants.js';

/**
 * SQL injection: impossible by construction (parameters only), and
 * payloads in every string field round-trip verbatim. Generic over openapi.yaml: every string
 * field of every JSON request body (top level, and arrays of strings) receives SQL-injection
 * payloads and the strings that break text handling (NUL, lone surrogates, RTL, emoji …) on a
 * request that is otherwise the operation's own example. Whatever is accepted and returned — in
 * the response, and where a GET of the created resource exists, read back — must be exactly what
 * was sent; nothing may be a 5xx; every table must still be there (the invariant queries read
 * them all).
 */
const SQL_PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  "Robert'); DROP TABLE approval_requests;--",
  '" OR ""="',
  '1; SELECT pg_sleep(5) --',
  "') UNION SELECT password_hash FROM users --",
  '$1 $2 %s %n',
  "O'Reilly \\' \\\\",
];
/**
 * Text that breaks naive handling: empty and blank, NUL (PostgreSQL text cannot hold it), lone surrogates, RTL
 * override, emoji, format and template strings.
 */
const HOSTILE_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202e\u0644\u0627',
  '😀👩‍👩‍👧‍👦',
  '%s%s%n',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
];
/** SQL-ish emails the contract's email format accepts (stored lower-cased, so written lower-case). */
const EMAIL_PAYLOADS = ["o'reilly+--@example.com", "x'or'1'='1@example.com", 'q=1/*drop*/@example.com'];

interface StringField {
  readonly name: string;
  readonly array: boolean;
  readonly email: boolean;
  readonly maxLength: number;
}

function isPlainString(schema: Schema): boolean {
  const type = schema.type;
  const stringy =
    type === 'string' ||
    (Array.isArray(type) && type.includes('string')) ||
    (Array.isArray(schema.oneOf) && (schema.oneOf as Schema[]).some((option) => option.type === 'string'));
  return (
    stringy &&
    schema.enum === undefined &&
    schema.pattern === undefined &&
    (schema.format === undefined || schema.format === 'email')
  );
}

function stringFields(schema: Schema): StringField[] {
  return Object.entries((schema.properties ?? {}) as Record<string, Schema>).flatMap(
    ([name, property]): StringField[] => {
      if (/password/i.test(name)) return [];
      const array = property.type === 'array' && isPlainString((property.items ?? {}) as Schema);
      const target = array ? (property.items as Schema) : property;
      if (!array && !isPlainString(property)) return [];
      return [
        {
          name,
          array,
          email: target.format === 'email',
          maxLength: (target.maxLength as number | undefined) ?? 10_000,
        },
      ];
    },
  );
}

const operations = listOperations().filter(
  (operation) =>
    operation.body !== undefined &&
    /json/.test(operation.body.contentType) &&
    operation.body.example !== undefined &&
    stringFields(operation.body.schema).length > 0,
);

describe('security: SQL injection and hostile strings in every string field', function () {
  this.timeout(180_000);
  const api = useApi();
  let learner: Learner;
  let admin: Admin;
  let counter = 0;
  const roundTrips: string[] = [];

  before(async () => {
    learner = await newLearner(api);
    admin = await newAdmin(api);
  });

  const tokenFor = (operation: Operation) =>
    operation.security === 'learner' ? learner.token : operation.security === 'admin' ? admin.token : undefined;

  /** The example body with `field` set to `value` and every other free-text field made unique (names, emails, refs). */
  function bodyWith(operation: Operation, field: StringField, value: string): Record<string, unknown> {
    counter += 1;
    const body = structuredClone(operation.body!.example) as Record<string, unknown>;
    for (const other of stringFields(operation.body!.schema)) {
      if (other.name === field.name || typeof body[other.name] !== 'string') continue;
      body[other.name] = other.email
        ? `u${counter}.${String(body[other.name])}`
        : `${String(body[other.name])} ${counter}`;
    }
    if (field.array) {
      const items = Array.isArray(body[field.name]) ? [...(body[field.name] as unknown[])] : ['a', 'b'];
      items[0] = value;
      body[field.name] = items;
    } else {
      body[field.name] = value;
    }
    return body;
  }

  const path = (operation: Operation) =>
    fillPath(
      operation.template,
      Object.fromEntries(
        operation.parameters
          .filter((p) => p.in === 'path')
          .map((p) => [p.name, (p.example as number | undefined) ?? 1]),
      ),
    );

  /** The field as the response carries it at its top level (a list of strings compares by its first item). */
  function echoOf(document: unknown, field: StringField): unknown {
    if (document === null || typeof document !== 'object' || Array.isArray(document)) return undefined;
    const value = (document as Record<string, unknown>)[field.name];
    if (field.array) return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
    return typeof value === 'string' ? value : undefined;
  }

  /** A GET of what was just created, when the contract has one (`POST /x` → `GET /x/{id}`). */
  function readBack(operation: Operation, response: ApiResponse): string | undefined {
    if (operation.method !== 'POST' || typeof response.body?.id !== 'number') return undefined;
    const reader = listOperations().find(
      (candidate) =>
        candidate.method === 'GET' &&
        candidate.security === operation.security &&
        new RegExp(`^${operation.template.replace(/[{}]/g, '\\$&')}/\\{[^}]+\\}$`).test(candidate.template),
    );
    if (reader === undefined) return undefined;
    const param = reader.parameters.filter((p) => p.in === 'path').at(-1)!.name;
    const values = Object.fromEntries(
      operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, (p.example as number | undefined) ?? 1]),
    );
    return fillPath(reader.template, { ...values, [param]: response.body.id });
  }

  for (const operation of operations) {
    for (const field of stringFields(operation.body!.schema)) {
      it(`${operation.method} ${operation.template} ${field.name}${field.array ? '[]' : ''}: payloads stored verbatim or refused, never a 5xx`, async () => {
        const payloads = field.email
          ? EMAIL_PAYLOADS.map((email) => `${counter + 1}.${email}`)
          : [...SQL_PAYLOADS.map((payload) => `${payload} #${counter + 1}`), ...HOSTILE_TEXT];
        for (const payload of payloads) {
          const value = payload.slice(0, field.maxLength);
          const response = await api.request(operation.method, path(operation), {
            token: tokenFor(operation),
            body: bodyWith(operation, field, value),
          });
          expect(response.status, `${value}: ${response.text}`).to.be.below(500);
          if (response.status >= 300 || !SQL_PAYLOADS.concat(EMAIL_PAYLOADS).some((sql) => payload.includes(sql)))
            continue;
          // Accepted: wherever the field comes back, it is exactly what was sent.
          const echoed = echoOf(response.body, field);
          if (echoed !== undefined) {
            expect(echoed, `${field.name} in ${response.text}`).to.equal(value);
            roundTrips.push(`${operation.operationId}.${field.name}`);
          }
          const again = readBack(operation, response);
          if (again !== undefined) {
            const read = await api.request('GET', again, { token: tokenFor(operation) });
            expect(read.status, read.text).to.equal(200);
            const stored = echoOf(read.body, field);
            if (stored !== undefined) expect(stored, `${again} ${field.name}`).to.equal(value);
            roundTrips.push(`${operation.operationId}.${field.name} (read back)`);
          }
        }
      });
    }
  }

  it('round-trips a signup full name verbatim through signup, login and GET /users/me', async () => {
    for (const payload of SQL_PAYLOADS) {
      const fullName = `${payload} #${(counter += 1)}`;
      const someone = await newLearner(api, { full_name: fullName });
      const me = await api.request('GET', '/api/v1/users/me', { token: someone.token });
      expect(me.body.full_name).to.equal(fullName);
    }
  });

  it('round-tripped payloads through several operations, and every table is intact', async () => {
    const covered = [...new Set(roundTrips)];
    expect(covered).to.include('signUp.full_name');
    expect(covered.length, covered.join(', ')).to.be.at.least(3);
    // The invariant queries read every table the payloads aimed at.
    await assertInvariants(api.db.pool);
    const { rows } = await api.db.pool.query(`SELECT count(*)::int AS n FROM users`);
    expect(rows[0].n).to.be.greaterThan(SQL_PAYLOADS.length);
  });
});
