import { createHash, type KeyObject } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { timeOrderedId } from '../db/time-ordered-id.ts';
import { checkSignature } from './audit-key.ts';

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
  /** The event that creates the dossier: its number in the dossier is 1, without looking. */
  firstOfDossier?: boolean;
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

/** The current hash version: every column of the row. */
export const HASH_VERSION = 2;

/** The fields version 1 hashed (events written before migration 0005 keep it). */
export interface LegacyHashedFields {
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

export function legacyEventHash(prevHash: string, fields: LegacyHashedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

export type EventRow = Record<string, unknown> & {
  id: string;
  agency_id: string;
  chain_seq: number;
  dossier_id: string;
  hash_version: number;
  prev_hash: string;
  hash: string;
};

/** A column's value as hashed: instants as ISO text (milliseconds, as JS writes them), bytes as hex. */
function hashable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  return value;
}

/**
 * Version 2: sha256(prev_hash + canonical JSON of every column of the row but `hash`). Columns
 * that are null are left out, so a nullable column added by a later migration leaves the hashes
 * of older events unchanged; a column added with a non-null value for old rows would not.
 */
export function rowHash(prevHash: string, row: Record<string, unknown>): string {
  const content: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === 'hash' || value === null || value === undefined) continue;
    content[column] = hashable(value);
  }
  return createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex');
}

function expectedHash(prevHash: string, row: EventRow): string {
  if (row.hash_version === 1) {
    return legacyEventHash(prevHash, {
      chainSeq: row.chain_seq,
      dossierId: row.dossier_id,
      dossierSeq: row.dossier_seq as number,
      at: new Date(row.at as Date).toISOString(),
      actorId: row.actor_id as string | null,
      action: row.action as string,
      fromState: row.from_state as string | null,
      toState: row.to_state as string,
      payload: row.payload,
    });
  }
  return rowHash(prevHash, row);
}

/**
 * Appends an event to the dossier's history and to its agency's hash chain, in the caller's
 * transaction. The chain head row is locked until commit, so events of one agency are chained in
 * commit order. The hash is computed from the row as stored, whatever columns it has.
 */
export async function appendEvent(
  tx: Queryable,
  event: NewEvent,
): Promise<{ id: string; dossierSeq: number; hash: string }> {
  // One statement makes the agency's head on its first event and locks it (the no-op update takes
  // the row lock, as SELECT … FOR UPDATE would), returning where the chain stands.
  const [head] = await tx.query<{ last_seq: number; last_hash: string }>(
    `INSERT INTO audit_chain_head (agency_id, last_seq, last_hash) VALUES ($1, 0, $2)
     ON CONFLICT (agency_id) DO UPDATE SET last_seq = audit_chain_head.last_seq
     RETURNING last_seq::int AS last_seq, last_hash`,
    [event.agencyId, GENESIS_HASH],
  );
  // A dossier's first event is its first: nothing to look up.
  const [last] = event.firstOfDossier
    ? [{ n: 0 }]
    : await tx.query<{ n: number }>(
        'SELECT COALESCE(max(dossier_seq), 0)::int AS n FROM dossier_event WHERE agency_id = $1 AND dossier_id = $2',
        [event.agencyId, event.dossierId],
      );
  const chainSeq = head!.last_seq + 1;
  const dossierSeq = (last?.n ?? 0) + 1;
  const id = timeOrderedId();
  const [row] = await tx.query<EventRow>(
    `INSERT INTO dossier_event (id, agency_id, chain_seq, dossier_id, dossier_seq, at, actor_id, actor_name, action, from_state,
                                to_state, payload, prev_hash, hash, hash_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, '', $14) RETURNING *`,
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
      JSON.stringify(JSON.parse(JSON.stringify(event.payload ?? {}))),
      head!.last_hash,
      HASH_VERSION,
    ],
  );
  const hash = rowHash(head!.last_hash, row!);
  await tx.query('UPDATE dossier_event SET hash = $3 WHERE agency_id = $1 AND id = $2', [
    event.agencyId,
    id,
    hash,
  ]);
  await tx.query('UPDATE audit_chain_head SET last_seq = $2, last_hash = $3 WHERE agency_id = $1', [
    event.agencyId,
    chainSeq,
    hash,
  ]);
  return { id, dossierSeq, hash };
}

