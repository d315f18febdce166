import type { Queryable } from '../db/database.ts';
import type { PostalShipmentRow } from '../postal/store.ts';
import type { EventRow } from './history.ts';
import { COLUMNS, type DossierRow, directoryEntryByCode } from './store.ts';

/** Everything the public lookup shows of a dossier, read in one statement on its agency's shard. */
export interface LookupRow extends DossierRow {
  procedure_name: string | null;
  procedure_code: string | null;
  agency_name: string | null;
  /** The unit holding the dossier now. */
  holder_name: string | null;
  events: EventRow[];
  /** The control sheet rows, with only what the timeline matches on and names. */
  handovers: { at: string; note: string | null; to_unit: string | null }[];
  postal: (Omit<PostalShipmentRow, 'recorded_at'> & { recorded_at: string })[];
}

const PREFIXED = COLUMNS.split(',')
  .map((c) => `d.${c.trim()}`)
  .join(', ');

/**
 * The public lookup by code. The directory (a reference table on Citus) names the agency, then one
 * statement filtered by it reads the dossier, the names it shows, its events, control sheet and
 * postal shipments: two round trips, the same as finding the bare dossier, whatever the history's
 * length. Finding the agency first keeps the second statement on one shard.
 */
export async function readForLookup(db: Queryable, code: string): Promise<LookupRow | null> {
  const entry = await directoryEntryByCode(db, code);
  if (!entry) return null;
  const [row] = await db.query<LookupRow>(
    `SELECT ${PREFIXED},
            v.content->>'name' AS procedure_name, v.content->>'code' AS procedure_code,
            a.name AS agency_name, hu.name AS holder_name,
            (SELECT COALESCE(json_agg(json_build_object(
                      'id', e.id, 'dossier_seq', e.dossier_seq, 'at', e.at, 'actor_id', e.actor_id,
                      'actor_name', e.actor_name, 'action', e.action, 'from_state', e.from_state,
                      'to_state', e.to_state, 'payload', e.payload) ORDER BY e.dossier_seq), '[]'::json)
               FROM dossier_event e WHERE e.agency_id = $1 AND e.dossier_id = $2) AS events,
            (SELECT COALESCE(json_agg(json_build_object('at', h.at, 'note', h.note, 'to_unit', tu.name)
                      ORDER BY h.seq), '[]'::json)
               FROM dossier_handover h LEFT JOIN org_unit tu ON tu.id = h.to_unit_id
              WHERE h.agency_id = $1 AND h.dossier_id = $2) AS handovers,
            (SELECT COALESCE(json_agg(json_build_object('direction', p.direction, 'carrier', p.carrier,
                      'tracking_number', p.tracking_number, 'recorded_at', p.recorded_at)
                      ORDER BY p.direction), '[]'::json)
               FROM postal_shipment p WHERE p.agency_id = $1 AND p.dossier_id = $2) AS postal
       FROM dossier d
       LEFT JOIN procedure_version v ON v.id = d.procedure_version_id
       LEFT JOIN org_unit a ON a.id = d.agency_id
       LEFT JOIN org_unit hu ON hu.id = d.current_unit_id
      WHERE d.agency_id = $1 AND d.id = $2 AND d.code = $3`,
    [entry.agency_id, entry.id, code],
  );
  return row ?? null;
}
