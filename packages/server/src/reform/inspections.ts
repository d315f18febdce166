import { randomUUID } from 'node:crypto';
import { INSPECTION_MIN_SHARE, unitsPlannedShare, vietnamDateOf } from '@motcua/core';
import type { Session } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../http/problem.ts';
import { demand, may, reformSubject } from './access.ts';
import * as istore from './inspections-store.ts';
import { checkVersion, createTask, managedPlan, visiblePlan } from './service.ts';
import { agencyUnits } from './store.ts';

/**
 * Inspections (kiểm tra CCHC): the year's list of units to inspect, at least 30% of the agency's
 * units; each inspection's date, conclusion and findings, and for each finding a remediation task
 * that then follows the task flow (reports, reminders, on-time rate).
 */
export async function inspectionList(db: Queryable, session: Session, planId: string, now: Date) {
  const { plan, subject } = await visiblePlan(db, session, planId);
  const all = await istore.listInspections(db, plan.id);
  const findings = await istore.listFindings(db, plan.id);
  const units = await agencyUnits(db, plan.agencyId, vietnamDateOf(now));
  const seeAll = may(session, 'inspection.read', subject);
  const own = new Set(session.roles.filter((g) => g.role === 'head_of_unit').map((g) => g.unitId));
  const visible = all.filter((i) => seeAll || own.has(i.unitId));
  return {
    unitCount: units.length,
    listedShare: unitsPlannedShare(all, units.length),
    minimumShare: INSPECTION_MIN_SHARE,
    inspections: visible.map((i) => ({
      ...i,
      findings: findings
        .filter((f) => f.inspectionId === i.id)
        .map(({ id, text, remedyTaskId }) => ({ id, text, remedyTaskId })),
    })),
  };
}

export async function addInspection(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  planId: string,
  input: { unitId: string; plannedOn: string },
) {
  const plan = await managedPlan(tx, session, planId);
  const [unit] = await tx.query<{ agency_id: string | null }>(
    'SELECT agency_id FROM org_unit WHERE id = $1',
    [input.unitId],
  );
  if (!unit || unit.agency_id !== plan.agencyId || input.unitId === plan.agencyId)
    throw new Problem(422, 'reform_unit_not_in_agency');
  const id = randomUUID();
  const added = await istore.insertInspection(tx, {
    id,
    agencyId: plan.agencyId,
    planId: plan.id,
    ...input,
    now: ctx.now(),
  });
  if (!added) throw new Problem(409, 'conflict');
  return id;
}

async function managedInspection(tx: Queryable, session: Session, id: string) {
  const inspection = await istore.loadInspection(tx, id, true);
  if (!inspection) throw new Problem(404, 'reform_inspection_not_found');
  const plan = await managedPlan(tx, session, inspection.planId);
  demand(session, 'inspection.manage', await reformSubject(tx, plan.agencyId, inspection.unitId));
  return { inspection, plan };
}

export async function recordInspection(
  tx: Queryable,
  session: Session,
  id: string,
  input: { version: number; doneOn: string | null; conclusion: string },
) {
  const { inspection } = await managedInspection(tx, session, id);
  checkVersion(inspection.version, input.version);
  await istore.recordInspection(tx, id, input.doneOn, input.conclusion);
}

/** A finding and its remediation task, assigned to the inspected unit unless another is named. */
export async function addFinding(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  id: string,
  input: {
    text: string;
    remedy: { title: string; unitId?: string | undefined; assigneeId: string | null; deadline: string };
  },
) {
  const { inspection, plan } = await managedInspection(tx, session, id);
  if (!inspection.doneOn) throw new Problem(409, 'reform_inspection_not_done');
  const taskId = await createTask(
    ctx,
    tx,
    session,
    plan.id,
    {
      area: 'direction',
      title: input.remedy.title,
      description: input.text,
      unitId: input.remedy.unitId ?? inspection.unitId,
      assigneeId: input.remedy.assigneeId,
      deadline: input.remedy.deadline,
      source: 'plan',
      sourceNumber: null,
      sourceDate: null,
    },
    inspection.id,
  );
  const findingId = randomUUID();
  await istore.insertFinding(tx, {
    id: findingId,
    agencyId: plan.agencyId,
    inspectionId: inspection.id,
    text: input.text,
    remedyTaskId: taskId,
    now: ctx.now(),
  });
  return { findingId, taskId };
}
