/**
 * Databases for tests that must pass on both engines Motcua runs on:
 *
 *   describe.each(engines)('%s', (engine) => {
 *     let db: Database;
 *     beforeAll(async () => { db = await openTestDatabase(engine); });
 *     afterAll(() => db.close());
 *   });
 *
 * 'pglite' is a new in-memory PGlite; 'postgres' is a new database in the cluster that the server
 * project's global setup started, so test files can run in parallel without seeing each other.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createDatabase, dropDatabase } from './postgres.ts';

export const engines = ['pglite', 'postgres'] as const;
export type Engine = (typeof engines)[number];

export interface TestDatabaseOptions {
  /** Apply the migrations before returning (default true). */
  migrated?: boolean;
}

export interface TestPostgresDatabase {
  /** URL of the new, empty database. */
  url: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

/** A new empty database in the shared test cluster (for tests that need its URL, e.g. several pools). */
export async function createTestPostgresDatabase(): Promise<TestPostgresDatabase> {
  const adminUrl = inject('postgresUrl');
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(adminUrl, name);
  return { url, drop: () => dropDatabase(adminUrl, name) };
}

/** Opens a new database on `engine`, migrated unless told otherwise; `close()` also discards it. */
export async function openTestDatabase(engine: Engine, options: TestDatabaseOptions = {}): Promise<Database> {
  let db: Database;
  if (engine === 'pglite') {
    db = await openDatabase({});
  } else {
    const created = await createTestPostgresDatabase();
    const opened = await openDatabase({ url: created.url });
    db = {
      ...opened,
      async close() {
        await opened.close();
        await created.drop();
      },
    };
  }
  if (options.migrated ?? true) {
    try {
      await migrate(db);
    } catch (err) {
      await db.close().catch(() => {});
      throw err;
    }
  }
  return db;
}
