import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/motcua.mjs', import.meta.url));

/**
 * A crash in the middle of a burst of receipts: the server is killed with SIGKILL (no chance to
 * clean up), started again on the same data folder, and every dossier it had acknowledged with a
 * 201 must be there with its history, the codes unique, and the audit chain intact.
 */
describe('a crash during a burst of receipts (embedded database)', () => {
  let dir: string;
  let server: ChildProcess | null = null;
  const port = 4100 + Math.floor(Math.random() * 800);
  const base = `http://127.0.0.1:${port}`;
  const env = () => ({
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: join(dir, 'data'),
    LOG_LEVEL: 'warn',
    SEED_DEMO_DOSSIERS: '0',
    SWEEP_INTERVAL_SECONDS: '0',
    LOGIN_RATE_PER_MINUTE: '1000',
  });

  const start = async () => {
    server = spawn(process.execPath, [BIN, 'serve'], { env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
    for (let i = 0; i < 240; i++) {
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('server did not start');
  };
  const stop = async (signal: NodeJS.Signals) => {
    const s = server;
    if (!s || s.exitCode !== null) return;
    const exited = new Promise((r) => s.on('exit', r));
    s.kill(signal);
    await exited;
    server = null;
  };
  const signIn = async (username: string) => {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'Motcua@2025!demo' }),
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-crash-'));
  });
  afterAll(async () => {
    await stop('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged dossier with its events, and the audit chain verifies', async () => {
    await start();
    const session = await signIn('tiepnhan');
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
    const body = JSON.stringify({
      procedureId: procedure.id,
      channel: 'counter',
      applicant: { name: 'Lê Văn Tám' },
      checklist: procedure.documents.map((d) => ({ document: d.name, received: true })),
    });
    const acknowledged: { id: string; code: string }[] = [];
    let crashed = false;
    const worker = async () => {
      while (!crashed) {
        try {
          const res = await fetch(`${base}/api/v1/dossiers`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              cookie: session.cookie,
              'x-csrf-token': session.csrf,
            },
            body,
          });
          if (res.status === 201) {
            const d = (await res.json()) as { id: string; code: string };
            acknowledged.push({ id: d.id, code: d.code });
          }
        } catch {
          // The connection died with the server: that receipt was never acknowledged.
        }
      }
    };
    const workers = [worker(), worker(), worker()];
    while (acknowledged.length < 15) await new Promise((r) => setTimeout(r, 20));
    await stop('SIGKILL');
    crashed = true;
    await Promise.all(workers);
    expect(acknowledged.length).toBeGreaterThanOrEqual(15);

    await start();
    const again = await signIn('tiepnhan');
    for (const d of acknowledged) {
      const res = await fetch(`${base}/api/v1/dossiers/${d.id}`, { headers: { cookie: again.cookie } });
      expect(res.status, `dossier ${d.code} lost`).toBe(200);
      const detail = (await res.json()) as { code: string; events: unknown[] };
      expect(detail.code).toBe(d.code);
      expect(detail.events.length).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(acknowledged.map((d) => d.code)).size).toBe(acknowledged.length);
    await stop('SIGTERM');

    const verify = spawnSync(process.execPath, [BIN, 'verify-audit'], {
      env: env(),
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/Audit chain intact: \d+ events/);
  });
});
