import fc from 'fast-check';
import type { Schema } from './openapi-operations.js';

/**
 * fast-check arbitraries from (inlined) JSON Schemas of openapi.yaml: values that satisfy a
 * schema, and values that break it in the ways clients get wrong — wrong types, out-of-range and
 * huge numbers, too short / too long / huge / exotic-unicode strings, unknown enum members,
 * missing required and unknown properties. Unknown schema constructs fall back to any JSON.
 */
const HUGE = 20_000;

/** Strings that have broken servers before: SQL, NUL, lone surrogates, RTL, emoji, format strings, … */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '"; SELECT pg_sleep(10); --',
  '\\',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u0644\u0627',
  '😀👩‍👩‍👧‍👦',
  'ｆｕｌｌｗｉｄｔｈ',
  '%s%s%n',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  'null',
  'undefined',
  '0',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
];

export const NASTY_NUMBERS: readonly unknown[] = [
  0,
  -1,
  -0.5,
  1.5,
  2 ** 31,
  2 ** 53,
  2 ** 63,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  '1',
  '',
  null,
  true,
  [],
  {},
];

function types(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type as string[];
  if (typeof schema.type === 'string') return [schema.type];
  if (schema.properties !== undefined || schema.required !== undefined) return ['object'];
  if (schema.items !== undefined) return ['array'];
  if (schema.enum !== undefined)
    return [...new Set((schema.enum as unknown[]).map((v) => (v === null ? 'null' : typeof v)))];
  return [];
}

const anyJson = fc.jsonValue({ maxDepth: 2 });

export function validValue(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(schema[key]))
      return fc.oneof(...(schema[key] as Schema[]).map((option) => validValue(option, depth + 1)));
  }
  if (Array.isArray(schema.allOf)) return validValue(Object.assign({}, ...(schema.allOf as Schema[])), depth);
  const options = types(schema).map((type) => validOfType(type, schema, depth));
  return options.length === 0 ? anyJson : fc.oneof(...options);
}

function validOfType(type: string, schema: Schema, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min =
        (schema.minimum as number | undefined) ?? (schema.exclusiveMinimum as number | undefined) ?? -1_000_000;
      const max = Math.min((schema.maximum as number | undefined) ?? 1_000_000, Number.MAX_SAFE_INTEGER);
      const wide = fc.integer({ min: Math.max(min, -2_147_483_648), max: Math.min(max, 2_147_483_647) });
      // Ids: mostly small ones, so requests reach rows that exist.
      return min >= 1
        ? fc.oneof(
            { weight: 3, arbitrary: fc.integer({ min, max: Math.min(max, min + 40) }) },
            { weight: 1, arbitrary: wide },
          )
        : wide;
    }
    case 'string':
      return validString(schema);
    case 'array': {
      const minLength = (schema.minItems as number | undefined) ?? 0;
      const maxLength = Math.min((schema.maxItems as number | undefined) ?? minLength + 4, minLength + 6);
      return depth > 4
        ? fc.constant([])
        : fc.array(validValue((schema.items as Schema | undefined) ?? {}, depth + 1), { minLength, maxLength });
    }
    case 'object':
      return validObject(schema, depth);
    default:
      return anyJson;
  }
}

function validString(schema: Schema): fc.Arbitrary<string> {
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = Math.min((schema.maxLength as number | undefined) ?? 64, Math.max(minLength, 64));
  switch (schema.format) {
    case 'email':
      return fc
        .emailAddress()
        .filter(
          (email) => email.length >= minLength && email.length <= ((schema.maxLength as number | undefined) ?? 254),
        );
    case 'date-time':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    case 'uri':
    case 'uri-reference':
      return fc.webUrl();
    default:
      if (typeof schema.pattern === 'string')
        return fc
          .stringMatching(new RegExp(schema.pattern as string))
          .filter((s) => s.length >= minLength && s.length <= maxLength);
      return fc.oneof(
        { weight: 4, arbitrary: fc.string({ minLength, maxLength }) },
        { weight: 2, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(...NASTY_STRINGS).filter((s) => s.length >= minLength && s.length <= maxLength),
        },
      );
  }
}

function validObject(schema: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  if (depth > 4) return fc.constant({});
  const record = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [name, validValue(property, depth + 1)]),
  );
  return fc.record(record, {
    requiredKeys: Object.keys(properties).filter((name) => required.has(name)),
  }) as fc.Arbitrary<Record<string, unknown>>;
}

/** A value of the wrong shape for `schema` (or a nasty one of the right type). */
export function invalidValue(schema: Schema): fc.Arbitrary<unknown> {
  const kinds = types(schema);
  const options: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(...NASTY_NUMBERS),
    fc.constantFrom(...NASTY_STRINGS),
    fc.string({ unit: 'binary', maxLength: 40 }),
    anyJson,
  ];
  if (kinds.includes('string')) {
    const maxLength = schema.maxLength as number | undefined;
    if (maxLength !== undefined) options.push(fc.constant('x'.repeat(maxLength + 1)));
    options.push(fc.constant('é'.repeat(HUGE)));
    if (schema.format !== undefined)
      options.push(
        fc.constantFrom(
          'not-a-value',
          '@',
          'a@',
          '@b.c',
          'ü@ü.ü',
          `${'a'.repeat(300)}@example.com`,
          '2024-13-45T25:61:00Z',
        ),
      );
  }
  if (Array.isArray(schema.enum)) options.push(fc.constantFrom('not-in-the-enum', 'ACTIVE', ''));
  if (kinds.includes('object')) options.push(fc.constantFrom([], 'object', 1, null));
  if (kinds.includes('array'))
    options.push(
      fc.constantFrom({}, 'array', [[[[[]]]]]),
      fc.array(fc.constantFrom(...NASTY_NUMBERS), { maxLength: 200 }),
    );
  return fc.oneof(...options);
}

/** A body that breaks an object schema in one way: a missing required field, an unknown field, a bad field value. */
export function invalidObject(schema: Schema): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const names = Object.keys(properties);
  const required = (schema.required ?? []) as string[];
  const base = validObject(schema, 0);
  const mutations: fc.Arbitrary<unknown>[] = [
    fc
      .tuple(base, fc.constantFrom('unknown_field', 'isAdmin', '__proto__', 'id', 'constructor', '$where'), anyJson)
      .map(([body, key, value]) => ({ ...body, [key]: value })),
    invalidValue(schema),
  ];
  if (required.length > 0)
    mutations.push(
      fc
        .tuple(base, fc.constantFrom(...required))
        .map(([body, key]) => Object.fromEntries(Object.entries(body).filter(([name]) => name !== key))),
    );
  if (names.length > 0) {
    mutations.push(
      fc
        .constantFrom(...names)
        .chain((name) => fc.tuple(base, fc.constant(name), invalidValue(properties[name]!)))
        .map(([body, name, value]) => ({ ...body, [name]: value })),
    );
  }
  return fc.oneof(...mutations);
}
