/**
 * fast-check values from the JSON Schemas of the OpenAPI document: `validValue` follows the schema
 * (types, enums, formats, bounds), `brokenValue` breaks it somewhere, at the top or deep inside,
 * with the kinds of input that have reached the database or the stack before: NUL characters,
 * deep nesting, wrong types, out-of-range numbers, impossible dates, overlong text.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

/**
 * Stands for a value nested 20,000 levels deep; `toJson` writes it as text, since building and
 * serialising such an object would itself need a deep stack.
 */
export const DEEP = '\u0001deeply-nested\u0001';
const deeplyNestedJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** JSON text of a generated value, with every DEEP marker expanded. */
export const toJson = (value: unknown): string =>
  (JSON.stringify(value ?? null) ?? 'null').replaceAll(JSON.stringify(DEEP), deeplyNestedJson(20_000));

const withNul = fc
  .tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }))
  .map(([a, b]) => `${a}\u0000${b}`);

/** Values that are wrong for almost any field. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: withNul },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '\u0000',
      '',
      ' ',
      "1' OR '1'='1",
      '2025-02-30',
      '9999-12-31T23:59:59Z',
      '00000000-0000-0000-0000-000000000000',
      'x'.repeat(5000),
      -1,
      0,
      1e308,
      -1e308,
      2 ** 53,
      null,
      true,
      [],
      {},
      { __proto__: { admin: true } },
    ),
  },
  { weight: 2, arbitrary: fc.constant(DEEP) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  return [];
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return isoDate;
    case 'date-time':
      return isoDate.map((d) => `${d}T08:30:00+07:00`);
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 200));
  }
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length <= (schema.maxLength ?? 1e6));
    } catch {
      // A pattern fast-check cannot invert falls back to plain text.
    }
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, minLength + 40));
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e6);
  const lo = Math.max(min, Number.MIN_SAFE_INTEGER);
  const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
  return integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
    : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

export function validValue(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 1 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validValue(s, depth + 1)));
  if (schema.allOf?.length) return validValue(Object.assign({}, ...schema.allOf), depth + 1);
  const types = typesOf(schema);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return validString(schema);
        case 'integer':
          return validNumber(schema, true);
        case 'number':
          return validNumber(schema, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array': {
          const minLength = schema.minItems ?? 0;
          const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, minLength + 3));
          return fc.array(validValue(schema.items, depth + 1), { minLength, maxLength });
        }
        default: {
          const properties = schema.properties ?? {};
          const model = Object.fromEntries(
            Object.entries(properties).map(([k, s]) => [k, validValue(s, depth + 1)]),
          );
          const record = fc.record(model, { requiredKeys: schema.required ?? [] });
          if (typeof schema.additionalProperties !== 'object') return record;
          return fc
            .tuple(
              record,
              fc.dictionary(
                fc.string({ maxLength: 10 }),
                validValue(schema.additionalProperties, depth + 1),
                { maxKeys: 3 },
              ),
            )
            .map(([r, extra]) => ({ ...extra, ...r }));
        }
      }
    }),
  );
}

/** A value the schema refuses, or that is right in shape but carries junk somewhere inside. */
export function brokenValue(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return junk;
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  const options: fc.Arbitrary<unknown>[] = [junk];
  if (keys.length > 0) {
    options.push(
      fc
        .tuple(validValue(schema, depth), fc.constantFrom(...keys))
        .chain(([value, key]) =>
          brokenValue(properties[key], depth + 1).map((bad) => ({ ...(value as object), [key]: bad })),
        ),
      fc
        .tuple(validValue(schema, depth), fc.constantFrom(...keys))
        .chain(([value, key]) =>
          brokenValue(properties[key], depth + 1).map((bad) => ({ ...(value as object), [key]: bad })),
        ),
      validValue(schema, depth).map((value) => ({ ...(value as object), [`x\u0000${depth}`]: 'y' })),
    );
  }
  if (typeof schema.additionalProperties === 'object')
    options.push(
      fc
        .tuple(validValue(schema, depth), fc.oneof(junk, fc.constant(DEEP)))
        .map(([value, bad]) => ({ ...(value as object), extra: bad })),
    );
  if (typesOf(schema).includes('array') && schema.items)
    options.push(
      fc
        .tuple(
          fc.array(validValue(schema.items, depth + 1), { maxLength: 2 }),
          brokenValue(schema.items, depth + 1),
        )
        .map(([list, bad]) => [...list, bad]),
    );
  return fc.oneof(...options);
}
