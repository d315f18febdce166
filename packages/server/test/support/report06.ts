import type { DossierAction, DossierSnapshot } from '@motcua/core';
import type { AppContext } from '../../src/context.ts';
import type { Database } from '../../src/db/database.ts';
import {
  type Actor,
  createDossier,
  performAction,
  procedureForDossier,
  SYSTEM,
} from '../../src/dossiers/service.ts';
import { loadDossier } from '../../src/dossiers/store.ts';
import { getUnitByCode } from '../../src/org/units.ts';
import { DEMO_AGENCY_CODE } from '../../src/seed/organisation-data.ts';

/**
 * Drives dossiers through the engine's own use cases (createDossier, performAction) at chosen
 * instants, as the officers of the demo agency, for the statistics tests.
 */
export interface Office {
  agencyId: string;
  staff: Actor;
  citizen: Actor;
  procedures: { id: string; fieldCode: string; documents: string[] }[];
  /** The clock the use cases read. */
  at(instant: Date): void;
  ctx: AppContext;
}

export async function openOffice(db: Database, base: AppContext): Promise<Office> {
  const agencyId = (await getUnitByCode(db, DEMO_AGENCY_CODE))!.id;
  const user = async (username: string) => {
    const [u] = await db.query<{ id: string; full_name: string }>(
      'SELECT id, full_name FROM app_user WHERE username = $1',
      [username],
    );
    const grants = await db.query<{ role: Actor['grants'][number]['role']; unit_id: string }>(
      'SELECT role, unit_id FROM user_role WHERE user_id = $1',
      [u!.id],
    );
    return {
      userId: u!.id,
      name: u!.full_name,
      grants: grants.map((g) => ({ role: g.role, unitId: g.unit_id })),
    };
  };
  const counter = await user('tiepnhan');
  // One officer in every working role of the agency, so that any step may be taken by them.
  const staff: Actor = {
    ...counter,
    grants: [
      ...counter.grants,
      ...(['specialist', 'head_of_unit', 'leader'] as const).map((role) => ({ role, unitId: agencyId })),
    ],
  };
  const citizen = await user('congdan');
  const rows = await db.query<{ id: string }>(
    `SELECT DISTINCT ON (field_code) id FROM procedure
      WHERE agency_id = $1 AND status IN ('in_force', 'amended') ORDER BY field_code, code`,
    [agencyId],
  );
  const procedures = [];
  for (const { id } of rows) {
    const p = await procedureById(db, id);
    if (p) procedures.push(p);
  }
  let now = new Date();
  const ctx: AppContext = { ...base, now: () => now };
  return {
    agencyId,
    staff,
    citizen,
    procedures,
    ctx,
    at(instant) {
      now = instant;
    },
  };
}

/** A procedure in force with a processing time, and the documents its checklist must cover. */
export async function procedureById(db: Database, id: string): Promise<Office['procedures'][number] | null> {
  const p = await procedureForDossier(db, id);
  if (p.content.processingTime.value === null) return null;
  return {
    id,
    fieldCode: p.fieldCode,
    documents: p.content.documents.filter((d) => d.required).map((d) => d.name),
  };
}

/** The office's "Cấp lại giấy phép lao động" (3 working days), the procedure these suites count. */
export async function workPermit(o: Office): Promise<Office['procedures'][number]> {
  const [row] = await o.ctx.db.query<{ id: string }>(
    `SELECT id FROM procedure WHERE agency_id = $1 AND name LIKE 'Cấp lại giấy phép lao động%'`,
    [o.agencyId],
  );
  return (await procedureById(o.ctx.db, row!.id))!;
}

export type Channel = 'counter' | 'post' | 'online';

/** Receives (or, online, submits) a dossier now; its id. */
export async function receiveDossier(
  o: Office,
  procedure: Office['procedures'][number],
  channel: Channel,
): Promise<string> {
  const checklist = procedure.documents.map((document) => ({ document, received: true }));
  const created = await o.ctx.db.transaction((tx) =>
    createDossier(
      o.ctx,
      tx,
      {
        procedureId: procedure.id,
        channel,
        applicant: { name: 'Nguyễn Thị Lan', idNumber: '079203001234' },
        applicantUserId: channel === 'online' ? o.citizen.userId : null,
        decision: 'receive',
        checklist,
      },
      channel === 'online' ? o.citizen : o.staff,
    ),
  );
  return created.record.id;
}

/** Performs an action now as the office's officer (or the system); the refusal's code when refused. */
export async function act(
  o: Office,
  id: string,
  action: DossierAction,
  input: Record<string, unknown> = {},
  who: 'staff' | 'system' = 'staff',
): Promise<string | null> {
  const d = (await loadDossier(o.ctx.db, id))!;
  try {
    await o.ctx.db.transaction((tx) =>
      performAction(
        o.ctx,
        tx,
        { dossierId: id, action, expectedVersion: d.version, input },
        who === 'system' ? SYSTEM : o.staff,
      ),
    );
    return null;
  } catch (err) {
    const e = err as { code?: string; extra?: { rule?: string } };
    return e.extra?.rule ?? e.code ?? String(err);
  }
}

export async function snapshotOf(o: Office, id: string): Promise<DossierSnapshot> {
  return (await loadDossier(o.ctx.db, id))!.snapshot;
}

/** Moves a dossier through its internal steps, then approves it with `outcome`. */
export async function resolve(
  o: Office,
  id: string,
  outcome: 'granted' | 'refused' = 'granted',
): Promise<void> {
  for (let guard = 0; guard < 10; guard++) {
    const s = await snapshotOf(o, id);
    if (s.state === 'awaiting_approval') break;
    const refused = await act(o, id, 'forward_step', { note: 'Đủ điều kiện' });
    if (refused) throw new Error(`forward_step refused: ${refused} (${s.state})`);
  }
  const refused = await act(
    o,
    id,
    'approve',
    outcome === 'granted' ? { outcome } : { outcome, reason: 'Không đủ điều kiện' },
  );
  if (refused) throw new Error(`approve refused: ${refused}`);
}

/** Every column of Biểu số 06 at 0. */
export const ZERO = {
  receivedTotal: 0,
  receivedOnline: 0,
  receivedDirect: 0,
  carriedOver: 0,
  resolvedTotal: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  pendingTotal: 0,
  pendingInTime: 0,
  pendingOverdue: 0,
  refused: 0,
  withdrawn: 0,
  stopped: 0,
};
export type Numbers = typeof ZERO;
/** A row of Biểu số 06: the columns named, every other one 0. */
export const numbers = (n: Partial<Numbers>): Numbers => ({ ...ZERO, ...n });
