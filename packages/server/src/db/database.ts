/**
 * One small interface over the two engines Motcua runs on: PGlite (PostgreSQL compiled to WASM,
 * in process, the zero-set-up default) and a PostgreSQL server (production). Queries are plain
 * PostgreSQL with $1 parameters, so the same SQL runs on both.
 */
import type { DatabaseStatus, StatusListener } from './availability.ts';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Whether the database answered the last time it was used (always true for PGlite). */
  status(): DatabaseStatus;
  /** Called when the database becomes unreachable and when it answers again; returns an unsubscribe. */
  onStatusChange(listener: StatusListener): () => void;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL of a PostgreSQL server; when absent, PGlite is used. */
  url?: string | undefined;
  /** Folder for PGlite's files; `undefined` keeps the database in memory (tests). */
  dataDir?: string | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(options.url);
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite(options.dataDir);
}
