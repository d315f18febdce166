import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchAgency } from '../bench/generate.ts';
import { syntheticHistories } from '../bench/synthetic.ts';
import { loadCalendar } from '../src/calendar/store.ts';
import type { AppContext } from '../src/context.ts';
import type { Queryable } from '../src/db/database.ts';
import { verifyAuditChain } from '../src/dossiers/audit-chain.ts';
import { HISTORY_IMPORT_FORMAT, HISTORY_IMPORT_VERSION } from '../src/history-import/format.ts';
import { type HistoryImportOptions, importHistory } from '../src/history-import/replay.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { engines } from './support/databases.ts';

/**
 * The bulk write path (history-import/bulk.ts, what `import-dossiers` and the bench use) against
 * the per-dossier path through the live use cases: the same random histories give the same
 * refusals in a dry run, and once imported the same dossier rows, history, control sheet,
 * counters, codes, Biểu 06, and an audit chain that verifies. Ids are random on each side, so
 * they are compared by what they name (a unit's code, a dossier's place in the file, an event's
 * place in the chain); the hashes differ only because the ids they cover do.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Everything the import wrote, with each id replaced by what it names. */
async function contents(db: Queryable) {
  const names = new Map<string, string>();
  for (const u of await db.query<{ id: string; code: string }>('SELECT id, code FROM org_unit'))
    names.set(u.id, `unit:${u.code}`);
  for (const p of await db.query<{ id: string; code: string }>('SELECT id, code FROM procedure'))
    names.set(p.id, `procedure:${p.code}`);
  for (const v of await db.query<{ id: string; code: string; n: number }>(
    `SELECT v.id, p.code, row_number() OVER (PARTITION BY p.id ORDER BY v.created_at, v.id)::int AS n
       FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id`,
  ))
    names.set(v.id, `version:${v.code}:${v.n}`);
  for (const u of await db.query<{ id: string; username: string }>('SELECT id, username FROM app_user'))
    names.set(u.id, `user:${u.username}`);
  const order = await db.query<{ dossier_id: string }>(
    'SELECT dossier_id FROM dossier_event GROUP BY dossier_id ORDER BY min(chain_seq)',
  );
  for (const [i, d] of order.entries()) names.set(d.dossier_id, `dossier:${i}`);
  const rows = async (sql: string, drop: string[] = []) =>
    (await db.query<Record<string, unknown>>(sql)).map((row) => {
      for (const column of drop) delete row[column];
      return JSON.parse(JSON.stringify(row).replace(UUID, (id) => names.get(id) ?? 'unnamed-id'));
    });
  const dossierOrder = `(SELECT min(chain_seq) FROM dossier_event e WHERE e.agency_id = t.agency_id AND e.dossier_id = t.id)`;
  return {
    dossiers: await rows(`SELECT * FROM dossier t ORDER BY ${dossierOrder}`),
    directory: await rows(`SELECT * FROM dossier_directory t ORDER BY ${dossierOrder}`),
    // The event's id is random; its hash and the next one's prev_hash cover that id.
    events: await rows('SELECT * FROM dossier_event ORDER BY chain_seq', ['id', 'hash', 'prev_hash']),
    handovers: byDossier(await rows('SELECT * FROM dossier_handover ORDER BY seq', ['id'])),
    counters: (await rows('SELECT * FROM dossier_counter')).sort(byContent),
    counted: byDossier(await rows('SELECT * FROM dossier_counted')),
    sequences: (await rows('SELECT * FROM dossier_sequence')).sort(byContent),
  };
}

const byContent = (x: unknown, y: unknown) => {
  const [a, b] = [JSON.stringify(x), JSON.stringify(y)];
  return a < b ? -1 : a > b ? 1 : 0;
};

/** Rows in their dossier's order in the file (stable: a dossier's rows keep their order). */
const byDossier = (rows: Record<string, unknown>[]) =>
  rows.sort(
    (x, y) => Number(String(x.dossier_id).split(':')[1]) - Number(String(y.dossier_id).split(':')[1]),
  );

