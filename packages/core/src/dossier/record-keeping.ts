import { vietnamDateOf } from '../calendar/working-time.ts';
import type { DossierEvent } from './command.ts';
import { stepChangeOf } from './events.ts';
import type { DossierSnapshot } from './snapshot.ts';

/**
 * What an accepted command writes besides the snapshot, as rules: who holds the dossier afterwards,
 * whether it gets its code now, whether the control sheet (mẫu 06) gets a row, which of the
 * per-action counters move. Shared by the live use cases (one command at a time) and the bulk
 * history import (a whole history in memory), so both keep the same records.
 */

/** The code of the unit named by the dossier's current step, if the step names one. */
export function stepUnitCodeOf(snapshot: DossierSnapshot): string | null {
  const step = snapshot.step ? snapshot.procedure.steps[snapshot.step.index] : null;
  return step?.unitCode ?? null;
}

/**
 * The unit that holds the dossier at its current step: the step's unit (`stepUnitId`, the id of
 * `stepUnitCodeOf` when that unit exists), else the receiving counter for a counter step or an
 * online submission waiting to be accepted, else the competent agency.
 */
export function holderUnitOf(
  snapshot: DossierSnapshot,
  units: { agencyId: string; receivingUnitId: string; stepUnitId: string | null },
): string {
  const step = snapshot.step ? snapshot.procedure.steps[snapshot.step.index] : null;
  if (step?.unitCode && units.stepUnitId) return units.stepUnitId;
  if (step?.role === 'counter_officer') return units.receivingUnitId;
  if (!step && snapshot.state === 'submitted') return units.receivingUnitId;
  return units.agencyId;
}

/** Whether the holder is unchanged by the command: a dossier that ended (but for its result) stays where it was. */
export function keepsHolder(before: DossierSnapshot | null, next: DossierSnapshot): boolean {
  return before !== null && next.endedAt !== null && next.state !== 'result_ready';
}

/** A dossier gets its code when it is received or submitted online; a refusal at the counter has none. */
export function needsDossierCode(before: { code: string | null } | null, next: DossierSnapshot): boolean {
  return before
    ? !before.code && next.receivedAt !== null && next.state !== 'refused'
    : next.state !== 'refused';
}

export interface Holder {
  unitId: string | null;
  userId: string | null;
}

/** Whether the command writes a row of the control sheet: creation, a step finished or started, a new holder. */
export function needsHandover(event: DossierEvent, created: boolean, from: Holder, to: Holder): boolean {
  const { finished, started } = stepChangeOf(event.payload);
  const holderChanged = from.unitId !== to.unitId || from.userId !== to.userId;
  return Boolean(finished || started || holderChanged || created);
}

/** The control sheet row's step columns: the step finished (with its due date and result) or started. */
export function handoverStepOf(event: DossierEvent): {
  stepName: string | null;
  stepDueAt: string | null;
  result: string | null;
} {
  const { finished, started } = stepChangeOf(event.payload);
  return {
    stepName: finished?.name ?? started?.name ?? null,
    stepDueAt: finished?.dueAt ?? null,
    result: finished?.timeliness ?? null,
  };
}

/** The per-action counters besides `counterDeltas`: submitted online, and result returned, on the action's day. */
export function actionCounters(
  before: DossierSnapshot | null,
  after: DossierSnapshot,
  now: Date,
): { day: string; metric: 'submitted' | 'returned' }[] {
  const day = vietnamDateOf(now);
  const out: { day: string; metric: 'submitted' | 'returned' }[] = [];
  if (before === null && after.state === 'submitted') out.push({ day, metric: 'submitted' });
  if (before && !before.returnedAt && after.returnedAt) out.push({ day, metric: 'returned' });
  return out;
}
