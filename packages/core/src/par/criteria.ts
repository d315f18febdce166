import { z } from 'zod';
import type { Localised } from '../i18n/locale.ts';

/**
 * The PAR Index criteria tree (bộ tiêu chí Chỉ số CCHC) of one province and year, as data: areas
 * (lĩnh vực) → criteria (tiêu chí) → sub-criteria (tiêu chí thành phần). The code carries the place
 * in the tree ("3" an area, "3.2" its criterion, "3.2.1" a sub-criterion), so a flat list from a
 * workbook and a JSON file are read the same way. Only leaves are scored; a parent's maximum is the
 * sum of its children's.
 */

/** Figures the system holds that can stand as evidence for a criterion (server reform/measures.ts). */
export const PAR_SYSTEM_MEASURES = ['on_time_rate', 'online_full_share', 'tasks_on_time'] as const;
export type ParSystemMeasure = (typeof PAR_SYSTEM_MEASURES)[number];

export const PAR_CODE_PATTERN = /^[1-9]\d?(\.[1-9]\d?){0,2}$/;

export const parCriterionInput = z.strictObject({
  code: z.string().trim().regex(PAR_CODE_PATTERN),
  name: z.string().trim().min(1).max(1000),
  maxPoints: z.number().positive().max(100),
  guidance: z.string().trim().max(4000).default(''),
  evidence: z.string().trim().max(2000).default(''),
  /** A figure of the system's own shown as evidence; only on a leaf. */
  systemMeasure: z.enum(PAR_SYSTEM_MEASURES).nullable().default(null),
  /** Points from the provincial sociological survey (điều tra xã hội học), entered at appraisal. */
  survey: z.boolean().default(false),
  /** Code of the unit that remedies the criterion when it loses points (e.g. "SNV.VP"). */
  owner: z.string().trim().max(50).nullable().default(null),
});
export type ParCriterionInput = z.input<typeof parCriterionInput>;
export type ParCriterion = z.output<typeof parCriterionInput>;

export const parFrameworkFile = z.strictObject({
  format: z.literal('motcua.par-criteria'),
  version: z.literal(1),
  title: z.string().trim().min(1).max(500),
  /** Free text shown with the framework, e.g. that it is a demo template. */
  note: z.string().trim().max(2000).default(''),
  criteria: z.array(z.unknown()).min(1).max(500),
});

export const parentCode = (code: string): string | null =>
  code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;

export const parLevel = (code: string): 1 | 2 | 3 => code.split('.').length as 1 | 2 | 3;

/** Points kept to two decimals (quarter points are common), so sums compare exactly. */
export const roundPoints = (n: number): number => Math.round(n * 100) / 100;

export interface CriteriaIssue {
  /** Index of the criterion in the list (its row is the caller's to tell). */
  index: number;
  field: 'code' | 'maxPoints' | 'systemMeasure' | 'survey';
  message: Localised;
}

const fmt = (n: number) => String(roundPoints(n)).replace('.', ',');

/**
 * Checks a criteria list as a whole: codes unique, each parent listed, a parent's maximum equal to
 * the sum of its children's, system figures on leaves only, and a survey parent's children all
 * survey criteria. An empty answer means the list is a tree that can be scored.
 */
export function checkCriteriaTree(list: readonly ParCriterion[]): CriteriaIssue[] {
  const issues: CriteriaIssue[] = [];
  const byCode = new Map<string, number>();
  list.forEach((c, index) => {
    if (byCode.has(c.code))
      issues.push({
        index,
        field: 'code',
        message: { vi: `Mã tiêu chí ${c.code} bị trùng`, en: `Criterion code ${c.code} is repeated` },
      });
    else byCode.set(c.code, index);
  });
  const children = new Map<string, ParCriterion[]>();
  list.forEach((c, index) => {
    const parent = parentCode(c.code);
    if (parent === null) return;
    if (!byCode.has(parent)) {
      issues.push({
        index,
        field: 'code',
        message: {
          vi: `Tiêu chí ${c.code} không có tiêu chí cha ${parent} trong danh sách`,
          en: `Criterion ${c.code} has no parent ${parent} in the list`,
        },
      });
      return;
    }
    children.set(parent, [...(children.get(parent) ?? []), c]);
  });
  list.forEach((c, index) => {
    const kids = children.get(c.code);
    if (!kids) return;
    const sum = roundPoints(kids.reduce((s, k) => s + k.maxPoints, 0));
    if (sum !== roundPoints(c.maxPoints))
      issues.push({
        index,
        field: 'maxPoints',
        message: {
          vi: `Điểm tối đa của ${c.code} là ${fmt(c.maxPoints)} nhưng các tiêu chí con cộng lại ${fmt(sum)}`,
          en: `${c.code} has a maximum of ${fmt(c.maxPoints)} but its children add up to ${fmt(sum)}`,
        },
      });
    if (c.systemMeasure)
      issues.push({
        index,
        field: 'systemMeasure',
        message: {
          vi: `Số liệu hệ thống chỉ gắn với tiêu chí không có tiêu chí con (${c.code})`,
          en: `A system figure belongs on a criterion without children (${c.code})`,
        },
      });
    if (c.survey && kids.some((k) => !k.survey))
      issues.push({
        index,
        field: 'survey',
        message: {
          vi: `Tiêu chí ${c.code} là điểm điều tra xã hội học nên mọi tiêu chí con cũng vậy`,
          en: `${c.code} is survey points, so all its children must be too`,
        },
      });
  });
  return issues;
}

/** The criteria that are scored: those without children, in the list's order. */
export function scoredCriteria(list: readonly ParCriterion[]): ParCriterion[] {
  const parents = new Set(list.map((c) => parentCode(c.code)).filter((p) => p !== null));
  return list.filter((c) => !parents.has(c.code));
}

/** Orders a list as the tree reads: 1, 1.1, 1.1.1, 1.2, 2, … */
export function sortCriteria<T extends { code: string }>(list: readonly T[]): T[] {
  const key = (code: string) => code.split('.').map(Number);
  return [...list].sort((a, b) => {
    const x = key(a.code);
    const y = key(b.code);
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      if (x[i] === undefined) return -1;
      if (y[i] === undefined) return 1;
      if (x[i] !== y[i]) return x[i]! - y[i]!;
    }
    return 0;
  });
}

/** Total maximum, and how much of it is self-assessed and how much from the survey. */
export function frameworkMaxima(list: readonly ParCriterion[]) {
  const leaves = scoredCriteria(list);
  const sum = (xs: ParCriterion[]) => roundPoints(xs.reduce((s, c) => s + c.maxPoints, 0));
  return {
    total: sum(leaves),
    self: sum(leaves.filter((c) => !c.survey)),
    survey: sum(leaves.filter((c) => c.survey)),
  };
}
