import {
  NATIONAL_CODE_PATTERN,
  type ProcedureContent,
  procedureContentSchema,
  processingHours,
  publishProblems,
} from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { DEMO_FIELDS, DEMO_PROCEDURES } from '../src/seed/catalogue-data.ts';
import { DEMO_AGENCY_CODE, DEMO_UNIT_CODES } from '../src/seed/organisation-data.ts';

/**
 * The most working hours the internal steps may take. Calendar days are turned into the working
 * days they surely contain (five in seven, holidays aside); null when there is no time yet.
 */
function stepBudgetHours(p: ProcedureContent): number | null {
  const exact = processingHours(p.processingTime);
  if (exact !== null) return exact;
  if (p.processingTime.value !== null && p.processingTime.unit === 'calendar_days') {
    return Math.floor((p.processingTime.value * 5) / 7) * 8;
  }
  return null;
}

const label = (p: ProcedureContent) => `${p.code} ${p.name}`;

describe('demo procedure catalogue', () => {
  it('has at least 40 procedures', () => {
    expect(DEMO_PROCEDURES.length).toBeGreaterThanOrEqual(40);
  });

  it('validates every procedure with the catalogue schema', () => {
    for (const p of DEMO_PROCEDURES) {
      const result = procedureContentSchema.safeParse(p);
      expect(result.success, `${label(p)}: ${result.error?.message ?? ''}`).toBe(true);
    }
  });

  it('uses unique procedure codes, national ones in the national format', () => {
    const codes = DEMO_PROCEDURES.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of DEMO_PROCEDURES.filter((x) => x.codeKind === 'national')) {
      expect(p.code, label(p)).toMatch(NATIONAL_CODE_PATTERN);
    }
  });

  it('has fields with unique kebab-case ASCII codes, and every procedure in one of them', () => {
    const codes = DEMO_FIELDS.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const f of DEMO_FIELDS) {
      expect(f.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(f.name.trim().length).toBeGreaterThan(0);
    }
    for (const p of DEMO_PROCEDURES) expect(codes, label(p)).toContain(p.fieldCode);
  });

  it('belongs to the demo agency at provincial level, with one shared publication decision', () => {
    for (const p of DEMO_PROCEDURES) {
      expect(p.agencyCode, label(p)).toBe(DEMO_AGENCY_CODE);
      expect(p.level, label(p)).toBe('province');
      expect(p.publication, label(p)).toEqual(DEMO_PROCEDURES[0]?.publication);
    }
    expect(DEMO_PROCEDURES[0]?.publication).not.toBeNull();
  });

  it('can publish every procedure, figures awaiting confirmation only warning', () => {
    for (const p of DEMO_PROCEDURES) {
      const errors = publishProblems(p).filter((x) => x.severity === 'error');
      expect(errors, label(p)).toEqual([]);
    }
  });

  it('flags every figure that is not known', () => {
    for (const p of DEMO_PROCEDURES) {
      const flags = new Set(p.needsReview);
      expect(flags.size, `${label(p)}: duplicate flags`).toBe(p.needsReview.length);
      if (p.processingTime.value === null) expect(flags.has('processingTime'), label(p)).toBe(true);
      if (p.fees.some((f) => f.amountVnd === null)) expect(flags.has('fees'), label(p)).toBe(true);
      if (p.documents.length === 0) expect(flags.has('documents'), label(p)).toBe(true);
      if (p.legalBasis.length === 0) expect(flags.has('legalBasis'), label(p)).toBe(true);
      if (p.steps.length === 0) expect(flags.has('steps'), label(p)).toBe(true);
      if (p.codeKind === 'local') expect(flags.has('code'), label(p)).toBe(true);
    }
  });

  it('notes where an unknown fee amount comes from', () => {
    for (const p of DEMO_PROCEDURES) {
      for (const f of p.fees.filter((x) => x.amountVnd === null)) {
        expect(f.note?.trim().length ?? 0, label(p)).toBeGreaterThan(0);
      }
    }
  });

  it('keeps internal steps within the processing time, in units of the agency', () => {
    const unitCodes = new Set<string>(Object.values(DEMO_UNIT_CODES));
    for (const p of DEMO_PROCEDURES) {
      for (const s of p.steps) {
        if (s.unitCode !== undefined)
          expect(unitCodes.has(s.unitCode), `${label(p)}: ${s.unitCode}`).toBe(true);
      }
      if (p.steps.length === 0) continue;
      const budget = stepBudgetHours(p);
      // Without a processing time there is no budget to share out, so the steps must wait for it.
      expect(budget, `${label(p)}: steps without a processing time`).not.toBeNull();
      const total = p.steps.reduce((sum, s) => sum + s.hours, 0);
      expect(total, label(p)).toBeLessThanOrEqual(budget ?? 0);
    }
  });
});
