import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { openDatabase } from '../src/db/database.ts';
import { appendEvent, verifyAuditChain } from '../src/dossiers/audit-chain.ts';
import { nextSequenceNumber } from '../src/dossiers/sequence.ts';
import { claim, enqueue } from '../src/jobs/outbox.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { engines } from './support/databases.ts';

/** A bare dossier row for the history tests, on a seeded procedure. */
async function insertDossier(db: Database, agencyId: string): Promise<string> {
  const [p] = await db.query<{ id: string; current_version_id: string; field_code: string }>(
    'SELECT id, current_version_id, field_code FROM procedure WHERE current_version_id IS NOT NULL LIMIT 1',
  );
  const id = randomUUID();
  const now = new Date();
  await db.query(
    `INSERT INTO dossier (id, agency_id, procedure_id, procedure_version_id, field_code, channel, receiving_unit_id, state,
                          national_status, applicant, search_text, snapshot, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'counter', $2, 'in_progress', 4, '{}', '', '{}', 1, $6, $6)`,
    [id, agencyId, p!.id, p!.current_version_id, p!.field_code, now],
  );
  return id;
}

describe.each(engines)('dossier infrastructure on %s', (engine) => {
  let t: TestApp;
  let agencies: string[];
  beforeAll(async () => {
    t = await startTestApp(engine);
    agencies = (
      await t.db.query<{ id: string }>("SELECT id FROM org_unit WHERE kind = 'agency' ORDER BY code")
    ).map((r) => r.id);
  });
  afterAll(() => t.close());

  it('hands out daily sequence numbers with no duplicate and no gap, even when receipts run at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        t.db.transaction((tx) => nextSequenceNumber(tx, 'UNIT.A', '2026-03-02')),
      ),
    );
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    // Another day, another unit: both start at 1.
    expect(await t.db.transaction((tx) => nextSequenceNumber(tx, 'UNIT.A', '2026-03-03'))).toBe(1);
    expect(await t.db.transaction((tx) => nextSequenceNumber(tx, 'UNIT.B', '2026-03-02'))).toBe(1);
  });

  it('gives back the number of a receipt that rolled back', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await nextSequenceNumber(tx, 'UNIT.C', '2026-03-02');
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await t.db.transaction((tx) => nextSequenceNumber(tx, 'UNIT.C', '2026-03-02'))).toBe(1);
  });

  it('chains events per agency and names the first tampered or missing event', async () => {
    const [a, b] = agencies as [string, string];
    const dossierA = await insertDossier(t.db, a);
    const dossierB = await insertDossier(t.db, b);
    const append = (agencyId: string, dossierId: string, action: string) =>
      t.db.transaction((tx) =>
        appendEvent(tx, {
          agencyId,
          dossierId,
          at: new Date(),
          actorId: null,
          actorName: 'Hệ thống',
          action,
          fromState: 'received',
          toState: 'in_progress',
          payload: { note: 'Chuyển phòng chuyên môn – xử lý', n: 1.5, nested: { z: 1, a: [1, 'hai'] } },
        }),
      );
    await Promise.all([append(a, dossierA, 'one'), append(b, dossierB, 'one'), append(a, dossierA, 'two')]);
    await append(a, dossierA, 'three');
    const intact = await verifyAuditChain(t.db);
    expect(intact.firstProblem).toBeNull();
    expect(intact.events).toBeGreaterThanOrEqual(4);

    const [second] = await t.db.query<{ id: string }>(
      'SELECT id FROM dossier_event WHERE agency_id = $1 AND chain_seq = 2',
      [a],
    );
    await t.db.query(`UPDATE dossier_event SET payload = '{"note":"sửa lén"}' WHERE id = $1`, [second!.id]);
    const tampered = await verifyAuditChain(t.db);
    expect(tampered.firstProblem).toMatchObject({
      agencyId: a,
      chainSeq: 2,
      eventId: second!.id,
      reason: 'hash_mismatch',
    });

    await t.db.query('DELETE FROM dossier_event WHERE id = $1', [second!.id]);
    const deleted = await verifyAuditChain(t.db);
    expect(deleted.firstProblem).toMatchObject({ agencyId: a, chainSeq: 2, reason: 'missing_event' });
  });

  it('queues a notification once per dedupe key and lets workers claim each message once', async () => {
    const now = new Date();
    const first = await enqueue(
      t.db,
      { agencyId: null, kind: 'test', recipientId: null, dossierId: null, payload: {}, dedupeKey: 'k1' },
      now,
    );
    const again = await enqueue(
      t.db,
      { agencyId: null, kind: 'test', recipientId: null, dossierId: null, payload: {}, dedupeKey: 'k1' },
      now,
    );
    expect([first, again]).toEqual([true, false]);
    for (let i = 0; i < 20; i++) {
      await enqueue(
        t.db,
        { agencyId: null, kind: 'test', recipientId: null, dossierId: null, payload: { i } },
        now,
      );
    }
    const second = engine === 'postgres' ? await openDatabase({ url: await urlOf(t.db) }) : t.db;
    const [x, y] = await Promise.all([claim(t.db, 'w1', 15, now), claim(second, 'w2', 15, now)]);
    if (second !== t.db) await second.close();
    const ids = [...x, ...y].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(21);
  });
});

/** The URL of a test PostgreSQL database, read back from the server, for a second connection pool. */
async function urlOf(db: Database): Promise<string> {
  const [row] = await db.query<{ db: string; port: number }>(
    "SELECT current_database() AS db, current_setting('port')::int AS port",
  );
  return `postgres://motcua@127.0.0.1:${row!.port}/${row!.db}`;
}