describe.each(engines)('the bulk history import on %s', (engine) => {
  let perDossier: TestApp;
  let bulk: TestApp;
  // Both imports run at the same instant: the `imported` markers carry it.
  const at = new Date(Date.now() - 60_000);
  const fixed = (t: TestApp): AppContext => ({ ...t.ctx, now: () => at });

  beforeAll(async () => {
    [perDossier, bulk] = await Promise.all([
      startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } }),
      startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } }),
    ]);
  }, 180_000);
  afterAll(async () => {
    await perDossier?.close();
    await bulk?.close();
  });

  it('writes what the per-dossier path writes, refuses what it refuses, and its chain verifies', async () => {
    const agency = await benchAgency(perDossier.ctx);
    const next = syntheticHistories({
      procedures: agency.procedures,
      receivingUnits: agency.receivingUnits,
      calendar: (await loadCalendar(perDossier.db, agency.id)).config,
      now: at,
      seed: 20261203,
    });
    const histories = Array.from({ length: 60 }, (_, k) => next(k));
    const file = (dossiers: unknown[]) => ({
      format: HISTORY_IMPORT_FORMAT,
      version: HISTORY_IMPORT_VERSION,
      agencyCode: agency.code,
      sourceSystem: 'Kiểm thử tương đương',
      dossiers,
    });
    const run = (t: TestApp, mode: HistoryImportOptions['mode'], dossiers: unknown[], dryRun: boolean) =>
      importHistory(fixed(t), file(dossiers), { dryRun, importedBy: null, mode, batchSize: 37 });

    // A dry run: the same refusals, row by row, and the same codes it would give.
    const checkedOld = await run(perDossier, 'per-dossier', histories, true);
    const checkedNew = await run(bulk, 'bulk', histories, true);
    expect(checkedNew.problems).toEqual(checkedOld.problems);
    expect(checkedNew.dossiers.map(({ id: _, ...d }) => d)).toEqual(
      checkedOld.dossiers.map(({ id: _, ...d }) => d),
    );
    expect(checkedNew.imported).toBeGreaterThan(48);
    // A dry run writes nothing, on either path.
    for (const t of [perDossier, bulk]) {
      const [{ n }] = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM dossier')) as [
        { n: number },
      ];
      expect(n).toBe(0);
    }

    // Refused histories left out, the rest imported: two files, so the chain and the sequences go on.
    const refused = new Set(checkedOld.problems.map((p) => p.dossierIndex));
    const accepted = histories.filter((_, k) => !refused.has(k));
    for (const part of [accepted.slice(0, 23), accepted.slice(23)]) {
      const old = await run(perDossier, 'per-dossier', part, false);
      const fresh = await run(bulk, 'bulk', part, false);
      expect(fresh.problems).toEqual([]);
      expect(fresh.dossiers.map(({ id: _, ...d }) => d)).toEqual(old.dossiers.map(({ id: _, ...d }) => d));
    }

    const [a, b] = [await contents(perDossier.db), await contents(bulk.db)];
    expect(b.dossiers.length).toBe(accepted.length);
    expect(b.dossiers).toEqual(a.dossiers);
    expect(b.directory).toEqual(a.directory);
    expect(b.events).toEqual(a.events);
    expect(b.handovers).toEqual(a.handovers);
    expect(b.counters).toEqual(a.counters);
    expect(b.counted).toEqual(a.counted);
    expect(b.sequences).toEqual(a.sequences);
    expect(b.events.filter((e) => e.action === 'imported')).toHaveLength(accepted.length);

    for (const t of [perDossier, bulk]) {
      const chain = await verifyAuditChain(t.db);
      expect(chain.problems).toEqual([]);
      expect(chain.dossiers).toBe(accepted.length);
    }

    // Biểu 06 for the year, read through the API as a leader reads it.
    const report = async (t: TestApp) => {
      const client = t.client();
      expect((await client.login('lanhdao')).statusCode).toBe(200);
      const day = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
      const res = await client.request({
        url: `/api/v1/reports/06?from=${day(at.getTime() - 364 * 86_400_000)}&to=${day(at.getTime())}&agency=${
          (await benchAgency(t.ctx)).id
        }`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const { rows, totals } = res.json();
      return { rows, totals };
    };
    const [reportOld, reportNew] = [await report(perDossier), await report(bulk)];
    expect(reportNew).toEqual(reportOld);
    expect(reportNew.totals.receivedTotal).toBe(accepted.length);
  }, 300_000);
});
