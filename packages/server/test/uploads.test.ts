import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';

/** Every file under a folder, however deep. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe.each(engines)('dossier uploads on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let dossierId: string;

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { UPLOAD_MAX_MB: '1', SEED_DEMO_DOSSIERS: '0' } });
    for (const user of ['tiepnhan']) {
      c[user] = t.client();
      await c[user]!.login(user);
    }
    const list = (await t.app.inject({ url: '/api/v1/procedures?q=cap%20giay%20phep%20lao%20dong' })).json();
    const permit = list.items.find((i: { name: string }) => i.name.startsWith('Cấp giấy phép lao động'));
    const procedure = (await t.app.inject({ url: `/api/v1/procedures/${permit.id}` })).json();
    const created = await c.tiepnhan!.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        procedureId: procedure.id,
        channel: 'counter',
        applicant: { name: 'Nguyễn Thị Thu Hà' },
        checklist: procedure.documents.map((d: { name: string }) => ({ document: d.name, received: true })),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    dossierId = created.json().id;
  });
  afterAll(() => t.close());

  /**
   * Sends a file as a browser would. `cuts` are offsets in the file where the body is split into
   * separate network chunks, so a test can make the limit fall exactly on a chunk boundary.
   */
  const upload = async (
    who: string,
    filename: string,
    data: Uint8Array,
    options: { id?: string; cuts?: number[] } = {},
  ) => {
    const form = new FormData();
    form.append('name', 'Bản quét');
    form.append('file', new Blob([data]), filename);
    const req = new Request('http://x/', { method: 'POST', body: form });
    const body = Buffer.from(await req.arrayBuffer());
    const start = body.indexOf(Buffer.from(data.subarray(0, 16)));
    const offsets = [0, ...(options.cuts ?? []).map((cut) => start + cut), body.length];
    const chunks = offsets.slice(1).map((end, i) => body.subarray(offsets[i], end));
    return c[who]!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${options.id ?? dossierId}/documents`,
      payload: options.cuts ? Readable.from(chunks, { objectMode: false }) : body,
      headers: { 'content-type': req.headers.get('content-type')!, 'content-length': String(body.length) },
    });
  };

  const documentRows = async () =>
    (await t.db.query('SELECT id FROM dossier_document WHERE dossier_id = $1', [dossierId])).length;

  it('refuses every file above UPLOAD_MAX_MB with 413 and stores nothing', async () => {
    const limit = t.ctx.config.uploadMaxBytes;
    const sizes = [
      limit + 1,
      limit + 1000,
      limit + 16 * 1024,
      limit + 64 * 1024,
      2 * limit,
      3 * limit + 12345,
    ];
    for (let extra = 1; extra <= 64 * 1024; extra *= 2) sizes.push(limit + extra);
    for (const size of sizes) {
      const data = Buffer.alloc(size, 0x41);
      Buffer.from('%PDF-1.4\n').copy(data);
      // Whole, and cut by the network exactly at the limit, just before it, and in small pieces.
      for (const cuts of [
        undefined,
        [limit],
        [limit - 1],
        [limit - 7, limit, limit + 1],
        [4096, 65536, limit],
      ]) {
        const res = await upload('tiepnhan', 'lon.pdf', data, { cuts });
        expect(res.statusCode, `${size} bytes cut at ${cuts}: ${res.body}`).toBe(413);
        expect(res.json().code).toBe('upload_too_large');
        expect(res.json().detail).toContain('1 MB');
      }
    }
    expect(await documentRows()).toBe(0);
    expect(await filesUnder(t.ctx.files.root)).toEqual([]);
    expect((await t.db.query('SELECT sha256 FROM stored_file')).length).toBe(0);
  });
});
