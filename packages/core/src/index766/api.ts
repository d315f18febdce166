import { z } from 'zod';
import { INDEX766_GROUPS, INDEX766_INDICATORS } from './indicators.ts';
import { INDEX766_PERIODS } from './period.ts';

/** The index's API bodies, shared by the server (validation) and the web (types). */

const words = z.strictObject({ vi: z.string(), en: z.string() });
const groupKey = z.enum(INDEX766_GROUPS.map((g) => g.group) as [string, ...string[]]);
const indicatorCode = z.enum(INDEX766_INDICATORS.map((i) => i.code) as [string, ...string[]]);
const share = z.number().min(0);

const indicatorBase = {
  code: z.string(),
  group: groupKey,
  name: words,
  formula: words,
  target: z.number(),
  points: z.number(),
  /** "How this is counted" in this system, in words. */
  explanation: words,
};

export const index766IndicatorSchema = z.discriminatedUnion('status', [
  z.strictObject({
    ...indicatorBase,
    status: z.literal('measured'),
    numerator: z.number().int(),
    denominator: z.number().int(),
    rate: share,
    score: share,
  }),
  z.strictObject({
    ...indicatorBase,
    status: z.literal('notMeasured'),
    reason: words,
    partial: z
      .strictObject({ label: words, numerator: z.number().int(), denominator: z.number().int(), rate: share })
      .nullable(),
  }),
]);

const sums = {
  maxPoints: share,
  measuredMax: share,
  score: share,
  unmeasuredPoints: share,
};

export const index766Response = z.strictObject({
  agency: z.strictObject({ id: z.uuid(), name: z.string() }),
  unit: z.strictObject({ id: z.uuid(), name: z.string() }).nullable(),
  period: z.enum(INDEX766_PERIODS),
  year: z.number().int(),
  index: z.number().int(),
  from: z.string(),
  /** The last day counted: the period's end, or today while the period runs. */
  to: z.string(),
  indicators: z.array(index766IndicatorSchema),
  groups: z.array(z.strictObject({ group: groupKey, name: words, ...sums })),
  total: z.strictObject(sums),
});
export type Index766Response = z.infer<typeof index766Response>;
export type Index766IndicatorView = z.infer<typeof index766IndicatorSchema>;

/** One override an administrator sets: null keeps the default (or the national override). */
export const index766OverrideSchema = z.strictObject({
  code: indicatorCode,
  target: z.number().gt(0).max(100).nullable(),
  points: z.number().min(0).max(100).nullable(),
});

/** The targets and points in force for an agency (or nationally) in a year, and the overrides set. */
export const index766TargetsResponse = z.strictObject({
  agencyId: z.uuid().nullable(),
  year: z.number().int(),
  indicators: z.array(
    z.strictObject({
      code: z.string(),
      name: words,
      defaultTarget: z.number(),
      defaultPoints: z.number(),
      /** What applies: this agency's override, else the national one, else the default. */
      target: z.number(),
      points: z.number(),
      override: z.strictObject({ target: z.number().nullable(), points: z.number().nullable() }).nullable(),
    }),
  ),
});
export type Index766TargetsResponse = z.infer<typeof index766TargetsResponse>;

export const index766TargetsUpdateSchema = z.strictObject({
  agencyId: z.uuid().nullable(),
  year: z.number().int().min(2020).max(2100),
  overrides: z
    .array(index766OverrideSchema)
    .max(INDEX766_INDICATORS.length)
    .refine((list) => new Set(list.map((o) => o.code)).size === list.length, { message: 'duplicate_code' }),
});
export type Index766TargetsUpdate = z.infer<typeof index766TargetsUpdateSchema>;
