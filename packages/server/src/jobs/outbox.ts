import type { Queryable } from '../db/database.ts';
import { NO_AGENCY } from '../db/distribution.ts';

export interface OutboxMessage {
  agencyId: string | null;
  kind: string;
  recipientId: string | null;
  /** A citizen of the portal instead of a staff user (never both). */
  recipientCitizenId?: string | null | undefined;
  dossierId: string | null;
  payload: Record<string, unknown>;
  /** Two writers deciding the same notification produce one row. */
  dedupeKey?: string;
}

/**
 * Queues a notification in the caller's transaction; it is sent only if that transaction commits.
 * A message of no agency (a citizen's sign-in code) is kept under NO_AGENCY: the outbox is
 * distributed by agency, and its dedupe key is unique within one.
 */
export async function enqueue(tx: Queryable, message: OutboxMessage, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO outbox (agency_id, kind, recipient_id, dossier_id, payload, dedupe_key, created_at, available_at,
       recipient_citizen_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)
     ON CONFLICT (agency_id, dedupe_key) DO NOTHING RETURNING id`,
    [
      message.agencyId ?? NO_AGENCY,
      message.kind,
      message.recipientId,
      message.dossierId,
      JSON.stringify(message.payload),
      message.dedupeKey ?? null,
      now,
      message.recipientCitizenId ?? null,
    ],
  );
  return rows.length > 0;
}

export interface ClaimedMessage {
  id: number;
  agencyId: string;
  kind: string;
  recipientId: string | null;
  recipientCitizenId: string | null;
  dossierId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
}

/** The keys the outbox is kept under: every agency, and NO_AGENCY. */
async function outboxAgencies(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ id: string }>("SELECT id FROM org_unit WHERE kind = 'agency' ORDER BY id");
  return [NO_AGENCY, ...rows.map((r) => r.id)];
}

/**
 * Claims up to `limit` messages for `worker`, one agency at a time (the outbox is distributed by
 * agency: a locking statement names one). SKIP LOCKED lets any number of processes claim at once
 * without taking the same message; a claim older than `leaseMs` is considered abandoned.
 */
export async function claim(
  db: Queryable,
  worker: string,
  limit: number,
  now: Date,
  leaseMs = 5 * 60_000,
): Promise<ClaimedMessage[]> {
  const claimed: ClaimedMessage[] = [];
  for (const agencyId of await outboxAgencies(db)) {
    if (claimed.length >= limit) break;
    claimed.push(...(await claimOf(db, agencyId, worker, limit - claimed.length, now, leaseMs)));
  }
  return claimed;
}

async function claimOf(
  db: Queryable,
  agencyId: string,
  worker: string,
  limit: number,
  now: Date,
  leaseMs: number,
): Promise<ClaimedMessage[]> {
  const rows = await db.query<{
    id: number;
    agency_id: string;
    kind: string;
    recipient_id: string | null;
    recipient_citizen_id: string | null;
    dossier_id: string | null;
    payload: Record<string, unknown>;
    attempts: number;
  }>(
    `UPDATE outbox SET claimed_by = $1, claimed_at = $2, attempts = attempts + 1
      WHERE agency_id = $5 AND id IN (
        SELECT id FROM outbox
         WHERE agency_id = $5 AND sent_at IS NULL AND failed_at IS NULL AND available_at <= $2
           AND (claimed_at IS NULL OR claimed_at < $3)
         ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)
      RETURNING id::int AS id, agency_id, kind, recipient_id, recipient_citizen_id, dossier_id, payload, attempts`,
    [worker, now, new Date(now.getTime() - leaseMs), limit, agencyId],
  );
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    kind: r.kind,
    recipientId: r.recipient_id,
    recipientCitizenId: r.recipient_citizen_id,
    dossierId: r.dossier_id,
    payload: r.payload,
    attempts: r.attempts,
  }));
}

/**
 * Closes a claimed message: sent, or with nothing to send (`outcome` says why). Only the worker
 * holding the claim may close it; false when the claim was lost (its lease ran out and another
 * worker took it), so the caller knows the row is no longer its own.
 */
/** A claimed row: the outbox is keyed by (agency_id, id). */
export type OutboxRow = Pick<ClaimedMessage, 'agencyId' | 'id'>;

export async function markSent(
  db: Queryable,
  row: OutboxRow,
  now: Date,
  worker?: string,
  outcome = 'sent',
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE outbox SET sent_at = $2, outcome = $4, last_error = NULL
      WHERE agency_id = $5 AND id = $1 AND sent_at IS NULL AND ($3::text IS NULL OR claimed_by = $3) RETURNING id`,
    [row.id, now, worker ?? null, outcome, row.agencyId],
  );
  return rows.length > 0;
}

/** Gives up on a message after its last attempt; the error stays on the row for the administrator. */
export async function markGivenUp(db: Queryable, row: OutboxRow, error: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE outbox SET failed_at = $3, outcome = 'gave_up', last_error = $2, claimed_by = NULL, claimed_at = NULL
      WHERE agency_id = $4 AND id = $1`,
    [row.id, error.slice(0, 1000), now, row.agencyId],
  );
}

export async function markFailed(db: Queryable, row: OutboxRow, error: string, retryAt: Date): Promise<void> {
  await db.query(
    'UPDATE outbox SET claimed_by = NULL, claimed_at = NULL, available_at = $3, last_error = $2 WHERE agency_id = $4 AND id = $1',
    [row.id, error.slice(0, 1000), retryAt, row.agencyId],
  );
}
