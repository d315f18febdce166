import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { distributedTables, distributionSql, referenceTables } from '../src/db/distribution.ts';
import { sweepDeadlines } from '../src/jobs/deadline-sweep.ts';
import { deliverNotifications } from '../src/notifications/worker.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines, openTestDatabase } from './support/databases.ts';
import { recording } from './support/recording.ts';
import { receiveAtCounter, workPermitProcedure } from './support/staff.ts';

interface Key {
  table: string;
  name: string;
  kind: string;
  columns: string[];
  /** For a foreign key: the referenced table and columns. */
  refTable: string | null;
  refColumns: string[] | null;
}

/** Every primary key, unique constraint, unique index and foreign key of the public schema. */
async function keysOf(db: Database): Promise<Key[]> {
  const constraints = await db.query<Key>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, c.contype::text AS kind,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k (n, i) JOIN pg_attribute a
                    ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
            CASE WHEN c.contype = 'f' THEN c.confrelid::regclass::text END AS "refTable",
            CASE WHEN c.contype = 'f' THEN ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k (n, i) JOIN pg_attribute a
                    ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) END AS "refColumns"
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'public' AND c.contype IN ('p', 'u', 'f')`,
  );
  // Unique indexes made with CREATE UNIQUE INDEX (no constraint); an expression column has no name.
  const indexes = await db.query<Key>(
    `SELECT i.indrelid::regclass::text AS table, x.relname AS name, 'i' AS kind,
            ARRAY(SELECT COALESCE(a.attname::text, '(expression)') FROM unnest(i.indkey) WITH ORDINALITY k (n, i)
                    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
            NULL AS "refTable", NULL AS "refColumns"
       FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_namespace n ON n.oid = x.relnamespace
      WHERE n.nspname = 'public' AND i.indisunique
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))`,
  );
  return [...constraints, ...indexes];
}

const distributed = new Set<string>(distributedTables);

describe.each(engines)('the schema on %s', (engine) => {
  let db: Database;
  let keys: Key[];

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    keys = await keysOf(db);
  });

  afterAll(async () => {
    await db?.close();
  });

  it('classifies every table, with agency_id or not, as distributed or reference, once', async () => {
    const tables = (
      await db.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
      )
    ).map((r) => r.name);
    const classified = [...distributedTables, ...referenceTables];
    expect(new Set(classified).size, 'a table is in both lists').toBe(classified.length);
    expect(tables.filter((t) => !classified.includes(t as never))).toEqual([]);
    expect(classified.filter((t) => !tables.includes(t))).toEqual([]);
  });

  it('gives every distributed table a not-null agency_id and a primary key', async () => {
    const rows = await db.query<{ table: string; notnull: boolean }>(
      `SELECT c.relname AS table, a.attnotnull AS notnull FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'agency_id'
        WHERE n.nspname = 'public' AND c.relname = ANY($1::text[])`,
      [[...distributedTables]],
    );
    expect(
      rows
        .filter((r) => r.notnull)
        .map((r) => r.table)
        .sort(),
    ).toEqual([...distributedTables].sort());
    const withPk = new Set(keys.filter((k) => k.kind === 'p').map((k) => k.table));
    expect(distributedTables.filter((t) => !withPk.has(t))).toEqual([]);
  });

  it('puts agency_id in every primary key and unique constraint or index of a distributed table', () => {
    const without = keys
      .filter((k) => distributed.has(k.table) && k.kind !== 'f' && !k.columns.includes('agency_id'))
      .map((k) => `${k.table}.${k.name} (${k.columns.join(', ')})`);
    expect(without).toEqual([]);
  });

  it('makes every foreign key between distributed tables (agency_id, …) -> (agency_id, …)', () => {
    const between = keys.filter(
      (k) => k.kind === 'f' && distributed.has(k.table) && distributed.has(k.refTable!),
    );
    expect(between.length).toBeGreaterThan(5);
    const wrong = between
      .filter((k) => {
        const at = k.columns.indexOf('agency_id');
        return at < 0 || k.refColumns![at] !== 'agency_id';
      })
      .map(
        (k) =>
          `${k.table}.${k.name} (${k.columns.join(', ')}) -> ${k.refTable} (${k.refColumns!.join(', ')})`,
      );
    expect(wrong).toEqual([]);
  });

  it('has no foreign key from a reference table to a distributed one', () => {
    const wrong = keys
      .filter((k) => k.kind === 'f' && !distributed.has(k.table) && distributed.has(k.refTable!))
      .map((k) => `${k.table}.${k.name} -> ${k.refTable}`);
    expect(wrong).toEqual([]);
  });

  it('keeps the dossier key other migrations refer to: dossier_agency_key on (agency_id, id)', () => {
    expect(keys.find((k) => k.table === 'dossier' && k.name === 'dossier_agency_key')?.columns).toEqual([
      'agency_id',
      'id',
    ]);
  });
});

describe('docs/distribution.md', () => {
  it('quotes the statements that distribute the tables as the code lists them', async () => {
    const doc = await readFile(new URL('../../../docs/distribution.md', import.meta.url), 'utf8');
    expect(doc).toContain(`\`\`\`sql\n${distributionSql()}\n\`\`\``);
  });
});

