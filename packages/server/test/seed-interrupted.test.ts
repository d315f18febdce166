import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { DEMO_USERS } from '../src/seed/demo-users.ts';
import { DEMO_UNITS } from '../src/seed/organisation-data.ts';

const BIN = fileURLToPath(new URL('../bin/motcua.mjs', import.meta.url));

/**
 * The first start is killed (SIGKILL) while it seeds the demo office. The next start must end
 * with the whole demo: every unit and account, the 300 dossiers, and an audit chain that verifies.
 */
describe('a first start killed while seeding the demo (embedded database)', () => {
  let dir: string;
  let server: ChildProcess | null = null;
  const port = 4100 + Math.floor(Math.random() * 800);
  const env = () => ({
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: join(dir, 'data'),
    LOG_LEVEL: 'info',
    SWEEP_INTERVAL_SECONDS: '0',
  });

  /** Starts `serve` and resolves when a log line matches `until`. */
  const start = (until: (line: { msg?: string; done?: number }) => boolean) =>
    new Promise<void>((resolve, reject) => {
      const s = spawn(process.execPath, [BIN, 'serve'], { env: env(), stdio: ['ignore', 'pipe', 'inherit'] });
      server = s;
      let pending = '';
      s.stdout!.on('data', (chunk: Buffer) => {
        pending += chunk.toString('utf8');
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const line of lines) {
          try {
            if (until(JSON.parse(line))) resolve();
          } catch {
            // not a log line
          }
        }
      });
      s.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
  const stop = async (signal: NodeJS.Signals) => {
    const s = server;
    if (!s || s.exitCode !== null || s.signalCode !== null) return;
    const exited = new Promise((r) => s.on('exit', r));
    s.kill(signal);
    await exited;
    server = null;
  };

  const counts = async () => {
    const db = await openDatabase({ dataDir: join(dir, 'data', 'pglite') });
    try {
      const [row] = await db.query<{ units: number; users: number; dossiers: number }>(
        `SELECT (SELECT count(*)::int FROM org_unit) AS units, (SELECT count(*)::int FROM app_user) AS users,
                (SELECT count(*)::int FROM dossier) AS dossiers`,
      );
      return row;
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-seed-'));
  });
  afterAll(async () => {
    await stop('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('completes the demo office on the next start', async () => {
    // Killed once a third of the dossiers have been taken through the engine.
    await start((l) => l.msg === 'seeding the demo office' && (l.done ?? 0) >= 100);
    await stop('SIGKILL');
    // Nothing of the interrupted seed is visible.
    expect(await counts()).toEqual({ units: 0, users: 0, dossiers: 0 });

    await start((l) => l.msg === 'Motcua is ready');
    await stop('SIGTERM');

    expect(await counts()).toEqual({ units: DEMO_UNITS.length, users: DEMO_USERS.length, dossiers: 300 });
    const verify = spawnSync(process.execPath, [BIN, 'verify-audit'], {
      env: env(),
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/Audit chain intact: \d+ events/);
  }, 300_000);
});
