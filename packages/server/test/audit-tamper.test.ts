import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, type Queryable } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import {
  type AuditProblem,
  appendEvent,
  GENESIS_HASH,
  legacyEventHash,
  rowHash,
  type VerifyResult,
  verifyAuditChain,
} from '../src/dossiers/audit-chain.ts';
import { generateSigningKeyPem, parseSigningKey } from '../src/dossiers/audit-key.ts';
import { type Checkpoint, writeCheckpoints } from '../src/jobs/audit-checkpoint.ts';
import { seedDemo } from '../src/seed/seed.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines, openTestDatabase } from './support/databases.ts';
import { workPermitProcedure } from './support/staff.ts';

/**
 * Someone with write access to the database rewrites the dossier history; verify-audit must say
 * where. Each tampering below runs in a transaction that verify-audit reads and that is then
 * rolled back, so the next one starts from the intact history.
 */

const key = parseSigningKey(generateSigningKeyPem());
const otherKey = parseSigningKey(generateSigningKeyPem());

class Rollback extends Error {}

async function verifyTampered(
  db: Database,
  tamper: (tx: Queryable) => Promise<void>,
  trustedKeys = [key.publicKey],
): Promise<VerifyResult> {
  let result: VerifyResult | undefined;
  await db
    .transaction(async (tx) => {
      await tamper(tx);
      result = await verifyAuditChain(tx, { trustedKeys });
      throw new Rollback();
    })
    .catch((err) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return result!;
}

type EventRow = Record<string, unknown> & {
  id: string;
  agency_id: string;
  chain_seq: number;
  dossier_id: string;
  prev_hash: string;
  hash: string;
  from_state: string | null;
  to_state: string;
};

/** What an attacker who knows the algorithm does: recompute every hash from `fromSeq` and move the head. */
async function rechain(tx: Queryable, agencyId: string, fromSeq: number): Promise<void> {
  const rows = await tx.query<EventRow>(
    'SELECT * FROM dossier_event WHERE agency_id = $1 AND chain_seq >= $2 ORDER BY chain_seq',
    [agencyId, fromSeq],
  );
  const [before] = await tx.query<{ hash: string }>(
    'SELECT hash FROM dossier_event WHERE agency_id = $1 AND chain_seq = $2',
    [agencyId, fromSeq - 1],
  );
  let prev = before?.hash ?? GENESIS_HASH;
  let seq = fromSeq - 1;
  for (const row of rows) {
    const hash = rowHash(prev, { ...row, prev_hash: prev });
    await tx.query('UPDATE dossier_event SET prev_hash = $2, hash = $3 WHERE id = $1', [row.id, prev, hash]);
    prev = hash;
    seq = row.chain_seq;
  }
  await tx.query('UPDATE audit_chain_head SET last_seq = $2, last_hash = $3 WHERE agency_id = $1', [
    agencyId,
    seq,
    prev,
  ]);
}

/** Deletes the agency's last `n` events and moves the head back onto the one before, as if they never were. */
async function dropLastEvents(tx: Queryable, agencyId: string, n: number): Promise<void> {
  const [head] = await tx.query<{ last_seq: number }>(
    'SELECT last_seq::int AS last_seq FROM audit_chain_head WHERE agency_id = $1',
    [agencyId],
  );
  const keep = head!.last_seq - n;
  await tx.query('DELETE FROM dossier_event WHERE agency_id = $1 AND chain_seq > $2', [agencyId, keep]);
  const [last] = await tx.query<{ hash: string }>(
    'SELECT hash FROM dossier_event WHERE agency_id = $1 AND chain_seq = $2',
    [agencyId, keep],
  );
  await tx.query('UPDATE audit_chain_head SET last_seq = $2, last_hash = $3 WHERE agency_id = $1', [
    agencyId,
    keep,
    last!.hash,
  ]);
}

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.normalize('NFC').replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

describe.each(engines)('a rewritten history on %s', (engine) => {
  let t: TestApp;
  let counter: TestClient;
  let procedureId: string;
  let documents: { name: string }[];
  let dossierIds: string[];
  let agencyId: string;
  let lastEvent: EventRow;

  const receive = async () => {
    const res = await counter.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        procedureId,
        channel: 'counter',
        applicant: { name: 'Nguyễn Thị Hoa', idNumber: '079190001234', phone: '0909 111 222' },
        checklist: documents.map((d) => ({ document: d.name, received: true })),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; state: string };
  };
  const forward = async (d: { id: string; version: number }) => {
    const res = await counter.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/forward_step`,
      payload: { version: d.version, input: { note: 'Chuyển phòng chuyên môn' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; version: number; state: string };
  };
  const verify = (trustedKeys = [key.publicKey]) => verifyAuditChain(t.db, { trustedKeys });
  const headOf = async (agency: string) =>
    (
      await t.db.query<{ last_seq: number; last_hash: string }>(
        'SELECT last_seq::int AS last_seq, last_hash FROM audit_chain_head WHERE agency_id = $1',
        [agency],
      )
    )[0]!;
  const signAt = (iso: string) => writeCheckpoints({ ...t.ctx, now: () => new Date(iso) }, key);

  beforeAll(async () => {
    t = await startTestApp(engine);
    counter = t.client();
    await counter.login('tiepnhan');
    // A work permit: its first step is the counter's own, so the counter can forward it.
    const detail = await workPermitProcedure(t);
    procedureId = detail.id;
    documents = detail.documents;
    dossierIds = [];
    for (let n = 0; n < 3; n++) {
      const d = await receive();
      dossierIds.push(d.id);
    }
    // The last event of the chain moves its dossier to another state.
    const moved = await forward((await counter.request({ url: `/api/v1/dossiers/${dossierIds[2]}` })).json());
    expect(moved.state).not.toBe('received');
    const [last] = await t.db.query<EventRow>(
      'SELECT * FROM dossier_event WHERE dossier_id = $1 ORDER BY dossier_seq DESC LIMIT 1',
      [dossierIds[2]],
    );
    lastEvent = last!;
    agencyId = lastEvent.agency_id;
  });
  afterAll(() => t.close());

  const problemsOf = (r: VerifyResult) => r.problems;

  it('finds nothing wrong with the history the engine wrote', async () => {
    const result = await verify();
    expect(result.problems).toEqual([]);
    expect(result.events).toBeGreaterThanOrEqual(4);
    expect(result.dossiers).toBe(3);
  });

  it('names the event whose actor name was edited', async () => {
    const [first] = await t.db.query<EventRow>(
      'SELECT * FROM dossier_event WHERE dossier_id = $1 ORDER BY dossier_seq LIMIT 1',
      [dossierIds[0]],
    );
    const result = await verifyTampered(t.db, (tx) =>
      tx
        .query(`UPDATE dossier_event SET actor_name = 'Trần Văn Khác' WHERE id = $1`, [first!.id])
        .then(() => {}),
    );
    expect(problemsOf(result)).toContainEqual(
      expect.objectContaining({
        kind: 'chain',
        eventId: first!.id,
        dossierId: dossierIds[0],
        reason: 'hash_mismatch',
      }),
    );
  });

  it('names the dossier whose last event was deleted with the chain head moved back', async () => {
    const result = await verifyTampered(t.db, (tx) => dropLastEvents(tx, agencyId, 1));
    // The chain itself is consistent again; the dossier row still says where the deleted event left it.
    expect(result.firstProblem).toBeNull();
    expect(problemsOf(result)).toContainEqual(
      expect.objectContaining({
        kind: 'dossier',
        dossierId: dossierIds[2],
        reason: 'state_mismatch',
        state: lastEvent.to_state,
        lastEventState: lastEvent.from_state,
      }),
    );
  });

  it('names the dossier whose state no longer matches its last event', async () => {
    const result = await verifyTampered(t.db, (tx) =>
      tx.query(`UPDATE dossier SET state = 'returned' WHERE id = $1`, [dossierIds[1]]).then(() => {}),
    );
    expect(problemsOf(result)).toEqual([
      expect.objectContaining({
        kind: 'dossier',
        dossierId: dossierIds[1],
        reason: 'state_mismatch',
        state: 'returned',
        lastEventState: 'received',
      }),
    ]);
  });

  describe('with signed checkpoints', () => {
    let checkpoint: Checkpoint;

    it('are written by the schedule at the time of its clock, once per head', async () => {
      const run = await signAt('2026-03-02T03:00:00.000Z');
      expect(run.refused).toEqual([]);
      const mine = run.written.find((c) => c.agencyId === agencyId);
      expect(mine).toBeDefined();
      checkpoint = mine!;
      const head = await headOf(agencyId);
      expect(checkpoint).toMatchObject({
        chainSeq: head.last_seq,
        headHash: head.last_hash,
        keyFingerprint: key.fingerprint,
        signedAt: new Date('2026-03-02T03:00:00.000Z'),
      });
      // Nothing new since: nothing to sign.
      expect((await signAt('2026-03-02T04:00:00.000Z')).written).toEqual([]);
      const result = await verify();
      expect(result.problems).toEqual([]);
      expect(result.checkpoints).toBe(run.written.length);
    });

    it('do not verify with a key the verifier does not trust', async () => {
      const result = await verify([otherKey.publicKey]);
      expect(result.problems).toContainEqual(
        expect.objectContaining({ kind: 'checkpoint', checkpointId: checkpoint.id, reason: 'unknown_key' }),
      );
    });

    it('name the checkpoint whose row was edited', async () => {
      for (const edit of [
        `UPDATE audit_checkpoint SET signed_at = signed_at - interval '1 day' WHERE id = $1`,
        `UPDATE audit_checkpoint SET head_hash = repeat('a', 64) WHERE id = $1`,
        `UPDATE audit_checkpoint SET chain_seq = chain_seq - 1 WHERE id = $1`,
      ]) {
        const result = await verifyTampered(t.db, (tx) => tx.query(edit, [checkpoint.id]).then(() => {}));
        expect(result.problems, edit).toEqual([
          expect.objectContaining({
            kind: 'checkpoint',
            checkpointId: checkpoint.id,
            reason: 'bad_signature',
          }),
        ]);
      }
    });

    it('name the checkpoint behind which an event was edited and every later hash recomputed', async () => {
      const [first] = await t.db.query<EventRow>(
        'SELECT * FROM dossier_event WHERE agency_id = $1 AND chain_seq = 1',
        [agencyId],
      );
      const result = await verifyTampered(t.db, async (tx) => {
        await tx.query(`UPDATE dossier_event SET actor_name = 'Trần Văn Khác' WHERE id = $1`, [first!.id]);
        await rechain(tx, agencyId, 1);
      });
      // Every hash recomputes: only the signed head shows the rewriting.
      expect(result.firstProblem).toBeNull();
      expect(result.problems).toEqual([
        expect.objectContaining({
          kind: 'checkpoint',
          checkpointId: checkpoint.id,
          chainSeq: checkpoint.chainSeq,
          reason: 'hash_mismatch',
        }),
      ]);
    });

    it('are printed on the register (form 07) with the head hash, the signature and the key fingerprint', async () => {
      const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
      const res = await counter.request({
        url: `/api/v1/dossiers/register/07.pdf?from=${today}&to=${today}`,
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const text = await pdfText(res.rawPayload);
      expect(text).toContain('Mốc kiểm chứng nhật ký xử lý hồ sơ');
      expect(text).toContain(checkpoint.headHash);
      expect(text).toContain(checkpoint.signature);
      expect(text).toContain(checkpoint.keyFingerprint);
      expect(text).toContain(`sự kiện thứ ${checkpoint.chainSeq}`);
    });

    it('name the checkpoint when the last events are deleted and the head recomputed, and are not signed over', async () => {
      // Done for real (committed): the signing job must then refuse to bless the rewritten chain.
      await t.db.transaction((tx) => dropLastEvents(tx, agencyId, 1));
      await t.db.query('UPDATE dossier SET state = $2 WHERE id = $1', [dossierIds[2], lastEvent.from_state]);
      const gone = await verify();
      expect(gone.firstProblem).toBeNull();
      expect(gone.problems).toEqual([
        expect.objectContaining({ kind: 'checkpoint', checkpointId: checkpoint.id, reason: 'event_missing' }),
      ]);
      // New events fill the checkpoint's place in the chain with other hashes.
      await forward((await counter.request({ url: `/api/v1/dossiers/${dossierIds[0]}` })).json());
      await forward((await counter.request({ url: `/api/v1/dossiers/${dossierIds[1]}` })).json());
      const replaced = await verify();
      expect(replaced.problems).toEqual([
        expect.objectContaining({ kind: 'checkpoint', checkpointId: checkpoint.id, reason: 'hash_mismatch' }),
      ]);
      const run = await signAt('2026-03-02T05:00:00.000Z');
      expect(run.written.filter((c) => c.agencyId === agencyId)).toEqual([]);
      expect(run.refused).toContainEqual(
        expect.objectContaining({ kind: 'checkpoint', checkpointId: checkpoint.id, reason: 'hash_mismatch' }),
      );
    });
  });
});

const MIGRATIONS = fileURLToPath(new URL('../src/db/migrations/', import.meta.url));

describe.each(engines)('a history written before hash version 2, on %s', (engine) => {
  let db: Database;
  let agencyId: string;
  let dossierId: string;
  const legacyIds: string[] = [];

  beforeAll(async () => {
    // The database as it was before the upgrade: every migration but 0005 (those after it do not
    // touch the history, and today's seed needs them), events hashed version 1.
    db = await openTestDatabase(engine, { migrated: false });
    await db.exec(
      'CREATE TABLE schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    for (const file of (await readdir(MIGRATIONS)).filter((f) => !f.startsWith('0005')).sort()) {
      await db.exec(await readFile(`${MIGRATIONS}${file}`, 'utf8'));
      await db.query('INSERT INTO schema_migration (name) VALUES ($1)', [file]);
    }
    await seedDemo(db, new Date());
    const [p] = await db.query<{
      id: string;
      agency_id: string;
      current_version_id: string;
      field_code: string;
    }>(
      'SELECT id, agency_id, current_version_id, field_code FROM procedure WHERE current_version_id IS NOT NULL LIMIT 1',
    );
    agencyId = p!.agency_id;
    dossierId = randomUUID();
    const at = new Date('2026-03-02T02:00:00.000Z');
    await db.query(
      `INSERT INTO dossier (id, agency_id, procedure_id, procedure_version_id, field_code, channel, receiving_unit_id, state,
                            national_status, applicant, search_text, snapshot, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'counter', $2, 'in_progress', 4, '{}', '', '{}', 2, $6, $6)`,
      [dossierId, agencyId, p!.id, p!.current_version_id, p!.field_code, at],
    );
    let prev = GENESIS_HASH;
    const states: [string | null, string][] = [
      [null, 'received'],
      ['received', 'in_progress'],
    ];
    for (const [n, [fromState, toState]] of states.entries()) {
      const id = randomUUID();
      const fields = {
        chainSeq: n + 1,
        dossierId,
        dossierSeq: n + 1,
        at: at.toISOString(),
        actorId: null,
        action: n === 0 ? 'receive' : 'forward_step',
        fromState,
        toState,
        payload: { note: 'Tiếp nhận' },
      };
      const hash = legacyEventHash(prev, fields);
      await db.query(
        `INSERT INTO dossier_event (id, agency_id, chain_seq, dossier_id, dossier_seq, at, actor_id, actor_name, action,
                                    from_state, to_state, payload, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, NULL, 'Hệ thống', $7, $8, $9, $10, $11, $12)`,
        [
          id,
          agencyId,
          n + 1,
          dossierId,
          n + 1,
          at,
          fields.action,
          fromState,
          toState,
          '{"note":"Tiếp nhận"}',
          prev,
          hash,
        ],
      );
      legacyIds.push(id);
      prev = hash;
    }
    await db.query('INSERT INTO audit_chain_head (agency_id, last_seq, last_hash) VALUES ($1, 2, $2)', [
      agencyId,
      prev,
    ]);
    expect((await migrate(db)).applied).toEqual(['0005_audit_checkpoints.sql']);
  });
  afterAll(() => db.close());

  it('still verifies after the upgrade, and new events chain on with version 2', async () => {
    expect((await verifyAuditChain(db)).problems).toEqual([]);
    await db.transaction((tx) =>
      appendEvent(tx, {
        agencyId,
        dossierId,
        at: new Date('2026-03-03T02:00:00.000Z'),
        actorId: null,
        actorName: 'Hệ thống',
        action: 'assign',
        fromState: 'in_progress',
        toState: 'in_progress',
        payload: {},
      }),
    );
    const versions = await db.query<{ hash_version: number }>(
      'SELECT hash_version FROM dossier_event WHERE dossier_id = $1 ORDER BY dossier_seq',
      [dossierId],
    );
    expect(versions.map((v) => v.hash_version)).toEqual([1, 1, 2]);
    const result = await verifyAuditChain(db);
    expect(result.problems).toEqual([]);
    expect(result.events).toBe(3);
  });

  it('still names an old event whose hashed fields were edited', async () => {
    const result = await verifyTampered(db, (tx) =>
      tx
        .query(`UPDATE dossier_event SET payload = '{"note":"sửa lén"}' WHERE id = $1`, [legacyIds[1]])
        .then(() => {}),
    );
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'chain', eventId: legacyIds[1], reason: 'hash_mismatch' }),
    ]);
  });

  it('does not let an event written after the upgrade pass as an old one', async () => {
    // Edit the newest event and hash it the old way, which leaves its actor name out.
    const result = await verifyTampered(db, async (tx) => {
      const [row] = await tx.query<EventRow & { dossier_seq: number; at: Date; action: string }>(
        'SELECT * FROM dossier_event WHERE agency_id = $1 AND chain_seq = 3',
        [agencyId],
      );
      const hash = legacyEventHash(row!.prev_hash, {
        chainSeq: 3,
        dossierId: row!.dossier_id,
        dossierSeq: row!.dossier_seq,
        at: new Date(row!.at).toISOString(),
        actorId: null,
        action: row!.action,
        fromState: row!.from_state,
        toState: row!.to_state,
        payload: {},
      });
      await tx.query(
        `UPDATE dossier_event SET hash_version = 1, actor_name = 'Trần Văn Khác', hash = $2 WHERE id = $1`,
        [row!.id, hash],
      );
      await tx.query('UPDATE audit_chain_head SET last_hash = $2 WHERE agency_id = $1', [agencyId, hash]);
    });
    expect(result.problems).toEqual([
      expect.objectContaining({
        kind: 'chain',
        chainSeq: 3,
        reason: 'version_downgrade',
      } satisfies Partial<AuditProblem>),
    ]);
  });
});

const BIN = fileURLToPath(new URL('../bin/motcua.mjs', import.meta.url));

describe('verify-audit on the command line', () => {
  let dir: string;
  const motcua = (args: string[], env: Record<string, string>) => {
    const res = spawnSync(process.execPath, [BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', DATA_DIR: join(dir, 'data'), ...env },
      encoding: 'utf8',
      timeout: 180_000,
    });
    return { code: res.status, out: res.stdout, err: res.stderr };
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-audit-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stops on a wrong key file, signs checkpoints, and names the checkpoint a rewrite breaks', async () => {
    const keyFile = join(dir, 'audit.pem');
    const env = { AUDIT_SIGNING_KEY_FILE: keyFile, SEED_DEMO_DOSSIERS: '5' };
    const missing = motcua(['checkpoint'], env);
    expect(missing.code).toBe(78);
    expect(missing.err).toContain(`AUDIT_SIGNING_KEY_FILE="${keyFile}": no such file`);

    const created = motcua(['create-signing-key', keyFile], {});
    expect(created.code, created.err).toBe(0);
    const fingerprint = /Fingerprint: ([0-9a-f]{64})/.exec(created.out)?.[1];
    expect(fingerprint).toBeDefined();
    expect(motcua(['create-signing-key', keyFile], {}).code).toBe(1);

    expect(motcua(['seed'], env).code).toBe(0);
    const signed = motcua(['checkpoint'], env);
    expect(signed.code, signed.err).toBe(0);
    const id = /Checkpoint ([0-9a-f-]{36}): agency ([0-9a-f-]{36}) at event #(\d+)/.exec(signed.out);
    expect(id).not.toBeNull();
    const intact = motcua(['verify-audit'], env);
    expect(intact.code, intact.err).toBe(0);
    expect(intact.out).toContain(fingerprint!);

    // Drop the agency's newest event and move its head back, as someone with the database would.
    const db = await openDatabase({ dataDir: join(dir, 'data', 'pglite') });
    try {
      await db.transaction((tx) => dropLastEvents(tx, id![2]!, 1));
    } finally {
      await db.close();
    }
    const broken = motcua(['verify-audit'], env);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`checkpoint ${id![1]} of agency ${id![2]} at event #${id![3]}`);
    expect(broken.err).toContain('event_missing');
    // Seven CLI processes, each starting its own embedded database: minutes on a loaded machine.
  }, 240_000);
});
