import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/dossiers/audit-chain.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { receiveAtCounter, signIn, workPermitProcedure } from './support/staff.ts';

describe.each(engines)('document removal on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let dossierId: string;

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { SEED_DEMO_DOSSIERS: '0' } });
    await signIn(t, ['tiepnhan', 'thamdinh'], c);
    const procedure = await workPermitProcedure(t);
    const created = await receiveAtCounter(c.tiepnhan!, procedure, 'Nguyễn Thị Thu Hà');
    dossierId = created.json().id;
  });
  afterAll(() => t.close());

  /** Attaches the dossier's own receipt (form 01 as PDF), a real PDF. */
  const upload = async (): Promise<{ id: string; sha256: string }> => {
    const receipt = await c.tiepnhan!.request({ url: `/api/v1/dossiers/${dossierId}/forms/01.pdf` });
    expect(receipt.statusCode).toBe(200);
    const form = new FormData();
    form.append('name', 'Giấy tiếp nhận');
    form.append('file', new Blob([receipt.rawPayload]), 'tiep-nhan.pdf');
    const req = new Request('http://x/', { method: 'POST', body: form });
    const res = await c.tiepnhan!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${dossierId}/documents`,
      payload: Buffer.from(await req.arrayBuffer()),
      headers: { 'content-type': req.headers.get('content-type')! },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const remove = (who: string, documentId: string) =>
    c[who]!.request({ method: 'DELETE', url: `/api/v1/dossiers/${dossierId}/documents/${documentId}` });
  const detail = async () => (await c.tiepnhan!.request({ url: `/api/v1/dossiers/${dossierId}` })).json();
  const removals = async () =>
    (await detail()).events.filter((e: { action: string }) => e.action === 'document_removed');

  it('removes a document as a soft delete recorded in the chained history, once', async () => {
    const doc = await upload();
    const before = await detail();
    expect(before.documents.map((d: { id: string }) => d.id)).toContain(doc.id);

    const res = await remove('tiepnhan', doc.id);
    expect(res.statusCode, res.body).toBe(200);

    const after = await detail();
    expect(after.documents.map((d: { id: string }) => d.id)).not.toContain(doc.id);
    expect(after.state).toBe(before.state);
    const download = await c.tiepnhan!.request({ url: `/api/v1/dossiers/${dossierId}/documents/${doc.id}` });
    expect(download.statusCode).toBe(404);

    const last = after.events.at(-1);
    expect(last.action).toBe('document_removed');
    expect(last.title).toBe('Gỡ tài liệu đính kèm');
    expect(last.fromState).toBe(before.state);
    expect(last.toState).toBe(before.state);
    expect(last.payload).toMatchObject({ documentId: doc.id, name: 'Giấy tiếp nhận', sha256: doc.sha256 });
    expect((await verifyAuditChain(t.db)).firstProblem).toBeNull();

    const [row] = await t.db.query<{ removed_at: Date | null; removed_by: string | null }>(
      'SELECT removed_at, removed_by FROM dossier_document WHERE id = $1',
      [doc.id],
    );
    expect(row?.removed_at).not.toBeNull();
    expect(row?.removed_by).not.toBeNull();
    expect(await t.ctx.files.get(doc.sha256)).toBeTruthy();

    const again = await remove('tiepnhan', doc.id);
    expect([404, 409]).toContain(again.statusCode);
    expect(await removals()).toHaveLength(1);
    expect((await verifyAuditChain(t.db)).firstProblem).toBeNull();
  });

  it('lets only those who may attach documents remove them', async () => {
    const doc = await upload();
    const events = (await detail()).events.length;
    const res = await remove('thamdinh', doc.id);
    // The appraiser does not work on dossiers: to them this one does not exist.
    expect(res.statusCode).toBe(404);
    const after = await detail();
    expect(after.documents.map((d: { id: string }) => d.id)).toContain(doc.id);
    expect(after.events).toHaveLength(events);
    const [row] = await t.db.query<{ removed_at: Date | null }>(
      'SELECT removed_at FROM dossier_document WHERE id = $1',
      [doc.id],
    );
    expect(row?.removed_at).toBeNull();
  });

  it('answers 404 for a document of another dossier or none at all', async () => {
    const res = await remove('tiepnhan', '00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
  });
});
