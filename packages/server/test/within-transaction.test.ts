import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { withinTransaction } from '../src/db/within.ts';
import { engines, openTestDatabase } from './support/databases.ts';

/** Work written for a whole database, run as one transaction (how the demo is seeded). */
describe.each(engines)('withinTransaction on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(engine, { migrated: false });
    await db.exec('CREATE TABLE item (n int PRIMARY KEY)');
  });
  afterAll(() => db.close());

  const items = async () => (await db.query<{ n: number }>('SELECT n FROM item ORDER BY n')).map((r) => r.n);

  it('keeps nothing when the whole job fails, even what its inner transactions committed', async () => {
    const failed = db.transaction(async (tx) => {
      const inner = withinTransaction(db, tx);
      await inner.transaction((t) => t.query('INSERT INTO item (n) VALUES (1)'));
      await inner.query('INSERT INTO item (n) VALUES (2)');
      throw new Error('killed half-way');
    });
    await expect(failed).rejects.toThrow('killed half-way');
    expect(await items()).toEqual([]);
  });

  it('rolls back an inner transaction alone when it throws, and commits the rest with the job', async () => {
    await db.transaction(async (tx) => {
      const inner = withinTransaction(db, tx);
      await inner.transaction((t) => t.query('INSERT INTO item (n) VALUES (1)'));
      await expect(
        inner.transaction(async (t) => {
          await t.query('INSERT INTO item (n) VALUES (2)');
          await t.query('INSERT INTO item (n) VALUES (1)'); // duplicate key
        }),
      ).rejects.toMatchObject({ code: '23505' });
      await inner.query('INSERT INTO item (n) VALUES (3)');
    });
    expect(await items()).toEqual([1, 3]);
  });
});