export interface ChainProblem {
  kind: 'chain';
  agencyId: string;
  chainSeq: number;
  eventId: string | null;
  dossierId: string | null;
  reason: 'hash_mismatch' | 'broken_link' | 'missing_event' | 'head_mismatch' | 'version_downgrade';
}

/** A dossier row that its history does not account for. */
export interface DossierProblem {
  kind: 'dossier';
  dossierId: string;
  code: string | null;
  /** The dossier's last event, if it has any. */
  eventId: string | null;
  state: string;
  lastEventState: string | null;
  reason: 'no_events' | 'state_mismatch' | 'agency_mismatch';
}

export interface CheckpointProblem {
  kind: 'checkpoint';
  checkpointId: string;
  agencyId: string;
  chainSeq: number;
  signedAt: Date;
  /**
   * bad_signature: the row was changed after signing; unknown_key: signed by a key the verifier
   * does not trust; event_missing: the chain no longer reaches the checkpoint (events removed);
   * hash_mismatch: the event at the checkpoint has another hash (the chain was rewritten).
   */
  reason: 'bad_signature' | 'unknown_key' | 'event_missing' | 'hash_mismatch';
}

export type AuditProblem = ChainProblem | DossierProblem | CheckpointProblem;

export interface VerifyResult {
  events: number;
  agencies: number;
  dossiers: number;
  checkpoints: number;
  /** The first broken event of the first agency whose chain does not verify. */
  firstProblem: ChainProblem | null;
  /** Everything found: the first broken event of each agency, then dossiers, then checkpoints. */
  problems: AuditProblem[];
}

export interface VerifyOptions {
  /** Public keys whose checkpoints are trusted; a checkpoint signed by any other key fails. */
  trustedKeys?: readonly KeyObject[];
  batchSize?: number;
  /** At most this many dossier problems are listed. */
  maxDossierProblems?: number;
}

export interface Head {
  agency_id: string;
  last_seq: number;
  last_hash: string;
  /** The last event hashed with version 1 (written before the upgrade); 0 when none was. */
  legacy_until: number;
}

export const HEAD_COLUMNS =
  'agency_id, last_seq::int AS last_seq, last_hash, legacy_until::int AS legacy_until';

/**
 * Walks one agency's chain from `fromSeq` (whose previous hash is `prevHash`) to the head and
 * returns the first event that does not verify, and how many did.
 */
export async function verifyAgencyChain(
  db: Queryable,
  head: Head,
  start: { fromSeq: number; prevHash: string },
  batchSize = 2000,
): Promise<{ events: number; problem: ChainProblem | null }> {
  let prev = start.prevHash;
  let expectedSeq = start.fromSeq;
  let events = 0;
  const problem = (reason: ChainProblem['reason'], row?: EventRow) => ({
    events,
    problem: {
      kind: 'chain' as const,
      agencyId: head.agency_id,
      chainSeq: expectedSeq,
      eventId: row?.id ?? null,
      dossierId: row?.dossier_id ?? null,
      reason,
    },
  });
  for (;;) {
    const rows = await db.query<EventRow>(
      `SELECT * FROM dossier_event WHERE agency_id = $1 AND chain_seq >= $2 ORDER BY chain_seq LIMIT $3`,
      [head.agency_id, expectedSeq, batchSize],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      if (Number(row.chain_seq) !== expectedSeq) return problem('missing_event');
      if (row.prev_hash !== prev) return problem('broken_link', row);
      // Version 1 hashes less: only events written before the upgrade may have it.
      const legacy = row.hash_version === 1 && Number(row.chain_seq) <= head.legacy_until;
      if (row.hash_version !== HASH_VERSION && !legacy) return problem('version_downgrade', row);
      if (expectedHash(prev, row) !== row.hash) return problem('hash_mismatch', row);
      prev = row.hash;
      expectedSeq++;
      events++;
    }
  }
  if (expectedSeq - 1 !== head.last_seq || prev !== head.last_hash) return problem('head_mismatch');
  return { events, problem: null };
}

