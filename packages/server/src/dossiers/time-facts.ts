import { type DossierSnapshot, type DossierTimeFacts, dossierTimeFacts } from '@motcua/core';
import { type AgencyCalendar, loadCalendar } from '../calendar/store.ts';
import type { Queryable } from '../db/database.ts';

/**
 * The dossier columns SQL filters on about time (`overdue_from`, `at_risk_from`), computed by core
 * from the snapshot on the agency's calendar and reading of Decision 766. The store writes them with
 * every change of a dossier; this module also recomputes them where the snapshot did not change but
 * their inputs did: rows written before migration 0013 (marked stale) and open dossiers after a
 * calendar change.
 */

export async function timeFactsFor(
  db: Queryable,
  agencyId: string,
  snapshot: DossierSnapshot,
  calendar?: Pick<AgencyCalendar, 'config' | 'policy'>,
): Promise<DossierTimeFacts> {
  const cal = calendar ?? (await loadCalendar(db, agencyId));
  return dossierTimeFacts(snapshot, cal.config, cal.policy);
}

/**
 * Recomputes the time facts of the dossiers that need it: the stale ones, or with `open` every
 * dossier not ended (after a calendar change), in batches. Returns how many rows were written.
 * Calendars are read afresh (not from the cache): this may run in the transaction changing one.
 */
export async function refreshTimeFacts(db: Queryable, which: 'stale' | 'open' = 'stale'): Promise<number> {
  const where = which === 'stale' ? 'time_facts_stale' : 'ended_at IS NULL OR time_facts_stale';
  const calendars = new Map<string, AgencyCalendar>();
  let written = 0;
  // One agency at a time: the dossier table is distributed by agency.
  const agencies = await db.query<{ id: string }>(
    "SELECT id FROM org_unit WHERE kind = 'agency' ORDER BY id",
  );
  for (const agency of agencies) written += await refreshAgency(db, agency.id, where, calendars);
  return written;
}

async function refreshAgency(
  db: Queryable,
  agencyId: string,
  where: string,
  calendars: Map<string, AgencyCalendar>,
): Promise<number> {
  let written = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.query<{ id: string; agency_id: string; snapshot: DossierSnapshot }>(
      `SELECT id, agency_id, snapshot FROM dossier WHERE agency_id = $2 AND (${where}) AND id > $1 ORDER BY id LIMIT 500`,
      [after, agencyId],
    );
    if (rows.length === 0) return written;
    for (const row of rows) {
      let calendar = calendars.get(row.agency_id);
      if (!calendar) {
        calendar = await loadCalendar(db, row.agency_id, { cached: false });
        calendars.set(row.agency_id, calendar);
      }
      const facts = await timeFactsFor(db, row.agency_id, row.snapshot, calendar);
      await db.query(
        'UPDATE dossier SET overdue_from = $2, at_risk_from = $3, time_facts_stale = false WHERE agency_id = $4 AND id = $1',
        [row.id, facts.overdueFrom, facts.atRiskFrom, row.agency_id],
      );
      written++;
    }
    after = rows[rows.length - 1]!.id;
  }
}
