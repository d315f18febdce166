import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import {
  type ChainProblem,
  type CheckpointProblem,
  GENESIS_HASH,
  HEAD_COLUMNS,
  type Head,
  verifyAgencyChain,
} from '../dossiers/audit-chain.ts';
import { checkSignature, type SigningKey, signCheckpoint } from '../dossiers/audit-key.ts';

/** How often each server process signs the chain heads that moved. */
export const CHECKPOINT_INTERVAL_MS = 60 * 60 * 1000;

export interface Checkpoint {
  id: string;
  agencyId: string;
  agencyName: string;
  chainSeq: number;
  headHash: string;
  signedAt: Date;
  keyFingerprint: string;
  signature: string;
}

export interface CheckpointRun {
  written: Checkpoint[];
  /**
   * Agencies left unsigned: their latest checkpoint no longer holds, or their chain does not
   * verify since it.
   */
  refused: (ChainProblem | CheckpointProblem)[];
}

interface CheckpointRow {
  id: string;
  agency_id: string;
  agency_name: string;
  chain_seq: number;
  head_hash: string;
  signed_at: Date;
  key_fingerprint: string;
  signature: string;
}

const toCheckpoint = (r: CheckpointRow): Checkpoint => ({
  id: r.id,
  agencyId: r.agency_id,
  agencyName: r.agency_name,
  chainSeq: r.chain_seq,
  headHash: r.head_hash,
  signedAt: new Date(r.signed_at),
  keyFingerprint: r.key_fingerprint,
  signature: r.signature,
});

/**
 * Signs the chain head of every agency that has new events since its last checkpoint. The events
 * since that checkpoint are verified first: a head that does not follow from a signed one is not
 * signed (that would bless the rewriting) and is returned in `refused`.
 *
 * Several processes may run it at once: the head row is locked while signing, and a second
 * checkpoint of the same head is not written.
 */
export async function writeCheckpoints(ctx: AppContext, key: SigningKey): Promise<CheckpointRun> {
  const run: CheckpointRun = { written: [], refused: [] };
  // One agency at a time: the chain heads and checkpoints are distributed by agency.
  const agencies = await ctx.db.query<{ agency_id: string }>(
    "SELECT id AS agency_id FROM org_unit WHERE kind = 'agency' ORDER BY id",
  );
  for (const { agency_id: agencyId } of agencies) {
    const fresh = await ctx.db.query(
      `SELECT 1 FROM audit_chain_head h
        WHERE h.agency_id = $1
          AND h.last_seq > COALESCE((SELECT max(chain_seq) FROM audit_checkpoint c WHERE c.agency_id = $1), 0)`,
      [agencyId],
    );
    if (fresh.length === 0) continue;
    await ctx.db.transaction(async (tx) => {
      const [head] = await tx.query<Head>(
        `SELECT ${HEAD_COLUMNS} FROM audit_chain_head WHERE agency_id = $1 FOR UPDATE`,
        [agencyId],
      );
      if (!head) return;
      const start = await verifiedStart(tx, agencyId, key);
      if ('kind' in start) {
        run.refused.push(start);
        return;
      }
      if (start.fromSeq > head.last_seq) return;
      const checked = await verifyAgencyChain(tx, head, start);
      if (checked.problem) {
        run.refused.push(checked.problem);
        return;
      }
      const content = {
        agencyId,
        chainSeq: head.last_seq,
        headHash: head.last_hash,
        signedAt: ctx.now(),
      };
      const [row] = await tx.query<CheckpointRow>(
        `INSERT INTO audit_checkpoint (id, agency_id, chain_seq, head_hash, signed_at, key_fingerprint, signature)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (agency_id, chain_seq) DO NOTHING
         RETURNING id, agency_id, (SELECT u.name FROM org_unit u WHERE u.id = audit_checkpoint.agency_id) AS agency_name,
                   chain_seq::int AS chain_seq, head_hash, signed_at, key_fingerprint, signature`,
        [
          randomUUID(),
          agencyId,
          content.chainSeq,
          content.headHash,
          content.signedAt,
          key.fingerprint,
          signCheckpoint(key, content),
        ],
      );
      if (row) run.written.push(toCheckpoint(row));
    });
  }
  return run;
}

/**
 * Where verification of new events starts: after the agency's latest checkpoint when this key
 * signed it; from the beginning when there is none or another key signed it. A latest checkpoint
 * that no longer holds is the problem returned.
 */
async function verifiedStart(
  tx: Queryable,
  agencyId: string,
  key: SigningKey,
): Promise<{ fromSeq: number; prevHash: string } | CheckpointProblem> {
  const [last] = await tx.query<CheckpointRow & { event_hash: string | null }>(
    `SELECT c.id, c.agency_id, c.chain_seq::int AS chain_seq, c.head_hash, c.signed_at, c.key_fingerprint, c.signature,
            e.hash AS event_hash
       FROM audit_checkpoint c
       LEFT JOIN dossier_event e ON e.agency_id = c.agency_id AND e.chain_seq = c.chain_seq
      WHERE c.agency_id = $1 ORDER BY c.chain_seq DESC LIMIT 1`,
    [agencyId],
  );
  const genesis = { fromSeq: 1, prevHash: GENESIS_HASH };
  if (!last) return genesis;
  const signedAt = new Date(last.signed_at);
  const signature = checkSignature(
    {
      agencyId,
      chainSeq: last.chain_seq,
      headHash: last.head_hash,
      signedAt,
      keyFingerprint: last.key_fingerprint,
      signature: last.signature,
    },
    [key.publicKey],
  );
  const reason: CheckpointProblem['reason'] | null =
    signature === 'bad_signature'
      ? signature
      : last.event_hash === null
        ? 'event_missing'
        : last.event_hash !== last.head_hash
          ? 'hash_mismatch'
          : null;
  if (reason) {
    return {
      kind: 'checkpoint',
      checkpointId: last.id,
      agencyId,
      chainSeq: last.chain_seq,
      signedAt,
      reason,
    };
  }
  if (signature === 'unknown_key') return genesis;
  return { fromSeq: last.chain_seq + 1, prevHash: last.head_hash };
}

/** The latest checkpoint of each of `agencyIds`, as printed on the register (form 07). */
export async function latestCheckpoints(db: Queryable, agencyIds: readonly string[]): Promise<Checkpoint[]> {
  const rows = await db.query<CheckpointRow>(
    `SELECT DISTINCT ON (c.agency_id) c.id, c.agency_id, u.name AS agency_name, c.chain_seq::int AS chain_seq,
            c.head_hash, c.signed_at, c.key_fingerprint, c.signature
       FROM audit_checkpoint c JOIN org_unit u ON u.id = c.agency_id
      WHERE c.agency_id = ANY($1::uuid[])
      ORDER BY c.agency_id, c.chain_seq DESC`,
    [[...agencyIds]],
  );
  return rows.map(toCheckpoint).sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi'));
}

/**
 * Signs the heads now and then every `intervalMs` until stopped; a failed run, or an agency whose
 * chain does not verify, is reported through `log` and tried again next time.
 */
export function startCheckpoints(
  ctx: AppContext,
  key: SigningKey,
  intervalMs: number,
  log: { error: (err: unknown) => void; refused: (problem: ChainProblem | CheckpointProblem) => void },
): () => Promise<void> {
  const once = () =>
    writeCheckpoints(ctx, key).then(
      (run) => {
        for (const p of run.refused) log.refused(p);
      },
      (err) => log.error(err),
    );
  let running: Promise<unknown> = once();
  const timer = setInterval(() => {
    running = once();
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
