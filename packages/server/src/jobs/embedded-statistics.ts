import type { Database } from '../db/database.ts';

/** How often the embedded database's planner statistics are refreshed. */
export const EMBEDDED_STATISTICS_INTERVAL_MS = 60 * 60 * 1000;

/**
 * PostgreSQL keeps its planner statistics fresh with autovacuum; PGlite, running inside this
 * process, has no autovacuum, so without this its tables would never be analysed and every plan
 * would rest on default guesses (a look-up of 2 000 keys taken for a read of the whole table, say).
 * ANALYZE samples each table, so it takes well under a second even on a large office's database.
 * On PostgreSQL this does nothing.
 */
export async function refreshEmbeddedStatistics(db: Database): Promise<boolean> {
  if (db.kind !== 'pglite') return false;
  await db.exec('ANALYZE');
  return true;
}

/** Refreshes them once soon after the start, then every `intervalMs`. */
export function startEmbeddedStatistics(
  db: Database,
  intervalMs: number,
  log: (err: unknown) => void,
): () => Promise<void> {
  if (db.kind !== 'pglite') return async () => {};
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running.then(() => refreshEmbeddedStatistics(db)).catch(log);
  };
  const first = setTimeout(run, Math.min(intervalMs, 60_000));
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
