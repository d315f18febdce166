import { REFORM_ROLES, type ReformAction, type ReformSubject, reformAllowed } from '@motcua/core';
import type { Session } from '../auth/sessions.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../http/problem.ts';
import { ancestorIds } from '../org/tree.ts';

/** The facts core's reform access table needs about an agency and, optionally, one of its units. */
export async function reformSubject(
  db: Queryable,
  agencyId: string,
  unitId?: string,
): Promise<ReformSubject> {
  const agencyChain = await ancestorIds(db, agencyId);
  const unitChain = unitId ? await ancestorIds(db, unitId) : agencyChain;
  const rows = await db.query<{ id: string }>('SELECT id FROM org_unit WHERE agency_id = $1', [agencyId]);
  return { agencyChain, unitChain, agencyUnits: new Set(rows.map((r) => r.id)) };
}

export const may = (session: Session, action: ReformAction, subject: ReformSubject) =>
  reformAllowed(action, session.roles, subject);

/** 403 unless core's table allows the action; a user with no reform role at all is told so too. */
export function demand(session: Session, action: ReformAction, subject: ReformSubject): void {
  if (!may(session, action, subject)) throw new Problem(403, 'forbidden');
}

/** The agencies whose reform work the user takes part in, from the grants that reach it. */
export function reformAgencies(session: Session): string[] {
  const ids = session.roles
    .filter((g) => REFORM_ROLES.includes(g.role) && g.agencyId)
    .map((g) => g.agencyId!);
  return [...new Set(ids)];
}
