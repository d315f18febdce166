import { randomUUID } from 'node:crypto';
import { DEFAULT_QUESTIONNAIRE } from '@motcua/core';
import type { AppContext } from '../context.ts';
import { getUnitByCode } from '../org/units.ts';
import { DEMO_AGENCY_CODE } from '../seed/organisation-data.ts';
import { insertDraft, markPublished } from './store.ts';

/** The demo agency's questionnaire: the shipped default (Decision 1001/QĐ-BNV), published. */
export async function seedSurveyDemo(ctx: AppContext): Promise<void> {
  const agency = (await getUnitByCode(ctx.db, DEMO_AGENCY_CODE))!;
  const id = randomUUID();
  const now = ctx.now();
  await insertDraft(ctx.db, { id, agencyId: agency.id, content: DEFAULT_QUESTIONNAIRE, userId: null, now });
  await markPublished(ctx.db, id, now);
}
