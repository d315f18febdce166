import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { bumpCounters } from '../src/dossiers/records-store.ts';
import { engines, openTestDatabase } from './support/databases.ts';

/**
 * The Biểu 06 counters an action moves are written in one statement. Deltas of one day and metric
 * must add up there: one INSERT … ON CONFLICT may not touch a row twice, so unsummed they would
 * fail the action (or, summed wrongly, count it once).
 */
describe.each(engines)('the counters of one action on %s', (engine) => {
  let db: Database;
  const agencyId = randomUUID();
  const group = { agencyId, unitId: agencyId, fieldCode: 'LD', channel: 'counter' };
  const counter = async (day: string, metric: string) =>
    (
      await db.query<{ n: number }>(
        'SELECT n FROM dossier_counter WHERE agency_id = $1 AND day = $2 AND metric = $3',
        [agencyId, day, metric],
      )
    )[0]?.n ?? null;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await db.query(
      `INSERT INTO org_unit (id, kind, code, name, effective_from) VALUES ($1, 'agency', $2, 'Sở thử', '2020-01-01')`,
      [agencyId, `T${agencyId.slice(0, 6)}`],
    );
  });
  afterAll(() => db?.close());

  it('add up deltas of the same day and metric, and add to what the counter already held', async () => {
    await bumpCounters(db, group, [{ day: '2027-01-04', metric: 'received', delta: 1 }]);
    await bumpCounters(db, group, [
      { day: '2027-01-04', metric: 'received', delta: 1 },
      { day: '2027-01-05', metric: 'open', delta: 1 },
      { day: '2027-01-04', metric: 'received', delta: 2 },
      { day: '2027-01-05', metric: 'open', delta: -1 },
    ]);
    expect(await counter('2027-01-04', 'received')).toBe(4);
    expect(await counter('2027-01-05', 'open')).toBe(0);
  });

  it('write nothing for an action that moves no counter', async () => {
    await bumpCounters(db, group, []);
    expect(await counter('2027-01-06', 'received')).toBeNull();
  });
});
