import type { Database, Queryable } from '../../src/db/database.ts';

/**
 * The database, recording the text of every statement sent through it or its transactions into
 * `log`: for tests that count what a request asks of the database.
 */
export function recording(db: Database, log: string[]): Database {
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      log.push(sql);
      return q.query(sql, params);
    },
    exec: (sql) => q.exec(sql),
  });
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'query') return wrap(target).query;
      if (prop === 'transaction')
        return <T>(fn: (tx: Queryable) => Promise<T>) => target.transaction((tx) => fn(wrap(tx)));
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