/** Dossier rows whose state or agency is not what their last event says, or that have no event. */
async function verifyDossiers(
  db: Queryable,
  agencyId: string,
  limit: number,
): Promise<{ dossiers: number; problems: DossierProblem[] }> {
  const [count] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM dossier WHERE agency_id = $1',
    [agencyId],
  );
  const rows = await db.query<{
    id: string;
    code: string | null;
    state: string;
    agency_id: string;
    event_id: string | null;
    event_agency_id: string | null;
    to_state: string | null;
  }>(
    `SELECT d.id, d.code, d.state, d.agency_id, e.id AS event_id, e.agency_id AS event_agency_id, e.to_state
       FROM dossier d
       LEFT JOIN LATERAL (
         SELECT id, agency_id, to_state FROM dossier_event
          WHERE agency_id = d.agency_id AND dossier_id = d.id ORDER BY dossier_seq DESC LIMIT 1
       ) e ON true
      WHERE d.agency_id = $2 AND (e.id IS NULL OR e.to_state <> d.state OR e.agency_id <> d.agency_id)
      ORDER BY d.created_at, d.id LIMIT $1`,
    [limit, agencyId],
  );
  return {
    dossiers: count?.n ?? 0,
    problems: rows.map((r) => ({
      kind: 'dossier',
      dossierId: r.id,
      code: r.code,
      eventId: r.event_id,
      state: r.state,
      lastEventState: r.to_state,
      reason:
        r.event_id === null ? 'no_events' : r.to_state !== r.state ? 'state_mismatch' : 'agency_mismatch',
    })),
  };
}

/** Every checkpoint: its signature by a trusted key, and the event it names still has its hash. */
async function verifyCheckpoints(
  db: Queryable,
  agencyId: string,
  trustedKeys: readonly KeyObject[],
): Promise<{ checkpoints: number; problems: CheckpointProblem[] }> {
  const rows = await db.query<{
    id: string;
    agency_id: string;
    chain_seq: number;
    head_hash: string;
    signed_at: Date;
    key_fingerprint: string;
    signature: string;
    event_hash: string | null;
  }>(
    `SELECT c.id, c.agency_id, c.chain_seq::int AS chain_seq, c.head_hash, c.signed_at, c.key_fingerprint, c.signature,
            e.hash AS event_hash
       FROM audit_checkpoint c
       LEFT JOIN dossier_event e ON e.agency_id = c.agency_id AND e.chain_seq = c.chain_seq
      WHERE c.agency_id = $1 ORDER BY c.chain_seq`,
    [agencyId],
  );
  const problems: CheckpointProblem[] = [];
  for (const r of rows) {
    const signedAt = new Date(r.signed_at);
    const signature = checkSignature(
      {
        agencyId: r.agency_id,
        chainSeq: r.chain_seq,
        headHash: r.head_hash,
        signedAt,
        keyFingerprint: r.key_fingerprint,
        signature: r.signature,
      },
      trustedKeys,
    );
    const reason: CheckpointProblem['reason'] | null =
      signature !== 'ok'
        ? signature
        : r.event_hash === null
          ? 'event_missing'
          : r.event_hash !== r.head_hash
            ? 'hash_mismatch'
            : null;
    if (reason) {
      problems.push({
        kind: 'checkpoint',
        checkpointId: r.id,
        agencyId: r.agency_id,
        chainSeq: r.chain_seq,
        signedAt,
        reason,
      });
    }
  }
  return { checkpoints: rows.length, problems };
}

