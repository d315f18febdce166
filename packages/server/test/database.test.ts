import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createTestPostgresDatabase, engines, openTestDatabase } from './support/databases.ts';

const migrationFiles = async (): Promise<string[]> =>
  (await readdir(fileURLToPath(new URL('../src/db/migrations/', import.meta.url))))
    .filter((f) => f.endsWith('.sql'))
    .sort();

const insertUnit = (db: Pick<Database, 'query'>, code: string, effectiveFrom = '2025-07-01') =>
  db.query(
    `INSERT INTO org_unit (id, kind, code, name, effective_from)
     VALUES ($1, 'province', $2, 'Tỉnh Thử Nghiệm', $3)`,
    [randomUUID(), code, effectiveFrom],
  );

describe.each(engines)('database on %s', (engine) => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
  });

  afterAll(async () => {
    await db?.close();
  });

  it('is the engine it was asked for', () => {
    expect(db.kind).toBe(engine);
  });

  it('applies every migration once, and a second run applies nothing', async () => {
    const fresh = await openTestDatabase(engine, { migrated: false });
    try {
      const files = await migrationFiles();
      expect(files.length).toBeGreaterThan(0);
      expect((await migrate(fresh)).applied).toEqual(files);
      expect((await migrate(fresh)).applied).toEqual([]);
      const rows = await fresh.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY name');
      expect(rows.map((r) => r.name)).toEqual(files);
      const [table] = await fresh.query<{ exists: boolean }>(
        "SELECT to_regclass('public.org_unit') IS NOT NULL AS exists",
      );
      expect(table?.exists).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('rolls back everything a failing transaction wrote, and stays usable', async () => {
    const code = `ROLLBACK.${engine}`;
    await expect(
      db.transaction(async (tx) => {
        await insertUnit(tx, code);
        const inside = await tx.query('SELECT 1 FROM org_unit WHERE code = $1', [code]);
        expect(inside).toHaveLength(1);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.query('SELECT 1 FROM org_unit WHERE code = $1', [code])).toEqual([]);

    // A failing statement rolls back the statements before it in the same transaction too.
    const other = `ROLLBACK2.${engine}`;
    await expect(
      db.transaction(async (tx) => {
        await insertUnit(tx, other);
        await tx.query('SELECT * FROM no_such_table');
      }),
    ).rejects.toThrow();
    expect(await db.query('SELECT 1 FROM org_unit WHERE code = $1', [other])).toEqual([]);

    const committed = `COMMIT.${engine}`;
    const result = await db.transaction(async (tx) => {
      await insertUnit(tx, committed);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await db.query('SELECT 1 FROM org_unit WHERE code = $1', [committed])).toHaveLength(1);
  });

  it("returns dates as 'YYYY-MM-DD' strings, with no time zone shift", async () => {
    const code = `DATE.${engine}`;
    await insertUnit(db, code, '2024-02-29');
    const [row] = await db.query<{ effective_from: unknown; today: unknown; literal: unknown }>(
      `SELECT effective_from, current_date AS today, '1999-12-31'::date AS literal FROM org_unit WHERE code = $1`,
      [code],
    );
    expect(row?.effective_from).toBe('2024-02-29');
    expect(row?.literal).toBe('1999-12-31');
    expect(row?.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [param] = await db.query<{ d: unknown }>('SELECT $1::date AS d', ['2025-01-01']);
    expect(param?.d).toBe('2025-01-01');
  });

  it('lets two migrate() calls run at the same time on one database', async () => {
    const files = await migrationFiles();
    if (engine === 'pglite') {
      // One PGlite instance is one connection: the two runs take turns.
      const fresh = await openTestDatabase(engine, { migrated: false });
      try {
        const results = await Promise.all([migrate(fresh), migrate(fresh)]);
        expect(results.flatMap((r) => r.applied).sort()).toEqual(files);
      } finally {
        await fresh.close();
      }
      return;
    }
    // Two pools, as two server processes starting together would have.
    const created = await createTestPostgresDatabase();
    const a = await openDatabase({ url: created.url });
    const b = await openDatabase({ url: created.url });
    try {
      const results = await Promise.all([migrate(a), migrate(b), migrate(a), migrate(b)]);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(files);
      const rows = await a.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migration');
      expect(rows[0]?.n).toBe(files.length);
    } finally {
      await a.close();
      await b.close();
      await created.drop();
    }
  });
});
