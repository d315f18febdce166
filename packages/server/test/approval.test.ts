/**
 * Approval with the draft in view: the leader's list and the dossier carry the draft result, the
 * specialist's and the head of unit's notes and the documents; and each step is acted on by the role
 * it names, so the head of unit cannot skip the specialist's step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { receiveAtCounter, signIn, workPermitProcedure } from './support/staff.ts';

interface Dossier {
  id: string;
  version: number;
  state: string;
  step: { role: string; name: string } | null;
  availableActions: { action: string }[];
}

const SPECIALIST_NOTE = 'Đủ điều kiện cấp giấy phép; đề nghị cấp 24 tháng';
const HEAD_NOTE = 'Thống nhất với ý kiến thẩm định';

describe.each(engines)('approval with the draft in view on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let d: Dossier;

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { SEED_DEMO_DOSSIERS: '0', LOGIN_RATE_PER_MINUTE: '1000' } });
    await signIn(t, ['tiepnhan', 'chuyenvien', 'truongphong', 'lanhdao'], c);
    const procedure = await workPermitProcedure(t);
    const created = await receiveAtCounter(c.tiepnhan!, procedure, 'Lê Văn Minh');
    d = created.json();
    if (d.step?.role === 'counter_officer') d = (await act('tiepnhan', 'forward_step')).json();
    expect(d.step?.role).toBe('specialist');
  });
  afterAll(() => t.close());

  const act = (who: string, action: string, input: Record<string, unknown> = {}) =>
    c[who]!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/${action}`,
      payload: { version: d.version, input },
    });
  const detail = async (who: string): Promise<Dossier & Record<string, unknown>> =>
    (await c[who]!.request({ url: `/api/v1/dossiers/${d.id}` })).json();

  it('does not let the head of unit skip the specialist’s step, on the page or through the API', async () => {
    const offered = (await detail('truongphong')).availableActions.map((a) => a.action);
    expect(offered).not.toContain('forward_step');
    expect(offered).not.toContain('submit_for_approval');
    expect(offered).toContain('assign');

    const forward = await act('truongphong', 'forward_step');
    expect(forward.statusCode, forward.body).toBe(403);
    expect(forward.json().rule).toBe('step_role_mismatch');
    const submit = await act('truongphong', 'submit_for_approval');
    expect(submit.statusCode, submit.body).toBe(403);
    expect(submit.json().rule).toBe('not_in_process');
    expect((await detail('truongphong')).state).toBe('in_progress');
  });

  it('gives the leader the draft result, the steps’ notes and the documents before the decision', async () => {
    // The specialist attaches the draft result (a real PDF: the dossier's own receipt) and moves on.
    const receipt = await c.chuyenvien!.request({ url: `/api/v1/dossiers/${d.id}/forms/01.pdf` });
    expect(receipt.statusCode).toBe(200);
    const form = new FormData();
    form.append('name', 'Dự thảo giấy phép lao động');
    form.append('kind', 'result');
    form.append('file', new Blob([receipt.rawPayload]), 'du-thao.pdf');
    const req = new Request('http://x/', { method: 'POST', body: form });
    const uploaded = await c.chuyenvien!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/documents`,
      payload: Buffer.from(await req.arrayBuffer()),
      headers: { 'content-type': req.headers.get('content-type')! },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    d = await detail('chuyenvien');

    const bySpecialist = await act('chuyenvien', 'forward_step', { note: SPECIALIST_NOTE });
    expect(bySpecialist.statusCode, bySpecialist.body).toBe(200);
    d = bySpecialist.json();
    expect(d.step?.role).toBe('head_of_unit');
    expect((await detail('chuyenvien')).availableActions.map((a) => a.action)).not.toContain('forward_step');
    const byHead = await act('truongphong', 'forward_step', { note: HEAD_NOTE });
    expect(byHead.statusCode, byHead.body).toBe(200);
    d = byHead.json();
    expect(d.state).toBe('awaiting_approval');

    const list = await c.lanhdao!.request({ url: '/api/v1/dossiers/approvals' });
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((i: { id: string }) => i.id === d.id);
    expect(item).toBeTruthy();
    const notes = item.approval.notes as { text: string | null; roleLabel: string; actorName: string }[];
    expect(notes.find((n) => n.text === SPECIALIST_NOTE)).toMatchObject({ roleLabel: 'Chuyên viên' });
    expect(notes.find((n) => n.text === HEAD_NOTE)).toMatchObject({ roleLabel: 'Lãnh đạo phòng' });
    expect(notes.findIndex((n) => n.text === SPECIALIST_NOTE)).toBeLessThan(
      notes.findIndex((n) => n.text === HEAD_NOTE),
    );
    expect(item.approval.draft.map((x: { name: string }) => x.name)).toEqual(['Dự thảo giấy phép lao động']);
    expect(item.approval.documents.length).toBeGreaterThanOrEqual(1);

    // The dossier page carries the same brief while it awaits the decision, and not after.
    const page = await detail('lanhdao');
    expect(page.approval).toEqual(item.approval);
    const approved = await act('lanhdao', 'approve', { outcome: 'granted' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await detail('lanhdao')).approval).toBeNull();
    const after = (await c.lanhdao!.request({ url: '/api/v1/dossiers/approvals' })).json();
    expect(after.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
  });

  it('answers 403 to someone with no dossier queue', async () => {
    const citizen = t.client();
    await citizen.login('congdan');
    expect((await citizen.request({ url: '/api/v1/dossiers/approvals' })).statusCode).toBe(403);
  });
});
