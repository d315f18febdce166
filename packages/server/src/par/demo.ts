import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { scoredCriteria, vietnamDateOf } from '@motcua/core';
import type { AppContext } from '../context.ts';
import { getUnitByCode } from '../org/units.ts';
import { DEMO_AGENCY_CODE } from '../seed/organisation-data.ts';
import { readCriteriaJson } from './criteria-import.ts';
import * as store from './store.ts';

/** The demo criteria template shipped with Motcua (a demo, not any province's official tree). */
export const PAR_DEMO_TEMPLATE = new URL('./templates/par-criteria-demo.json', import.meta.url);

/**
 * The demo's PAR Index: the template imported for the province and the current year, and the demo
 * agency's self-assessment partly scored (the first areas), still a draft.
 */
export async function seedParDemo(ctx: AppContext) {
  const db = ctx.db;
  const now = ctx.now();
  const year = Number(vietnamDateOf(now).slice(0, 4));
  const agency = await getUnitByCode(db, DEMO_AGENCY_CODE);
  if (!agency) return { frameworks: 0 };
  const provinceId = await store.provinceOf(db, agency.id);
  const read = readCriteriaJson(readFileSync(PAR_DEMO_TEMPLATE));
  if (!provinceId || !read.ok) throw new Error('The PAR Index demo template does not read');
  const frameworkId = randomUUID();
  await store.saveFramework(db, {
    id: frameworkId,
    provinceId,
    year,
    title: read.title ?? '',
    note: read.note,
    criteria: read.criteria,
    max: scoredCriteria(read.criteria).reduce((s, c) => s + c.maxPoints, 0),
    by: null,
    now,
  });
  const assessmentId = randomUUID();
  await store.insertAssessment(db, { id: assessmentId, frameworkId, agencyId: agency.id, unitId: null, now });
  const leaves = scoredCriteria(read.criteria).filter((c) => !c.survey && Number(c.code.split('.')[0]) <= 3);
  for (const [i, c] of leaves.entries())
    await store.saveSelfScore(db, {
      assessmentId,
      agencyId: agency.id,
      code: c.code,
      // Most criteria met in full, every fourth with half its points, as a self-assessment reads.
      points: i % 4 === 3 ? c.maxPoints / 2 : c.maxPoints,
      note: i % 4 === 3 ? 'Thực hiện chưa đầy đủ; đang bổ sung tài liệu kiểm chứng' : '',
      now,
    });
  return { frameworks: 1, scored: leaves.length };
}
