import pg from 'pg';
import { Availability, DatabaseUnavailableError, unavailableReason } from './availability.ts';
import type { Database, Queryable } from './database.ts';

// int8 (counts, sums) as JS numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// dates (not timestamps) as 'YYYY-MM-DD' strings, as PGlite is configured to return them.
pg.types.setTypeParser(1082, (v) => v);

/** While the server is away, how often to try it so that its return is noticed without traffic. */
const PROBE_INTERVAL_MS = 1_000;

export interface PostgresOptions {
  /** How long a request waits for a connection before it gets a 503. */
  connectTimeoutMs?: number;
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    keepAlive: true,
  });
  const availability = new Availability();
  let probe: NodeJS.Timeout | undefined;
  let closed = false;

  const startProbe = () => {
    if (probe || closed) return;
    probe = setInterval(() => {
      pool.query('SELECT 1').then(
        () => availability.up(),
        (err: Error) => {
          const reason = unavailableReason(err);
          if (reason) availability.down(reason, err);
        },
      );
    }, PROBE_INTERVAL_MS);
    probe.unref();
  };
  availability.onChange((status) => {
    if (status.reachable && probe) {
      clearInterval(probe);
      probe = undefined;
    } else if (!status.reachable) {
      startProbe();
    }
  });

  /** A driver error that means "no database" becomes a DatabaseUnavailableError (a 503). */
  const noticed = (err: unknown): unknown => {
    const reason = unavailableReason(err);
    if (!reason) return err;
    availability.down(reason, err as Error);
    return new DatabaseUnavailableError(reason, err as Error);
  };
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    let result: T;
    try {
      result = await work();
    } catch (err) {
      throw noticed(err);
    }
    availability.up();
    return result;
  };

  // An idle connection the server closes (a restart, a failover, an administrator) is dropped from
  // the pool and replaced on next use; without this listener it would crash the process instead.
  pool.on('error', (err) => {
    noticed(err);
  });
  // Fail at start, with the server's own words, when the URL is wrong.
  const client = await pool.connect();
  client.release();

  const query: Queryable['query'] = (sql, params = []) =>
    guarded(async () => (await pool.query(sql, params as unknown[])).rows);
  return {
    kind: 'postgres',
    query,
    exec: (sql) =>
      guarded(async () => {
        await pool.query(sql);
      }),
    async transaction(fn) {
      const conn = await guarded(() => pool.connect());
      // The pool stops listening to a connection while it is checked out: a server that goes away
      // mid-transaction makes it emit 'error', which would otherwise end the process.
      let broken: Error | undefined;
      const onError = (err: Error) => {
        broken = err;
        noticed(err);
      };
      conn.on('error', onError);
      const inTx = <T>(work: () => Promise<T>) =>
        guarded(async () => {
          if (broken) throw broken;
          return work();
        });
      try {
        await inTx(() => conn.query('BEGIN'));
        const result = await fn({
          query: (sql, params = []) => inTx(async () => (await conn.query(sql, params as unknown[])).rows),
          exec: (sql) =>
            inTx(async () => {
              await conn.query(sql);
            }),
        });
        await inTx(() => conn.query('COMMIT'));
        return result;
      } catch (err) {
        if (err instanceof DatabaseUnavailableError) broken ??= err.cause;
        else await conn.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        conn.removeListener('error', onError);
        // A connection that failed is closed rather than handed to the next request.
        conn.release(broken);
      }
    },
    status: () => availability.status,
    onStatusChange: (listener) => availability.onChange(listener),
    async close() {
      closed = true;
      if (probe) clearInterval(probe);
      await pool.end();
    },
  };
}
