import type { DossierState } from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchAgency, generateHistories } from '../bench/generate.ts';
import { type DossierListQuery, listDossiers } from '../src/dossiers/list.ts';
import { startTestApp, type TestApp } from './support/app.ts';

/**
 * The officer's queue reads a unit's dossiers as three disjoint branches (of its agency, received
 * by it, held by it). Over a year of generated dossiers it lists exactly the dossiers the plain
 * rule selects (agency, receiving or holding unit among the units), each once, in the queue's
 * order, page after page, with the same total.
 */
describe('the officer queue (pglite)', () => {
  let t: TestApp;
  let agencyId: string;

  beforeAll(async () => {
    t = await startTestApp('pglite');
    const agency = await benchAgency(t.ctx);
    agencyId = agency.id;
    await generateHistories(t.ctx, agency, { count: 240, batchSize: 120, seed: 11 });
  }, 120_000);
  afterAll(() => t.close());

  /** The plain rule, written as the queue's meaning: one OR over the three columns. */
  async function plain(
    units: string[],
    scope: string[],
    state: DossierState | undefined,
    sort: 'due' | '-received',
  ) {
    const order =
      sort === 'due'
        ? 'due_at ASC NULLS LAST, created_at, id'
        : 'received_at DESC NULLS LAST, created_at DESC, id';
    const rows = await t.db.query<{ id: string }>(
      `SELECT id FROM dossier
        WHERE (agency_id = ANY($1::uuid[]) OR receiving_unit_id = ANY($1::uuid[]) OR current_unit_id = ANY($1::uuid[]))
          AND (agency_id = ANY($2::uuid[]) OR receiving_unit_id = ANY($2::uuid[]) OR current_unit_id = ANY($2::uuid[]))
          AND ($3::text IS NULL OR state = $3)
        ORDER BY ${order}`,
      [units, scope, state ?? null],
    );
    return rows.map((r) => r.id);
  }

  async function everyPage(q: Omit<DossierListQuery, 'page' | 'pageSize' | 'now' | 'locale'>) {
    const ids: string[] = [];
    let total = -1;
    for (let page = 1; page < 100; page++) {
      const res = await listDossiers(t.db, { ...q, page, pageSize: 7, now: t.ctx.now(), locale: 'vi' });
      total = res.total;
      ids.push(...res.items.map((i) => i.id));
      if (res.items.length < 7) break;
    }
    return { ids, total };
  }

  it('lists what the plain rule selects, each dossier once, in order, for units, states and sorts', async () => {
    const units = await t.db.query<{ unit: string }>(
      `SELECT DISTINCT receiving_unit_id AS unit FROM dossier WHERE agency_id = $1
        UNION SELECT DISTINCT current_unit_id FROM dossier WHERE agency_id = $1 AND current_unit_id IS NOT NULL`,
      [agencyId],
    );
    const receiving = await t.db.query<{ unit: string }>(
      'SELECT DISTINCT receiving_unit_id AS unit FROM dossier WHERE agency_id = $1',
      [agencyId],
    );
    // A dossier both received and held by one unit is where a plain UNION ALL would count twice.
    const [both] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM dossier WHERE agency_id = $1 AND receiving_unit_id = current_unit_id',
      [agencyId],
    );
    expect(both!.n).toBeGreaterThan(0);
    expect(units.length).toBeGreaterThan(2);
    const cases: { unit?: string; scope: string[]; state?: DossierState; sort: 'due' | '-received' }[] = [
      { scope: [agencyId], sort: 'due' },
      { scope: [agencyId], unit: agencyId, state: 'received', sort: 'due' },
      { scope: receiving.map((r) => r.unit), sort: '-received' },
      ...units.map((u) => ({ scope: [u.unit], unit: u.unit, sort: 'due' as const })),
      ...units.map((u) => ({
        scope: [agencyId],
        unit: u.unit,
        state: 'in_progress' as const,
        sort: 'due' as const,
      })),
      ...receiving.map((u) => ({ scope: [u.unit], sort: '-received' as const })),
    ];
    let nonEmpty = 0;
    for (const c of cases) {
      const expected = await plain(c.unit ? [c.unit] : c.scope, c.scope, c.state, c.sort);
      const got = await everyPage({ scope: c.scope, unit: c.unit, state: c.state, sort: c.sort });
      expect(got.ids, JSON.stringify(c)).toEqual(expected);
      expect(got.total, JSON.stringify(c)).toBe(expected.length);
      if (expected.length > 7) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(3);
  }, 120_000);

  it('gives the total on a page past the end, with no items', async () => {
    const all = await plain([agencyId], [agencyId], undefined, 'due');
    const res = await listDossiers(t.db, {
      scope: [agencyId],
      sort: 'due',
      page: 1000,
      pageSize: 20,
      now: t.ctx.now(),
      locale: 'vi',
    });
    expect(res.items).toEqual([]);
    expect(res.total).toBe(all.length);
  });
});
