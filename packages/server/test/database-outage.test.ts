import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseStatus, DatabaseUnavailableError } from '../src/db/availability.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { createTestPostgresDatabase, type TestPostgresDatabase } from './support/databases.ts';

/**
 * The PostgreSQL server ends Motcua's connections (an administrator, a restart, a failover): the
 * query that was running gets a DatabaseUnavailableError (answered as a 503), nothing crashes the
 * process, and the pool works again on its own once the server answers.
 */
describe('a PostgreSQL connection ended by the server', () => {
  let created: TestPostgresDatabase;
  let db: Database;
  let admin: pg.Client;
  const changes: DatabaseStatus[] = [];

  /** Ends a server process and waits until it is gone, so its client has seen the end. */
  const terminate = async (pid: number) => {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    while ((await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
  };
  const nextChange = (reachable: boolean) =>
    new Promise<void>((resolve) => {
      const off = db.onStatusChange((s) => {
        if (s.reachable === reachable) {
          off();
          resolve();
        }
      });
    });

  beforeAll(async () => {
    created = await createTestPostgresDatabase();
    db = await openDatabase({ url: created.url });
    db.onStatusChange((s) => changes.push(s));
    admin = new pg.Client({ connectionString: created.url });
    await admin.connect();
    await db.exec('CREATE TABLE receipt (n int PRIMARY KEY)');
  });
  afterAll(async () => {
    await admin.end();
    await db.close();
    await created.drop();
  });

  it('fails the transaction in flight as unavailable, keeps nothing of it, and recovers', async () => {
    changes.length = 0;
    const back = nextChange(true);
    const failure = await db
      .transaction(async (tx) => {
        await tx.query('INSERT INTO receipt (n) VALUES (1)');
        const [me] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await terminate(me!.pid);
        await tx.query('INSERT INTO receipt (n) VALUES (2)');
      })
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect((failure as DatabaseUnavailableError).reason).toBe('connection_lost');
    expect(changes[0]).toMatchObject({ reachable: false, reason: 'connection_lost' });
    await back;
    expect(db.status().reachable).toBe(true);
    expect(await db.query('SELECT n FROM receipt')).toEqual([]);
    await db.transaction((tx) => tx.query('INSERT INTO receipt (n) VALUES (3)'));
    expect(await db.query('SELECT n FROM receipt')).toEqual([{ n: 3 }]);
  });

  it('drops idle connections the server ended and answers the next query', async () => {
    // Fill the pool with several idle connections.
    await Promise.all(Array.from({ length: 5 }, () => db.query('SELECT pg_sleep(0.05)')));
    const pids = await admin.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    expect(pids.rows.length).toBeGreaterThanOrEqual(2);
    for (const { pid } of pids.rows) await terminate(pid);
    // Let the pool see the ends of its idle connections.
    await new Promise((r) => setTimeout(r, 200));
    expect(await db.query('SELECT count(*)::int AS n FROM receipt')).toEqual([{ n: 1 }]);
    expect(db.status().reachable).toBe(true);
  });
});
