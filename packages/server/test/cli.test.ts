import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/seed/demo-users.ts';

const BIN = fileURLToPath(new URL('../bin/motcua.mjs', import.meta.url));

function motcua(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

describe('the motcua command line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('explains itself and each command', () => {
    const all = motcua(['--help']);
    expect(all.code).toBe(0);
    for (const name of ['serve', 'migrate', 'seed', 'import-catalogue', 'export-catalogue']) {
      expect(all.out).toContain(name);
      const one = motcua([name, '--help']);
      expect(one.code, name).toBe(0);
      expect(one.out).toContain(`npx motcua ${name}`);
    }
    expect(motcua(['frobnicate']).code).toBe(2);
  });

  it('stops with a message naming a wrong variable', () => {
    const res = motcua(['migrate'], { PORT: 'abc', DATA_DIR: join(dir, 'x') });
    expect(res.code).toBe(78);
    expect(res.err).toContain('PORT="abc"');
  });

  it('migrates, seeds, exports and re-imports the catalogue', () => {
    const env = { DATA_DIR: join(dir, 'data'), SEED_DEMO_DOSSIERS: '20' };
    expect(motcua(['migrate'], env).out).toContain('Applied');
    // Every demo account (the README's table lists them), no more, no fewer.
    expect(motcua(['seed'], env).out).toMatch(
      new RegExp(`Seeded \\d+ units, \\d+ procedures, ${DEMO_USERS.length} accounts, 20 dossiers`),
    );
    expect(motcua(['seed'], env).out).toContain('nothing was seeded');
    const file = join(dir, 'catalogue.xlsx');
    const exported = motcua(['export-catalogue', file], env);
    expect(exported.code).toBe(0);
    const count = Number(/Exported (\d+)/.exec(exported.out)?.[1]);
    expect(count).toBeGreaterThanOrEqual(40);
    const dry = motcua(['import-catalogue', file, '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`Dry run: would import ${count} procedures (0 new, ${count} updated`);
    const bad = motcua(['import-catalogue', join(dir, 'missing.xlsx')], env);
    expect(bad.code).toBe(1);
    // Six commands, each a process that opens the embedded database: slower on a loaded machine.
  }, 150_000);

  it('warns at start, outside the demo, that receipts point to localhost while PUBLIC_URL is unset', async () => {
    const startAndStop = async (extra: Record<string, string>) => {
      const port = 3900 + Math.floor(Math.random() * 90);
      const { PUBLIC_URL: _unset, ...inherited } = process.env;
      const child = spawn(process.execPath, [BIN, 'serve'], {
        env: {
          ...inherited,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: join(dir, `data-public-url-${port}`),
          LOG_LEVEL: 'warn',
          SEED_DEMO: 'false',
          ...extra,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += String(chunk);
      });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      for (let i = 0; i < 120; i++) {
        const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      child.kill('SIGTERM');
      await exited;
      return out;
    };
    const unset = await startAndStop({});
    expect(unset).toContain('PUBLIC_URL is not set');
    const set = await startAndStop({ PUBLIC_URL: 'https://dichvucong.example.gov.vn' });
    expect(set).not.toContain('PUBLIC_URL');
  });

  it('finishes a request in flight when told to stop', async () => {
    const port = 3900 + Math.floor(Math.random() * 90);
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: join(dir, 'data'),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 120; i++) {
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // Start a sign-in (argon2 takes a moment), then ask the server to stop while it runs.
    const inFlight = fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Motcua@2025!demo' }),
    });
    await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await exited).toBe(0);
  });
});
