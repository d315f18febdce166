import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { FileStore } from './files/store.ts';

/** What every use case needs: the database, the configuration, and the clock (injected for tests). */
export interface AppContext {
  db: Database;
  /**
   * Where reports (and dashboards) read: a streaming replica when DATABASE_READ_URL is set. Absent,
   * they read from `db`; use `readDatabase(ctx)`. Never written to.
   */
  readDb?: Database;
  config: Config;
  now: () => Date;
  files: FileStore;
}

/** The database reports read from: the replica when there is one, else the database itself. */
export function readDatabase(ctx: AppContext): Database {
  return ctx.readDb ?? ctx.db;
}
