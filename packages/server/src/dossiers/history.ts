import {
  type HistoryAction,
  type HistoryEvent,
  isHistoryAction,
  parseEventPayload,
  storedStateSchema,
} from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/**
 * A dossier's history as the readers need it: every stored event with its payload parsed, once,
 * into its action's type (core's events.ts). Events are written only through `decide` and the
 * document use cases, which check the same schemas, and the hash chain guards them afterwards; so
 * an event that does not read back is damage to the history, and it fails loudly here.
 */

export interface EventRow {
  id: string;
  dossier_seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  action: string;
  from_state: string | null;
  to_state: string;
  payload: unknown;
}

export class StoredEventError extends Error {
  constructor(eventId: string, detail: string) {
    super(`dossier_event ${eventId}: ${detail}`);
    this.name = 'StoredEventError';
  }
}

function historyEvent<A extends HistoryAction>(action: A, row: EventRow): HistoryEvent<A> {
  const parsed = parseEventPayload(action, row.payload);
  if (!parsed.ok)
    throw new StoredEventError(row.id, `its payload does not read as ${action}: ${parsed.error}`);
  const from = row.from_state === null ? null : storedStateSchema.safeParse(row.from_state);
  const to = storedStateSchema.safeParse(row.to_state);
  if (!to.success || (from !== null && !from.success)) throw new StoredEventError(row.id, 'unknown state');
  return {
    seq: row.dossier_seq,
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action,
    fromState: from?.data ?? null,
    toState: to.data,
    payload: parsed.payload,
  };
}

/** Every event of a dossier, oldest first, typed by action. */
export async function loadHistory(
  db: Queryable,
  agencyId: string,
  dossierId: string,
): Promise<HistoryEvent[]> {
  const rows = await db.query<EventRow>(
    `SELECT id, dossier_seq, at, actor_id, actor_name, action, from_state, to_state, payload
       FROM dossier_event WHERE agency_id = $1 AND dossier_id = $2 ORDER BY dossier_seq`,
    [agencyId, dossierId],
  );
  return historyOf(rows);
}

/** Stored event rows, oldest first, typed by action (for reads that fetch them with other rows). */
export function historyOf(rows: readonly EventRow[]): HistoryEvent[] {
  return rows.map((row) => {
    if (!isHistoryAction(row.action)) throw new StoredEventError(row.id, `unknown action ${row.action}`);
    return historyEvent(row.action, row);
  });
}
