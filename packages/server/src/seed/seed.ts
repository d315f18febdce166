import { isPublishable } from '@motcua/core';
import { replaceOverrides, setTetAnnounced } from '../calendar/store.ts';
import { importRows } from '../catalogue/import.ts';
import type { Database } from '../db/database.ts';
import { saveEform } from '../online-submission/store.ts';
import { createUnit, getUnitByCode, updateUnit } from '../org/units.ts';
import { createUser } from '../users/users.ts';
import { NATIONAL_OVERRIDES, TET_ANNOUNCED_YEARS } from './calendar-data.ts';
import { DEMO_FIELDS, DEMO_PROCEDURES } from './catalogue-data.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts';
import { DEMO_EFORMS } from './eform-data.ts';
import { DEMO_AGENCY_CODE, DEMO_SERVICE_CENTRE_CODE, DEMO_UNITS } from './organisation-data.ts';

export interface SeedResult {
  seeded: boolean;
  units: number;
  procedures: number;
  users: number;
}

/**
 * Fills an empty database with the demo agency, its catalogue and one account per role. It does
 * nothing on a database that already has an organisation, so it is safe on every start.
 */
export async function seedDemo(db: Database, now: Date): Promise<SeedResult> {
  const seeded = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(72033002)');
    const [existing] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM org_unit');
    if ((existing?.n ?? 0) > 0) return false;
    for (const u of DEMO_UNITS) {
      const parent = u.parentCode ? await getUnitByCode(tx, u.parentCode) : null;
      await createUnit(tx, {
        parentId: parent?.id ?? null,
        kind: u.kind,
        code: u.code,
        name: u.name,
        shortName: u.shortName,
        effectiveFrom: u.effectiveFrom,
        effectiveTo: u.effectiveTo ?? null,
      });
    }
    // Successors are linked once every unit exists.
    for (const u of DEMO_UNITS.filter((x) => x.successorCode)) {
      const unit = (await getUnitByCode(tx, u.code))!;
      const successor = (await getUnitByCode(tx, u.successorCode!))!;
      await updateUnit(tx, unit.id, { successorId: successor.id }, now);
    }
    // The demo agency receives its online dossiers at the city's public service centre.
    await tx.query(
      `UPDATE org_unit SET online_receiving_unit_id = (SELECT id FROM org_unit WHERE code = $2) WHERE code = $1`,
      [DEMO_AGENCY_CODE, DEMO_SERVICE_CENTRE_CODE],
    );
    for (const [year, overrides] of Object.entries(NATIONAL_OVERRIDES)) {
      await replaceOverrides(tx, null, Number(year), overrides, null, now);
    }
    for (const year of TET_ANNOUNCED_YEARS) await setTetAnnounced(tx, year, true, null, now);
    for (const f of DEMO_FIELDS) {
      await tx.query('INSERT INTO field (code, name) VALUES ($1, $2)', [f.code, f.name]);
    }
    for (const user of DEMO_USERS) {
      const roles = [];
      for (const r of user.roles)
        roles.push({ role: r.role, unitId: (await getUnitByCode(tx, r.unitCode))!.id });
      await createUser(tx, { ...user, password: DEMO_PASSWORD, mustChangePassword: false, roles });
    }
    // Procedures go through the same import as an administrator's file: validated, then published
    // unless something blocks it (figures awaiting confirmation only warn, see publishProblems).
    const options = { dryRun: false, actorId: null, now, locale: 'vi' as const };
    const rows = (list: typeof DEMO_PROCEDURES) =>
      list.map((content, i) => ({ content, sheet: 'demo', row: i + 1 }));
    await importRows(tx, rows(DEMO_PROCEDURES.filter(isPublishable)), { ...options, publish: true });
    await importRows(tx, rows(DEMO_PROCEDURES.filter((p) => !isPublishable(p))), {
      ...options,
      publish: false,
    });
    // The online procedures' e-forms (catalogue data, edited in the procedure editor).
    for (const [code, form] of Object.entries(DEMO_EFORMS)) {
      const [p] = await tx.query<{ id: string }>('SELECT id FROM procedure WHERE code = $1', [code]);
      if (p) await saveEform(tx, p.id, form, null, now);
    }
    return true;
  });
  if (!seeded) return { seeded: false, units: 0, procedures: 0, users: 0 };
  return {
    seeded: true,
    units: DEMO_UNITS.length,
    procedures: DEMO_PROCEDURES.length,
    users: DEMO_USERS.length,
  };
}
