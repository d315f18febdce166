import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { FileStore } from '../src/files/store.ts';
import { DEMO_PASSWORD } from '../src/seed/demo-users.ts';
import { seedDemo } from '../src/seed/seed.ts';
import { engines, openTestDatabase } from './support/databases.ts';

/**
 * Odd input gets a 4xx naming what is wrong, and the server's log never carries the personal data
 * that was sent, even when a database error quotes the row that failed.
 */
const ID_NUMBER = '079312345678';
const PHONE = '0912837465';
const REFUSED_ADDRESS = 'Ngõ thử lỗi 17';

describe.each(engines)('odd input and the log on %s', (engine) => {
  let db: Database;
  let app: FastifyInstance;
  const lines: string[] = [];
  let cookie = '';
  let csrf = '';

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    const config = loadConfig({ LOG_LEVEL: 'trace', DATA_DIR: '/nonexistent-motcua-test' });
    const files = new FileStore(await mkdtemp(join(tmpdir(), 'motcua-files-')));
    const ctx = { db, config, now: () => new Date(), files };
    await seedDemo(db, ctx.now());
    app = await buildApp(ctx, { logStream: { write: (line: string) => void lines.push(line) } });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'tiepnhan', password: DEMO_PASSWORD },
    });
    const set = login.cookies.find((c) => c.name.endsWith('motcua_session'))!;
    cookie = `${set.name}=${set.value}`;
    csrf = login.json().csrfToken;
    const list = (await app.inject({ url: '/api/v1/procedures?q=cap%20giay%20phep%20lao%20dong' })).json();
    procedure = (await app.inject({ url: `/api/v1/procedures/${list.items[0].id}` })).json();
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  let procedure: { id: string; documents: { name: string }[] };
  const receipt = (address: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: asOfficer(),
      payload: {
        procedureId: procedure.id,
        channel: 'counter',
        applicant: { name: 'Trần Thị Log', idNumber: ID_NUMBER, phone: PHONE, address },
        checklist: procedure.documents.map((d) => ({ document: d.name, received: true })),
      },
    });
  const asOfficer = (extra: Record<string, string> = {}) => ({ cookie, 'x-csrf-token': csrf, ...extra });

  it('refuses a NUL character with a 400 naming the field, in Vietnamese or English', async () => {
    const vi = await app.inject({ url: '/api/v1/procedures?field=%00' });
    expect(vi.statusCode).toBe(400);
    expect(vi.json().errors).toEqual([
      { path: 'field', message: 'Lĩnh vực (field): không được chứa ký tự NUL (U+0000)' },
    ]);
    const en = await app.inject({
      url: '/api/v1/procedures?field=a%00',
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().errors[0].message).toBe('Field (field): must not contain the NUL character (U+0000)');
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'tiep\u0000nhan', password: 'x'.repeat(12) },
    });
    expect(login.statusCode).toBe(422);
    expect(login.json().errors[0].path).toBe('username');
  });

  it('refuses a body nested too deeply with a 400, before hashing it', async () => {
    const dossier = (await receipt('Phường Sài Gòn')).json();
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossier!.id}/actions/assign`,
      headers: asOfficer({ 'content-type': 'application/json' }),
      payload: `{"version":1,"input":${deep}}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('body_too_deep');
  });

  it('refuses a multipart body without a boundary or without its closing boundary with a 400', async () => {
    const dossier = (await receipt('Phường Sài Gòn')).json();
    const url = `/api/v1/dossiers/${dossier!.id}/documents`;
    const none = await app.inject({
      method: 'POST',
      url,
      headers: asOfficer({ 'content-type': 'multipart/form-data' }),
      payload: 'x',
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('multipart_malformed');
    const unclosed = await app.inject({
      method: 'POST',
      url,
      headers: asOfficer({ 'content-type': 'multipart/form-data; boundary=XyZ' }),
      payload: '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 half',
    });
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json().code).toBe('multipart_malformed');
  });

  it('writes no ID number or phone to the log, even when the database refuses the row', async () => {
    // A rule the database enforces on the stored applicant, so that its error quotes the failing row.
    await db.query(
      `ALTER TABLE dossier ADD CONSTRAINT refused_address CHECK (applicant->>'address' NOT LIKE '%thử lỗi%') NOT VALID`,
    );
    const ok = await receipt('Phường Sài Gòn');
    expect(ok.statusCode).toBe(201);
    const lookup = await app.inject({ url: `/api/v1/dossiers/lookup?code=${ok.json().code}` });
    expect(lookup.statusCode).toBe(200);
    const failed = await receipt(REFUSED_ADDRESS);
    expect(failed.statusCode).toBe(500);
    await app.inject({ url: `/api/v1/dossiers?q=${ID_NUMBER}`, headers: asOfficer() });
    await app.inject({ url: `/api/v1/dossiers/lookup?code=${PHONE}` });

    const logged = lines.join('');
    const errorLine = lines.map((l) => JSON.parse(l)).find((l) => l.err?.code === '23514');
    expect(errorLine.err).toMatchObject({ code: '23514', constraint: 'refused_address' });
    // PGlite names the failing query; pg's error does not carry it.
    if (engine === 'pglite') expect(errorLine.err.query).toMatch(/^INSERT dossier/);
    expect(logged).not.toContain(ID_NUMBER);
    expect(logged).not.toContain(PHONE);
    expect(logged).not.toContain('thử lỗi');
  });
});
