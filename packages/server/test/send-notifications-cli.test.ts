import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { enqueue } from '../src/jobs/outbox.ts';
import { createUser } from '../src/users/users.ts';
import { startSmtp, type TestSmtp } from './support/smtp.ts';

const BIN = fileURLToPath(new URL('../bin/motcua.mjs', import.meta.url));

/** Runs the command without blocking this process, whose SMTP server must answer meanwhile. */
function motcua(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('npx motcua send-notifications --once', () => {
  let dir: string;
  let smtp: TestSmtp;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-notify-'));
    smtp = await startSmtp();
    const db = await openDatabase({ dataDir: join(dir, 'pglite') });
    await migrate(db);
    const officer = await createUser(db, {
      username: 'chuyenvien.cli',
      fullName: 'Trần Thị Mai',
      email: 'mai@example.gov.vn',
      password: 'Motcua@2025!demo',
      mustChangePassword: false,
      roles: [],
    });
    await enqueue(
      db,
      {
        agencyId: null,
        kind: 'dossier.assigned',
        recipientId: officer,
        dossierId: null,
        payload: { code: 'H29-0001', dueAt: '2026-12-31T17:00:00Z' },
      },
      new Date(),
    );
    await db.close();
  }, 60_000);
  afterAll(async () => {
    await smtp.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('delivers what is due and exits; without SMTP_URL it says there is no channel', async () => {
    const env = { DATA_DIR: dir, SEED_DEMO: 'false' };
    const none = await motcua(['send-notifications', '--once'], env);
    expect(none.code).toBe(78);
    expect(none.err).toContain('SMTP_URL');
    const sent = await motcua(['send-notifications', '--once'], { ...env, SMTP_URL: smtp.url });
    expect(sent.code, sent.err).toBe(0);
    expect(sent.out).toContain('Sent 1');
    expect(smtp.received.map((m) => [m.to, m.subject])).toEqual([
      [['mai@example.gov.vn'], 'Hồ sơ H29-0001 được giao cho bạn'],
    ]);
    expect(smtp.received[0]!.text).toContain('Hạn giải quyết: 01/01/2027.');
    const again = await motcua(['send-notifications', '--once'], { ...env, SMTP_URL: smtp.url });
    expect(again.out).toContain('Sent 0');
    expect(smtp.received).toHaveLength(1);
  }, 120_000);
});

describe('SMTP settings', () => {
  it('accepts smtp:// and smtps:// URLs and refuses anything else, naming the variable', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://user:pass@127.0.0.1:2525' }).smtpUrl).toBe(
      'smtp://user:pass@127.0.0.1:2525',
    );
    expect(loadConfig({ SMTP_URL: 'smtps://mail.example.gov.vn:465' }).smtpUrl).toBeDefined();
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.gov.vn' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'mail.example.gov.vn' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM/);
    expect(loadConfig({ MAIL_FROM: 'Bộ phận Một cửa <motcua@example.gov.vn>' }).mailFrom).toBe(
      'Bộ phận Một cửa <motcua@example.gov.vn>',
    );
  });
});
