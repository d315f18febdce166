import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from '../src/context.ts';
import { listDossiers } from '../src/dossiers/list.ts';
import { type Actor, createDossier, procedureForDossier } from '../src/dossiers/service.ts';
import { findByCode } from '../src/dossiers/store.ts';
import { DEMO_PASSWORD } from '../src/seed/demo-users.ts';
import type { BenchAgency } from './generate.ts';
import { plainReport06 } from './plain-report.ts';
import { progressBar } from './progress.ts';

/** The figures of one database, each measured in the same run on the same data. */

export interface Timing {
  p50: number;
  p95: number;
}

export function timing(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

/** Names the engine in each measure's progress line ("[postgres] queue page 50"). */
export const measureProgress = { prefix: '' };

/** Times `runs` calls of `fn` after one warm-up, with a progress bar and ETA on stderr. */
async function sample(label: string, runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const bar = progressBar(`${measureProgress.prefix}${label}`);
  await fn(-1); // warm: plans cached, pages in memory
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
    bar.update(i + 1, runs);
  }
  bar.done(`${runs} runs`);
  return times;
}

/** Signs in as the demo leader (lãnh đạo) and returns the session cookie. */
export async function signIn(app: FastifyInstance, username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.body}`);
  const c = res.cookies.find((k) => k.name.endsWith('motcua_session'))!;
  return `${c.name}=${c.value}`;
}

/** The Vietnam date of an instant, YYYY-MM-DD. */
const vietnamDate = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

/** Biểu số 06 for the last year through `GET /api/v1/reports/06`, against the plain GROUP BY. */
export async function measureReport(
  ctx: AppContext,
  app: FastifyInstance,
  agency: BenchAgency,
  runs: number,
) {
  const cookie = await signIn(app, 'lanhdao');
  const to = vietnamDate(ctx.now().getTime());
  const from = vietnamDate(ctx.now().getTime() - 364 * 86_400_000);
  const url = `/api/v1/reports/06?from=${from}&to=${to}&agency=${agency.id}`;
  const counters = timing(
    await sample('Biểu 06 from counters', runs, async () => {
      const res = await app.inject({ url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`report: ${res.statusCode} ${res.body}`);
    }),
  );
  const plain = timing(
    await sample('Biểu 06 plain GROUP BY', Math.max(3, Math.ceil(runs / 4)), () =>
      plainReport06(ctx.db, agency.id, from, to),
    ),
  );
  return { from, to, countersMs: counters, plainMs: plain, ratio: plain.p50 / counters.p50 };
}

/** The officer's queue: one unit's dossiers in one state, most urgent first, 20 a page. */
export async function measureQueue(ctx: AppContext, agency: BenchAgency, runs: number) {
  // The unit and state holding the most open dossiers: the busiest officer's queue.
  const [busiest] = await ctx.db.query<{ unit: string; state: string; n: number }>(
    `SELECT COALESCE(current_unit_id, agency_id) AS unit, state, count(*)::int AS n FROM dossier
      WHERE agency_id = $1 AND ended_at IS NULL GROUP BY 1, 2 ORDER BY n DESC LIMIT 1`,
    [agency.id],
  );
  const unit = busiest?.unit ?? agency.id;
  const state = (busiest?.state ?? 'in_progress') as Parameters<typeof listDossiers>[1]['state'];
  const page = (n: number) => () =>
    listDossiers(ctx.db, {
      scope: [unit],
      unit,
      state,
      sort: 'due',
      page: n,
      pageSize: 20,
      now: ctx.now(),
      locale: 'vi',
    });
  return {
    state,
    dossiersInState: busiest?.n ?? 0,
    firstPageMs: timing(await sample('queue page 1', runs, page(1))),
    page50Ms: timing(await sample('queue page 50', runs, page(50))),
  };
}

/**
 * The public lookup by code (tra cứu) through the app's HTTP stack, against a bare Fastify route
 * running the same indexed query (`findByCode`). Requests come from many addresses, as citizens'
 * phones do, so the per-address rate limit does not answer in place of the lookup.
 */
export async function measureLookup(ctx: AppContext, app: FastifyInstance, requests: number) {
  const codes = (
    await ctx.db.query<{ code: string }>(
      'SELECT code FROM dossier WHERE code IS NOT NULL ORDER BY md5(id::text) LIMIT 500',
    )
  ).map((r) => r.code);
  if (codes.length === 0) throw new Error('no dossier has a code yet');
  const bare = Fastify({ logger: false });
  bare.get<{ Querystring: { code: string } }>('/lookup', async (request, reply) => {
    const d = await findByCode(ctx.db, request.query.code);
    return d ? { code: d.code, state: d.state } : reply.code(404).send();
  });
  await bare.ready();
  const address = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const rate = async (label: string, run: (i: number) => Promise<number>) => {
    const bar = progressBar(`${measureProgress.prefix}${label}`);
    await run(0);
    const start = performance.now();
    for (let i = 1; i <= requests; i++) {
      const status = await run(i);
      if (status !== 200) throw new Error(`lookup answered ${status}`);
      bar.update(i, requests);
    }
    bar.done(`${requests} requests`);
    return (requests / (performance.now() - start)) * 1000;
  };
  const full = await rate(
    'lookup through the app',
    async (i) =>
      (
        await app.inject({
          url: `/api/v1/dossiers/lookup?code=${encodeURIComponent(codes[i % codes.length]!)}`,
          remoteAddress: address(i),
        })
      ).statusCode,
  );
  const plain = await rate(
    'lookup, bare route',
    async (i) =>
      (await bare.inject({ url: `/lookup?code=${encodeURIComponent(codes[i % codes.length]!)}` })).statusCode,
  );
  await bare.close();
  return { lookupPerSecond: full, bareRoutePerSecond: plain, ratio: full / plain };
}

type Row = Record<string, unknown>;

/**
 * Receipts (tiếp nhận) at the counter through the service layer, one transaction each, against raw
 * inserts of the same rows (the dossier, its events, control sheet and counted state, the counters
 * and the chain head), also one transaction per receipt. Runs last: the raw copies break the chain.
 */
export async function measureReceipts(ctx: AppContext, agency: BenchAgency, count: number) {
  const [officer] = await ctx.db.query<{ id: string; full_name: string }>(
    `SELECT id, full_name FROM app_user WHERE username = 'tiepnhan'`,
  );
  const grants = await ctx.db.query<{ role: Actor['grants'][number]['role']; unit_id: string }>(
    'SELECT role, unit_id FROM user_role WHERE user_id = $1',
    [officer!.id],
  );
  const actor: Actor = {
    userId: officer!.id,
    name: officer!.full_name,
    grants: grants.map((g) => ({ role: g.role, unitId: g.unit_id })),
  };
  // Each receipt ticks its procedure's required documents (the checklist the counter checks).
  const procedures: { id: string; checklist: { document: string; received: boolean }[] }[] = [];
  for (const { id } of await ctx.db.query<{ id: string }>(
    'SELECT id FROM procedure WHERE agency_id = $1 AND code = ANY($2::text[])',
    [agency.id, agency.procedures.map((p) => p.code)],
  )) {
    const p = await procedureForDossier(ctx.db, id);
    const documents = p.content.documents.filter((d) => d.required).map((d) => d.name);
    procedures.push({ id, checklist: documents.map((document) => ({ document, received: true })) });
  }
  const ids: string[] = [];
  const serviceBar = progressBar(`${measureProgress.prefix}receipts through the service layer`);
  let start = performance.now();
  for (let i = 0; i < count; i++) {
    const created = await ctx.db.transaction((tx) =>
      createDossier(
        ctx,
        tx,
        {
          procedureId: procedures[i % procedures.length]!.id,
          channel: 'counter',
          applicant: { name: 'Nguyễn Văn An', idNumber: '079203001234' },
          applicantUserId: null,
          decision: 'receive',
          checklist: procedures[i % procedures.length]!.checklist,
        },
        actor,
      ),
    );
    ids.push(created.record.id);
    serviceBar.update(i + 1, count);
  }
  const serviceMs = performance.now() - start;
  serviceBar.done(`${count} receipts`);

  const rows = [];
  for (const id of ids) {
    const of = async (table: string) =>
      (
        await ctx.db.query<{ r: Row }>(
          `SELECT to_jsonb(t) AS r FROM ${table} t WHERE t.${table === 'dossier' ? 'id' : 'dossier_id'} = $1`,
          [id],
        )
      ).map((x) => x.r);
    rows.push({
      dossier: (await of('dossier'))[0]!,
      events: await of('dossier_event'),
      handovers: await of('dossier_handover'),
      counted: (await of('dossier_counted'))[0] ?? null,
    });
  }
  const [{ seq } = { seq: 0 }] = await ctx.db.query<{ seq: number }>(
    'SELECT COALESCE(max(chain_seq), 0)::bigint + 1000000 AS seq FROM dossier_event WHERE agency_id = $1',
    [agency.id],
  );
  let chainSeq = Number(seq);
  const insert = (table: string) =>
    `INSERT INTO ${table} SELECT * FROM jsonb_populate_record(NULL::${table}, $1::jsonb)`;
  const counter = `INSERT INTO dossier_counter (agency_id, unit_id, field_code, channel, day, metric, n)
                   VALUES ($1, $2, $3, $4, $5::date, $6, 1)
                   ON CONFLICT (agency_id, unit_id, field_code, channel, day, metric) DO UPDATE SET n = dossier_counter.n + 1`;
  const rawBar = progressBar(`${measureProgress.prefix}receipts as raw inserts`);
  start = performance.now();
  for (const [i, r] of rows.entries()) {
    const id = randomUUID();
    const d = r.dossier;
    await ctx.db.transaction(async (tx) => {
      await tx.query(insert('dossier'), [{ ...d, id, code: `${d.code}-R${i}` }]);
      for (const e of r.events) {
        chainSeq++;
        await tx.query(insert('dossier_event'), [
          { ...e, id: randomUUID(), dossier_id: id, chain_seq: chainSeq },
        ]);
      }
      for (const h of r.handovers)
        await tx.query(insert('dossier_handover'), [{ ...h, id: randomUUID(), dossier_id: id }]);
      if (r.counted) await tx.query(insert('dossier_counted'), [{ ...r.counted, dossier_id: id }]);
      const key = [d.agency_id, d.receiving_unit_id, d.field_code, d.channel];
      await tx.query(counter, [...key, vietnamDate(Date.parse(String(d.received_at))), 'received']);
      if (r.counted?.open_day) await tx.query(counter, [...key, r.counted.open_day, 'open']);
      if (r.counted?.overdue_day) await tx.query(counter, [...key, r.counted.overdue_day, 'overdue']);
      await tx.query('UPDATE audit_chain_head SET last_seq = $2 WHERE agency_id = $1', [
        d.agency_id,
        chainSeq,
      ]);
    });
    rawBar.update(i + 1, rows.length);
  }
  const rawMs = performance.now() - start;
  rawBar.done(`${rows.length} row copies`);
  const service = (count / serviceMs) * 1000;
  const raw = (count / rawMs) * 1000;
  return { receipts: count, servicePerSecond: service, rawPerSecond: raw, ratio: service / raw };
}

/** Whole-process memory (PGlite runs inside it) and the database's own size on disk. */
export async function measureMemory(ctx: AppContext) {
  const [size] = await ctx.db.query<{ bytes: string }>(
    'SELECT pg_database_size(current_database())::text AS bytes',
  );
  const m = process.memoryUsage();
  return {
    rssMiB: m.rss / 2 ** 20,
    heapUsedMiB: m.heapUsed / 2 ** 20,
    databaseMiB: Number(size?.bytes ?? 0) / 2 ** 20,
  };
}
