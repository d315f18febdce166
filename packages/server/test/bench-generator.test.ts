import { type DossierSnapshot, IMPORTED_EVENT_ACTION } from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchAgency, generateHistories } from '../bench/generate.ts';
import { verifyAuditChain } from '../src/dossiers/audit-chain.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { NUMBERS, type Numbers, recount } from './support/recount06.ts';

/**
 * The bench's data is real: its synthetic histories go through the history import, come out as
 * engine dossiers (hash chain sound, each marked imported), in the mix the bench claims, and
 * Biểu số 06 from their counters equals a recount of the dossiers.
 */
describe('the bench generator (postgres)', () => {
  let t: TestApp;
  const vietnamDate = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp('postgres', { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
  }, 60_000);
  afterAll(() => t.close());

  it('writes valid imported dossiers whose Biểu 06 equals the recount', async () => {
    const agency = await benchAgency(t.ctx);
    const generated = await generateHistories(t.ctx, agency, { count: 50, batchSize: 25, seed: 7 });
    expect(generated.imported + generated.refused).toBe(50);
    expect(generated.refused).toBeLessThanOrEqual(3);

    const rows = await t.db.query<{
      field_code: string;
      channel: string;
      snapshot: DossierSnapshot;
      state: string;
      marked: number;
    }>(
      `SELECT d.field_code, d.channel, d.snapshot, d.state,
              (SELECT count(*)::int FROM dossier_event e WHERE e.dossier_id = d.id AND e.action = $2) AS marked
         FROM dossier d WHERE d.agency_id = $1`,
      [agency.id, IMPORTED_EVENT_ACTION],
    );
    expect(rows).toHaveLength(generated.imported);
    expect(rows.every((r) => r.marked === 1)).toBe(true);
    const chain = await verifyAuditChain(t.db);
    expect(chain.problems).toEqual([]);
    expect(chain.dossiers).toBe(generated.imported);
    // The mix: every channel, several fields, most of the year's dossiers ended.
    expect(new Set(rows.map((r) => r.channel)).size).toBe(3);
    expect(new Set(rows.map((r) => r.field_code)).size).toBeGreaterThan(1);
    expect(rows.filter((r) => r.snapshot.endedAt !== null).length).toBeGreaterThan(25);

    const client = t.client();
    expect((await client.login('lanhdao')).statusCode).toBe(200);
    const dossiers = rows.map((r) => ({ field: r.field_code, channel: r.channel, snapshot: r.snapshot }));
    const now = t.ctx.now().getTime();
    for (const [fromDays, toDays] of [
      [364, 0],
      [200, 100],
    ] as const) {
      const from = vietnamDate(now - fromDays * 86_400_000);
      const to = vietnamDate(now - toDays * 86_400_000);
      const res = await client.request({
        url: `/api/v1/reports/06?from=${from}&to=${to}&agency=${agency.id}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      const fromCounters = Object.fromEntries(
        body.rows.map((r: Numbers & { field: string }) => [
          r.field,
          Object.fromEntries(NUMBERS.map((n) => [n, r[n]])),
        ]),
      );
      expect(fromCounters, `${from}..${to}`).toEqual(recount(dossiers, from, to));
      expect(body.problems).toEqual([]);
    }
  }, 30_000);
});
