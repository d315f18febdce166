import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

/** PGlite runs one connection; its `transaction` holds that connection for the whole transaction. */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // Dates (not timestamps) come back as 'YYYY-MM-DD' strings on both engines: a legal date has no time zone.
  const options = { parsers: { 1082: (v: string) => v } };
  const db = dataDir ? new PGlite(dataDir, options) : new PGlite(options);
  await db.waitReady;
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const root = wrap(db);
  const openedAt = new Date();
  return {
    kind: 'pglite',
    query: root.query,
    exec: root.exec,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    // In process: it cannot go away while Motcua runs.
    status: () => ({ reachable: true, since: openedAt }),
    onStatusChange: () => () => {},
    close: () => db.close(),
  };
}
