import pg from 'pg';
import type { Database, Queryable } from './database.ts';

// int8 (counts, sums) as JS numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// dates (not timestamps) as 'YYYY-MM-DD' strings, as PGlite is configured to return them.
pg.types.setTypeParser(1082, (v) => v);

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closes (a restart, a failover, an administrator) is dropped from
  // the pool and replaced on next use; without this listener it would crash the process instead.
  pool.on('error', () => {});
  // Fail at start, with the server's own words, when the URL is wrong.
  const client = await pool.connect();
  client.release();
  const query: Queryable['query'] = async (sql, params = []) =>
    (await pool.query(sql, params as unknown[])).rows;
  return {
    kind: 'postgres',
    query,
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction(fn) {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await fn({
          query: async (sql, params = []) => (await conn.query(sql, params as unknown[])).rows,
          exec: async (sql) => {
            await conn.query(sql);
          },
        });
        await conn.query('COMMIT');
        return result;
      } catch (err) {
        await conn.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}
