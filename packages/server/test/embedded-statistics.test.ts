import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { refreshEmbeddedStatistics } from '../src/jobs/embedded-statistics.ts';
import { engines, openTestDatabase } from './support/databases.ts';

/**
 * PGlite has no autovacuum, so the server analyses it itself; PostgreSQL's own autovacuum does
 * that there, and the job leaves it alone.
 */
describe.each(engines)('the planner statistics of the embedded database, on %s', (engine) => {
  let db: Database;
  const statisticsOf = async (table: string) =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = 'public' AND tablename = $1`,
        [table],
      )
    )[0]!.n;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await db.exec(`INSERT INTO org_unit (id, kind, code, name, effective_from)
                   SELECT gen_random_uuid(), 'agency', 'S' || g, 'Sở ' || g, '2020-01-01' FROM generate_series(1, 500) g`);
  });
  afterAll(() => db?.close());

  it(engine === 'pglite' ? 'are made by the job' : 'are left to autovacuum', async () => {
    // (On PostgreSQL autovacuum may analyse the table at any moment: only the job's answer is checked.)
    if (engine === 'pglite') expect(await statisticsOf('org_unit')).toBe(0);
    const refreshed = await refreshEmbeddedStatistics(db);
    expect(refreshed).toBe(engine === 'pglite');
    if (engine === 'pglite') expect(await statisticsOf('org_unit')).toBeGreaterThan(0);
  });
});
