import { join } from 'node:path';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { refreshTimeFacts } from './dossiers/time-facts.ts';
import { FileStore } from './files/store.ts';

/** Opens the configured database (PGlite under DATA_DIR unless DATABASE_URL is set) and migrates it. */
export async function openContext(config: Config): Promise<AppContext & { migrations: string[] }> {
  const db = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  const { applied } = await migrate(db);
  // Rows written before the time-fact columns existed get them from core (migration 0013).
  await db.transaction((tx) => refreshTimeFacts(tx, 'stale'));
  return {
    db,
    config,
    now: () => new Date(),
    files: new FileStore(join(config.dataDir, 'files')),
    migrations: applied,
  };
}
