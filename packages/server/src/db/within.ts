import type { Database, Queryable } from './database.ts';

/**
 * A Database whose every query runs inside the open transaction `tx`, so that code written for a
 * whole database (its own transactions included) can be made all-or-nothing. A nested
 * `transaction` becomes a savepoint: it still rolls back alone when it throws.
 */
export function withinTransaction(parent: Database, tx: Queryable): Database {
  let depth = 0;
  return {
    kind: parent.kind,
    query: (sql, params) => tx.query(sql, params),
    exec: (sql) => tx.exec(sql),
    async transaction(fn) {
      const name = `nested_${++depth}`;
      await tx.query(`SAVEPOINT ${name}`);
      try {
        const result = await fn(tx);
        await tx.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (err) {
        await tx.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => {});
        throw err;
      } finally {
        depth--;
      }
    },
    status: () => parent.status(),
    onStatusChange: (listener) => parent.onStatusChange(listener),
    close: async () => {
      throw new Error('a database bound to a transaction is closed by its owner');
    },
  };
}