const NOT_ALIAS = new Set(
  [
    'where',
    'on',
    'set',
    'join',
    'left',
    'right',
    'inner',
    'order',
    'group',
    'limit',
    'for',
    'returning',
    'using',
  ].concat(['union', 'values', 'select', 'and', 'or', 'offset']),
);
const tableRef = new RegExp(
  `\\b(FROM|JOIN|UPDATE|INTO)\\s+(${distributedTables.join('|')})\\b(?:\\s+(?:AS\\s+)?([a-z]\\w*))?`,
  'gi',
);

/**
 * Each use of a distributed table in a statement that does not name the agency: an INSERT without
 * agency_id among its columns, or a read, update or join of the table (by its alias, if it has
 * one) without a condition on its agency_id.
 */
export function withoutAgency(sql: string): string[] {
  const missing: string[] = [];
  // A condition on agency_id OR'd with another does not name the agency: drop such groups.
  let flat = sql;
  while (/\([^()]*\)/.test(flat))
    flat = flat.replace(/\(([^()]*)\)/g, (_, inner: string) => (/\bOR\b/i.test(inner) ? ' ' : `«${inner}»`));
  for (const m of sql.matchAll(tableRef)) {
    const [, kind, table] = m;
    const alias = m[3] && !NOT_ALIAS.has(m[3].toLowerCase()) ? m[3] : null;
    const named =
      kind!.toUpperCase() === 'INTO'
        ? new RegExp(`INTO\\s+${table}\\s*\\([^)]*\\bagency_id\\b`, 'i').test(sql)
        : new RegExp(`${alias ? `\\b${alias}\\.` : '(?<![.\\w])'}agency_id\\s*(=|IN\\b)`, 'i').test(flat);
    if (!named) missing.push(`${kind} ${table}${alias ? ` ${alias}` : ''}`);
  }
  return missing;
}

describe('the statements of a dossier’s life name its agency (PGlite)', () => {
  let t: TestApp;
  let tiepnhan: TestClient;
  const log: string[] = [];

  beforeAll(async () => {
    t = await startTestApp('pglite', { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    t.ctx.db = recording(t.db, log);
    tiepnhan = t.client();
    await tiepnhan.login('tiepnhan');
  });
  afterAll(() => t?.close());

  it('tells a statement that names the agency from one that does not', () => {
    expect(withoutAgency('SELECT * FROM dossier WHERE agency_id = $1 AND id = $2 FOR UPDATE')).toEqual([]);
    expect(withoutAgency('SELECT * FROM dossier WHERE id = $1 FOR UPDATE')).toEqual(['FROM dossier']);
    expect(
      withoutAgency('SELECT 1 FROM outbox o JOIN dossier d ON d.id = o.dossier_id WHERE o.agency_id = $1'),
    ).toEqual(['JOIN dossier d']);
    expect(withoutAgency('INSERT INTO outbox (kind) VALUES ($1)')).toEqual(['INTO outbox']);
    expect(
      withoutAgency('SELECT 1 FROM dossier d WHERE (d.agency_id = $1 OR d.receiving_unit_id = $1)'),
    ).toEqual(['FROM dossier d']);
    expect(withoutAgency('SELECT 1 FROM dossier_directory WHERE id = $1')).toEqual([]);
  });

  it('receives, forwards, shows, queues, looks up, sweeps and notifies, each statement by agency', async () => {
    const procedure = await workPermitProcedure(t);
    log.length = 0;
    const received = await receiveAtCounter(tiepnhan, procedure, {
      name: 'Trần Thị Bình',
      idNumber: '079123456789',
    });
    const d = received.json() as { id: string; code: string; version: number };
    const forwarded = await tiepnhan.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/forward_step`,
      payload: { version: d.version, input: { note: 'Chuyển phòng chuyên môn' } },
    });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect((await tiepnhan.request({ url: `/api/v1/dossiers/${d.id}` })).statusCode).toBe(200);
    expect((await tiepnhan.request({ url: `/api/v1/dossiers/${d.id}/forms/01.pdf` })).statusCode).toBe(200);
    expect((await tiepnhan.request({ url: '/api/v1/dossiers?open=true' })).statusCode).toBe(200);
    const lookup = await t.app.inject({ url: `/api/v1/dossiers/lookup?code=${encodeURIComponent(d.code)}` });
    expect(lookup.statusCode, lookup.body).toBe(200);
    await sweepDeadlines(t.ctx);
    await deliverNotifications(t.ctx, [], { worker: 'test' });

    const touching = log.filter((sql) => [...sql.matchAll(tableRef)].length > 0);
    expect(touching.length).toBeGreaterThan(20);
    // The action's lock is one agency's row.
    const locks = touching.filter((sql) => /FROM dossier\b.*FOR UPDATE/s.test(sql));
    expect(locks.length).toBeGreaterThan(0);
    for (const sql of locks) expect(sql).toMatch(/WHERE agency_id = \$\d/);
    // An action locks its dossier by (agency_id, id); the sweep takes one agency's rows SKIP LOCKED.
    expect(
      locks.filter((sql) => /WHERE agency_id = \$1 AND id = \$2 FOR UPDATE$/.test(sql)).length,
    ).toBeGreaterThan(0);
    expect(locks.filter((sql) => /SKIP LOCKED/.test(sql)).length).toBeGreaterThan(0);
    const offenders = touching
      .map((sql) => ({ sql: sql.replace(/\s+/g, ' ').slice(0, 200), missing: withoutAgency(sql) }))
      .filter((o) => o.missing.length > 0);
    expect(offenders).toEqual([]);
  });
});
