import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, freePort, type RunningPostgres, startPostgres } from './support/postgres.ts';

const BIN = fileURLToPath(new URL('../bin/motcua.mjs', import.meta.url));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Attempt {
  key: string;
  beforeKill: boolean;
  status: number | 'no answer';
  type: string | null;
  body: { id?: string; code?: string; requestId?: string } | null;
}

/**
 * PostgreSQL killed while counter officers are receiving dossiers, then started again: the Motcua
 * process stays up, answers 503 problems meanwhile (health included), comes back by itself, and
 * every receipt it acknowledged with a 201 is there, once.
 */
describe('PostgreSQL killed and restarted under load', () => {
  let cluster: RunningPostgres;
  let url: string;
  let server: ChildProcess | null = null;
  let base: string;
  let port: number;
  const logs: { msg?: string; reason?: string }[] = [];
  const env = () => ({
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: url,
    DATA_DIR: '/nonexistent-motcua-outage',
    LOG_LEVEL: 'info',
    SEED_DEMO_DOSSIERS: '0',
    SWEEP_INTERVAL_SECONDS: '0',
    LOGIN_RATE_PER_MINUTE: '1000',
  });
  const health = () =>
    fetch(`${base}/api/health`).then(
      async (r) => ({ status: r.status, type: r.headers.get('content-type'), body: await r.json() }),
      () => null,
    );
  const until = async (what: string, check: () => Promise<boolean> | boolean, seconds = 30) => {
    for (let i = 0; i < seconds * 10; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  beforeAll(async () => {
    // Commits wait for their WAL write, so an acknowledged commit survives an immediate stop.
    cluster = await startPostgres({ durableCommits: true });
    url = await createDatabase(cluster.url, 'motcua');
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [BIN, 'serve'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let pending = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        try {
          logs.push(JSON.parse(line));
        } catch {
          // not a log line
        }
      }
    });
    await until('the server', async () => (await health())?.status === 200, 120);
  }, 180_000);
  afterAll(async () => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    // After a failed kill/restart the cluster may be down already; stop() still removes its files.
    await cluster?.stop().catch(() => {});
  });

  it('stays up, answers 503 while the database is away, and loses no acknowledged receipt', async () => {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tiepnhan', password: 'Motcua@2025!demo' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const list = (await (
      await fetch(`${base}/api/v1/procedures?q=cap%20giay%20phep%20lao%20dong`)
    ).json()) as {
      items: { id: string; name: string }[];
    };
    const permit = list.items.find((i) => i.name.startsWith('Cấp giấy phép lao động'))!;
    const procedure = (await (await fetch(`${base}/api/v1/procedures/${permit.id}`)).json()) as {
      id: string;
      documents: { name: string }[];
    };
    const payload = JSON.stringify({
      procedureId: procedure.id,
      channel: 'counter',
      applicant: { name: 'Lê Văn Tám' },
      checklist: procedure.documents.map((d) => ({ document: d.name, received: true })),
    });
    const receive = async (key: string, beforeKill: boolean): Promise<Attempt> => {
      try {
        const res = await fetch(`${base}/api/v1/dossiers`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie,
            'x-csrf-token': csrf,
            'idempotency-key': key,
          },
          body: payload,
        });
        return {
          key,
          beforeKill,
          status: res.status,
          type: res.headers.get('content-type'),
          body: (await res.json()) as Attempt['body'],
        };
      } catch {
        return { key, beforeKill, status: 'no answer', type: null, body: null };
      }
    };

    const attempts: Attempt[] = [];
    let killed = false;
    let done = false;
    const worker = async () => {
      while (!done) {
        const attempt = await receive(randomUUID(), !killed);
        attempts.push(attempt);
        if (attempt.status !== 201) await new Promise((r) => setTimeout(r, 50));
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    await until('receipts', () => attempts.filter((a) => a.status === 201).length >= 10);

    await cluster.kill();
    killed = true;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(server!.exitCode, 'the Motcua process exited').toBeNull();
    const away = await health();
    expect(away?.status).toBe(503);
    expect(away?.type).toMatch(/^application\/problem\+json/);
    expect(away?.body).toMatchObject({ code: 'database_unavailable', reason: expect.any(String) });
    expect(logs.some((l) => l.msg === 'database unreachable')).toBe(true);

    await cluster.restart();
    await until('health to recover', async () => (await health())?.status === 200);
    await until('the log to say so', () => logs.some((l) => l.msg === 'database reachable again'));
    done = true;
    await Promise.all(workers);
    expect(server!.exitCode).toBeNull();

    // Every request got an answer: a 201, or a 503 problem with a request id, never a 500.
    expect(attempts.filter((a) => a.status !== 201 && a.status !== 503)).toEqual([]);
    const refused = attempts.filter((a) => a.status === 503);
    expect(
      refused.filter((a) => a.beforeKill).length,
      'a request in flight when PostgreSQL died',
    ).toBeGreaterThan(0);
    for (const a of refused) {
      expect(a.type).toMatch(/^application\/problem\+json/);
      expect(a.body).toMatchObject({ code: 'database_unavailable' });
      expect(a.body?.requestId).toMatch(UUID);
    }

    // A refused receipt sent again with its key is received once: anew, or the answer it already had.
    for (const a of refused) {
      const again = await receive(a.key, false);
      expect(again.status).toBe(201);
      attempts.push(again);
    }
    const acknowledged = new Set(attempts.filter((a) => a.status === 201).map((a) => a.body!.id!));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const stored = await client.query<{ id: string }>('SELECT id FROM dossier');
      expect(new Set(stored.rows.map((r) => r.id))).toEqual(acknowledged);
    } finally {
      await client.end();
    }

    const exited = new Promise((r) => server!.on('exit', r));
    server!.kill('SIGTERM');
    await exited;
    const verify = spawnSync(process.execPath, [BIN, 'verify-audit'], {
      env: env(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/Audit chain intact: \d+ events/);
  }, 120_000);
});