/**
 * Verifies the whole history: every agency's chain in order (the first broken event of each),
 * every dossier row against its last event, and every signed checkpoint against the chain.
 */
export async function verifyAuditChain(db: Queryable, options: VerifyOptions = {}): Promise<VerifyResult> {
  // One agency at a time: the history and the dossiers are distributed by agency.
  const agencies = await db.query<{ id: string }>(
    "SELECT id FROM org_unit WHERE kind = 'agency' ORDER BY id",
  );
  let events = 0;
  let heads = 0;
  const chainProblems: ChainProblem[] = [];
  const dossiers = { dossiers: 0, problems: [] as DossierProblem[] };
  const checkpoints = { checkpoints: 0, problems: [] as CheckpointProblem[] };
  for (const { id: agencyId } of agencies) {
    const [head] = await db.query<Head>(`SELECT ${HEAD_COLUMNS} FROM audit_chain_head WHERE agency_id = $1`, [
      agencyId,
    ]);
    if (head) {
      heads++;
      const result = await verifyAgencyChain(
        db,
        head,
        { fromSeq: 1, prevHash: GENESIS_HASH },
        options.batchSize,
      );
      events += result.events;
      if (result.problem) chainProblems.push(result.problem);
    }
    const room = (options.maxDossierProblems ?? 100) - dossiers.problems.length;
    const ofAgency = await verifyDossiers(db, agencyId, Math.max(room, 0));
    dossiers.dossiers += ofAgency.dossiers;
    dossiers.problems.push(...ofAgency.problems);
    const signed = await verifyCheckpoints(db, agencyId, options.trustedKeys ?? []);
    checkpoints.checkpoints += signed.checkpoints;
    checkpoints.problems.push(...signed.problems);
  }
  return {
    events,
    agencies: heads,
    dossiers: dossiers.dossiers,
    checkpoints: checkpoints.checkpoints,
    firstProblem: chainProblems[0] ?? null,
    problems: [...chainProblems, ...dossiers.problems, ...checkpoints.problems],
  };
}

/** One line per problem, for the command line and the logs (identifiers only, no personal data). */
export function describeProblem(p: AuditProblem): string {
  switch (p.kind) {
    case 'chain':
      return (
        `agency ${p.agencyId}, event #${p.chainSeq}${p.eventId ? ` (id ${p.eventId}, dossier ${p.dossierId})` : ''}: ` +
        {
          hash_mismatch: 'the event was changed after it was written (hash_mismatch)',
          broken_link: 'the event does not follow the one before it (broken_link)',
          missing_event: 'the event is missing (missing_event)',
          head_mismatch: 'the chain head does not match the last event (head_mismatch)',
          version_downgrade: 'an old hash version on an event written after the upgrade (version_downgrade)',
        }[p.reason]
      );
    case 'dossier':
      return (
        `dossier ${p.code ?? '(no code)'} (id ${p.dossierId}): ` +
        (p.reason === 'no_events'
          ? 'it has no history (no_events)'
          : p.reason === 'state_mismatch'
            ? `its state is ${p.state} but its last event (id ${p.eventId}) leaves it ${p.lastEventState} (state_mismatch)`
            : `its agency is not the one of its last event (id ${p.eventId}) (agency_mismatch)`)
      );
    case 'checkpoint':
      return (
        `checkpoint ${p.checkpointId} of agency ${p.agencyId} at event #${p.chainSeq}, signed ${p.signedAt.toISOString()}: ` +
        {
          bad_signature: 'the signature does not match the checkpoint (bad_signature)',
          unknown_key: 'signed by a key that is not trusted (unknown_key)',
          event_missing: 'the chain no longer has this event: events were removed (event_missing)',
          hash_mismatch:
            'the event has another hash than the one signed: the chain was rewritten (hash_mismatch)',
        }[p.reason]
      );
  }
}
