import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { canonicalJson } from '../dossiers/audit-chain.ts';
import { assertBodyDepth } from './input-guard.ts';
import { Problem } from './problem.ts';

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** The Idempotency-Key header, validated: 8 to 200 visible characters. */
export function idempotencyKey(request: FastifyRequest): string | null {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return null;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || !/^[\x21-\x7e]{8,200}$/.test(key)) throw new Problem(400, 'idempotency_key_invalid');
  return key;
}

/** The hash of a request's content; a body nested too deeply is refused before it is walked. */
export function requestHash(body: unknown): string {
  assertBodyDepth(body);
  return createHash('sha256')
    .update(canonicalJson(body ?? null))
    .digest('hex');
}

/** The answer already given for this key, or null. A reused key with another body is refused. */
export async function findReplay(
  db: Queryable,
  scope: string,
  key: string,
  hash: string,
): Promise<StoredResponse | null> {
  const [row] = await db.query<{ request_hash: string; status: number; response: unknown }>(
    'SELECT request_hash, status, response FROM idempotency_key WHERE scope = $1 AND key = $2',
    [scope, key],
  );
  if (!row) return null;
  if (row.request_hash !== hash) throw new Problem(422, 'idempotency_key_reused');
  return { status: row.status, body: row.response };
}

/**
 * Holds the key until the transaction ends, so a concurrent retry with the same key waits for the
 * first attempt and then finds its answer rather than racing it.
 */
export async function lockKey(tx: Queryable, scope: string, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${scope}\n${key}`]);
}

/**
 * Records the answer in the creating transaction. If a concurrent retry with the same key got
 * there first, the primary key makes this transaction fail and roll back, and the caller then
 * returns the stored answer: one creation, whatever the number of retries.
 */
export async function remember(
  tx: Queryable,
  scope: string,
  key: string,
  hash: string,
  response: StoredResponse,
  now: Date,
) {
  await tx.query(
    'INSERT INTO idempotency_key (scope, key, request_hash, status, response, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [scope, key, hash, response.status, JSON.stringify(response.body), now],
  );
}

/**
 * Runs a change once per user and Idempotency-Key, in one transaction: a retry gets the first
 * answer back (with Idempotent-Replayed) instead of a second dossier, report or plan. The key is
 * locked first, so a concurrent retry waits for the first attempt and then replays its answer;
 * `content` is what the request hash covers (the body, or an upload by its digest).
 */
export async function answerOnce(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  scope: string,
  content: unknown,
  work: (tx: Queryable) => Promise<{ status: number; body: unknown }>,
) {
  const key = idempotencyKey(request);
  const hash = requestHash({ url: request.url, content });
  try {
    const result = await ctx.db.transaction(async (tx) => {
      if (key) {
        await lockKey(tx, scope, key);
        const replay = await findReplay(tx, scope, key, hash);
        if (replay) return { ...replay, replayed: true };
      }
      const r = await work(tx);
      if (key) await remember(tx, scope, key, hash, r, ctx.now());
      return { ...r, replayed: false };
    });
    if (result.replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.status(result.status).send(result.body);
  } catch (err) {
    if (key && (err as { code?: string }).code === '23505') {
      const replay = await findReplay(ctx.db, scope, key, hash);
      if (replay) return reply.status(replay.status).header('Idempotent-Replayed', 'true').send(replay.body);
    }
    throw err;
  }
}
