import { join } from 'node:path';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { refreshTimeFacts } from './dossiers/time-facts.ts';
import { FileStore } from './files/store.ts';

/**
 * Opens the configured database (PGlite under DATA_DIR unless DATABASE_URL is set) and migrates it;
 * with `readReplica` (the server), also the replica of DATABASE_READ_URL that reports read from.
 */
export async function openContext(
  config: Config,
  options: { readReplica?: boolean } = {},
): Promise<AppContext & { migrations: string[] }> {
  const db = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  const { applied } = await migrate(db);
  // Rows written before the time-fact columns existed get them from core (migration 0013).
  await db.transaction((tx) => refreshTimeFacts(tx, 'stale'));
  // The replica follows the primary's schema by replication: it is opened, never migrated.
  const readDb =
    options.readReplica && config.databaseReadUrl
      ? await openDatabase({ url: config.databaseReadUrl })
      : undefined;
  return {
    db,
    ...(readDb ? { readDb } : {}),
    config,
    now: () => new Date(),
    files: new FileStore(join(config.dataDir, 'files')),
    migrations: applied,
  };
}
