import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { FileStore } from './files/store.ts';

/** What every use case needs: the database, the configuration, and the clock (injected for tests). */
export interface AppContext {
  db: Database;
  config: Config;
  now: () => Date;
  files: FileStore;
}
