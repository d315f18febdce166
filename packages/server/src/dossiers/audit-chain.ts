import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface NewEvent {
  agencyId: string;
  dossierId: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  fromState: string | null;
  toState: string;
  payload: unknown;
}

/** JSON with keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashedFields {
  chainSeq: number;
  dossierId: string;
  dossierSeq: number;
  at: string;
  actorId: string | null;
  action: string;
  fromState: string | null;
  toState: string;
  payload: unknown;
}

export function eventHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

/**
 * Appends an event to the dossier's history and to its agency's hash chain, in the caller's
 * transaction. The chain head row is locked until commit, so events of one agency are chained in
 * commit order.
 */
export async function appendEvent(
  tx: Queryable,
  event: NewEvent,
): Promise<{ id: string; dossierSeq: number; hash: string }> {
  await tx.query(
    `INSERT INTO audit_chain_head (agency_id, last_seq, last_hash) VALUES ($1, 0, $2) ON CONFLICT (agency_id) DO NOTHING`,
    [event.agencyId, GENESIS_HASH],
  );
  const [head] = await tx.query<{ last_seq: number; last_hash: string }>(
    'SELECT last_seq::int AS last_seq, last_hash FROM audit_chain_head WHERE agency_id = $1 FOR UPDATE',
    [event.agencyId],
  );
  const [last] = await tx.query<{ n: number }>(
    'SELECT COALESCE(max(dossier_seq), 0)::int AS n FROM dossier_event WHERE dossier_id = $1',
    [event.dossierId],
  );
  const chainSeq = head!.last_seq + 1;
  const dossierSeq = (last?.n ?? 0) + 1;
  // Instants are hashed as stored (millisecond precision), so verification recomputes the same text.
  const fields: HashedFields = {
    chainSeq,
    dossierId: event.dossierId,
    dossierSeq,
    at: event.at.toISOString(),
    actorId: event.actorId,
    action: event.action,
    fromState: event.fromState,
    toState: event.toState,
    payload: JSON.parse(JSON.stringify(event.payload ?? {})),
  };
  const hash = eventHash(head!.last_hash, fields);
  const id = randomUUID();
  await tx.query(
    `INSERT INTO dossier_event (id, agency_id, chain_seq, dossier_id, dossier_seq, at, actor_id, actor_name, action, from_state,
                                to_state, payload, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      id,
      event.agencyId,
      chainSeq,
      event.dossierId,
      dossierSeq,
      event.at,
      event.actorId,
      event.actorName,
      event.action,
      event.fromState,
      event.toState,
      JSON.stringify(fields.payload),
      head!.last_hash,
      hash,
    ],
  );
  await tx.query('UPDATE audit_chain_head SET last_seq = $2, last_hash = $3 WHERE agency_id = $1', [
    event.agencyId,
    chainSeq,
    hash,
  ]);
  return { id, dossierSeq, hash };
}

export interface ChainProblem {
  agencyId: string;
  chainSeq: number;
  eventId: string | null;
  reason: 'hash_mismatch' | 'broken_link' | 'missing_event' | 'head_mismatch';
}

export interface VerifyResult {
  events: number;
  agencies: number;
  firstProblem: ChainProblem | null;
}

/** Walks every agency's chain in order and reports the first event that does not verify. */
export async function verifyAuditChain(db: Queryable, batchSize = 2000): Promise<VerifyResult> {
  const heads = await db.query<{ agency_id: string; last_seq: number; last_hash: string }>(
    'SELECT agency_id, last_seq::int AS last_seq, last_hash FROM audit_chain_head ORDER BY agency_id',
  );
  let events = 0;
  for (const head of heads) {
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const rows = await db.query<{
        id: string;
        chain_seq: number;
        dossier_id: string;
        dossier_seq: number;
        at: Date;
        actor_id: string | null;
        action: string;
        from_state: string | null;
        to_state: string;
        payload: unknown;
        prev_hash: string;
        hash: string;
      }>(
        `SELECT id, chain_seq::int AS chain_seq, dossier_id, dossier_seq, at, actor_id, action, from_state, to_state, payload,
                prev_hash, hash
           FROM dossier_event WHERE agency_id = $1 AND chain_seq >= $2 ORDER BY chain_seq LIMIT $3`,
        [head.agency_id, expectedSeq, batchSize],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        const problem = (reason: ChainProblem['reason']): VerifyResult => ({
          events,
          agencies: heads.length,
          firstProblem: { agencyId: head.agency_id, chainSeq: expectedSeq, eventId: row.id, reason },
        });
        if (row.chain_seq !== expectedSeq) {
          return {
            events,
            agencies: heads.length,
            firstProblem: {
              agencyId: head.agency_id,
              chainSeq: expectedSeq,
              eventId: null,
              reason: 'missing_event',
            },
          };
        }
        if (row.prev_hash !== prev) return problem('broken_link');
        const recomputed = eventHash(prev, {
          chainSeq: row.chain_seq,
          dossierId: row.dossier_id,
          dossierSeq: row.dossier_seq,
          at: new Date(row.at).toISOString(),
          actorId: row.actor_id,
          action: row.action,
          fromState: row.from_state,
          toState: row.to_state,
          payload: row.payload,
        });
        if (recomputed !== row.hash) return problem('hash_mismatch');
        prev = row.hash;
        expectedSeq++;
        events++;
      }
    }
    if (expectedSeq - 1 !== head.last_seq || prev !== head.last_hash) {
      return {
        events,
        agencies: heads.length,
        firstProblem: {
          agencyId: head.agency_id,
          chainSeq: expectedSeq,
          eventId: null,
          reason: 'head_mismatch',
        },
      };
    }
  }
  return { events, agencies: heads.length, firstProblem: null };
}
