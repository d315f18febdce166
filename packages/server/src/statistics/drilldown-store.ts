import type { Channel, DossierSnapshot, Form06Column } from '@motcua/core';
import type { Queryable } from '../db/database.ts';
import type { DossierRow } from '../dossiers/store.ts';
import type { ReportScope } from './store.ts';

/**
 * The SQL of the drill-down: the dossiers that may be behind a cell of Biểu số 06. It narrows by
 * the dates the dossier table keeps (received_at, ended_at); which cell a candidate is in is
 * core's `form06ColumnsOf`, never decided here.
 */

export interface DrilldownScope extends ReportScope {
  channel: Channel | null;
  /** The period's first and last instants (ISO). */
  start: string;
  end: string;
}

/** Which dates a column's dossiers have: $2 is the period's first instant, $3 its last (both typed in the query). */
const WINDOW: Record<'received' | 'carried' | 'touched' | 'ended' | 'pending', string> = {
  received: 'd.received_at >= $2 AND d.received_at <= $3',
  carried: 'd.received_at < $2 AND (d.ended_at IS NULL OR d.ended_at >= $2)',
  touched: 'd.received_at <= $3 AND (d.ended_at IS NULL OR d.ended_at >= $2)',
  ended: 'd.received_at IS NOT NULL AND d.ended_at >= $2 AND d.ended_at <= $3',
  pending: 'd.received_at <= $3 AND (d.ended_at IS NULL OR d.ended_at > $3)',
};

const WINDOW_OF: Record<Form06Column, keyof typeof WINDOW> = {
  receivedTotal: 'touched',
  receivedOnline: 'received',
  receivedDirect: 'received',
  carriedOver: 'carried',
  resolvedTotal: 'ended',
  resolvedEarly: 'ended',
  resolvedOnTime: 'ended',
  resolvedLate: 'ended',
  pendingTotal: 'pending',
  pendingInTime: 'pending',
  pendingOverdue: 'pending',
  refused: 'ended',
  withdrawn: 'ended',
  stopped: 'ended',
};

export interface Candidate {
  id: string;
  channel: Channel;
  snapshot: DossierSnapshot;
}

/** The dossiers of the scope whose dates may put them in `column`, in the order of receipt. */
export async function drilldownCandidates(
  db: Queryable,
  scope: DrilldownScope,
  column: Form06Column,
): Promise<Candidate[]> {
  return db.query<Candidate>(
    `SELECT d.id, d.channel, d.snapshot FROM dossier d
      WHERE d.agency_id = $1 AND $2::timestamptz <= $3::timestamptz AND ${WINDOW[WINDOW_OF[column]]}
        AND ($4::uuid[] IS NULL OR d.receiving_unit_id = ANY($4::uuid[]))
        AND ($5::text IS NULL OR d.field_code = $5) AND ($6::text IS NULL OR d.channel = $6)
      ORDER BY d.received_at, d.code, d.id`,
    [scope.agencyId, scope.start, scope.end, scope.unitIds, scope.fieldCode, scope.channel],
  );
}

export type ListedDossier = DossierRow & { procedure_name: string };

/** The dossiers of a page, with their procedure's name, in the order of `ids`. */
export async function listedDossiers(
  db: Queryable,
  agencyId: string,
  ids: readonly string[],
): Promise<ListedDossier[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<ListedDossier>(
    `SELECT d.*, v.content->>'name' AS procedure_name
       FROM dossier d JOIN procedure_version v ON v.id = d.procedure_version_id
      WHERE d.agency_id = $1 AND d.id = ANY($2::uuid[])`,
    [agencyId, ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is ListedDossier => r !== undefined);
}
