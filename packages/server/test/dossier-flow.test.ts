import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { signIn, workPermitProcedure } from './support/staff.ts';

interface ProcedureDetail {
  id: string;
  name: string;
  documents: { name: string; required: boolean }[];
  steps: { role: string }[];
}

describe.each(engines)('a dossier from counter to return on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let procedure: ProcedureDetail;

  beforeAll(async () => {
    t = await startTestApp(engine);
    await signIn(t, ['tiepnhan', 'chuyenvien', 'truongphong', 'lanhdao', 'admin'], c);
    // A work permit: processed by the employment department, where the demo specialist works.
    procedure = await workPermitProcedure(t);
  });
  afterAll(() => t.close());

  const receive = (client: TestClient, headers: Record<string, string> = {}) =>
    client.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers,
      payload: {
        procedureId: procedure.id,
        channel: 'counter',
        applicant: {
          name: 'Công ty TNHH Thương mại Ánh Dương',
          idNumber: '0312345678',
          phone: '0909 123 456',
          address: 'Phường Sài Gòn',
        },
        checklist: procedure.documents.map((d) => ({ document: d.name, received: true })),
      },
    });

  const act = (
    who: string,
    id: string,
    action: string,
    version: number,
    input: Record<string, unknown> = {},
  ) =>
    c[who]!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/actions/${action}`,
      payload: { version, input },
    });

  it('walks the whole lifecycle, with a supplement, and the public lookup shows every step', async () => {
    const created = await receive(c.tiepnhan!);
    expect(created.statusCode, created.body).toBe(201);
    let d = created.json();
    expect(d.code).toMatch(/^[0-9A-Z.]+-\d{6}-\d{4,}$/);
    expect(d.nationalStatus.code).toBe(2);
    expect(d.dueAt).toBeTruthy();
    expect(d.applicant.idNumber).toBe('0312345678');

    const steps = async (who: string) => {
      const res = await act(who, d.id, 'forward_step', d.version, { note: 'Chuyển bước' });
      expect(res.statusCode, `${who}: ${res.body}`).toBe(200);
      d = res.json();
    };
    // The counter's own first step, if the procedure has one, hands over to the department.
    if (procedure.steps[0]?.role === 'counter_officer') await steps('tiepnhan');
    expect(d.state).toBe('in_progress');

    const supplement = await act('chuyenvien', d.id, 'request_supplement', d.version, {
      items: [
        {
          description: 'Phiếu lý lịch tư pháp của người lao động nước ngoài',
          reason: 'Bản nộp đã quá 6 tháng',
        },
      ],
    });
    expect(supplement.statusCode, supplement.body).toBe(200);
    d = supplement.json();
    expect(d.nationalStatus.code).toBe(5);
    const back = await act('tiepnhan', d.id, 'receive_supplement', d.version, {
      documents: ['Phiếu lý lịch tư pháp cấp ngày 02/3/2026'],
    });
    expect(back.statusCode, back.body).toBe(200);
    d = back.json();
    expect(d.state).toBe('in_progress');

    // The buttons each person sees are the ones that would work: "forward" only for the step's holder.
    const offered = async (who: string) =>
      (
        (await c[who]!.request({ url: `/api/v1/dossiers/${d.id}` })).json().availableActions as {
          action: string;
        }[]
      ).map((a) => a.action);
    const holder = d.step?.role === 'specialist' ? 'chuyenvien' : 'truongphong';
    expect(await offered(holder)).toContain('forward_step');
    expect(await offered('tiepnhan')).not.toContain('forward_step');

    for (let guard = 0; guard < 6 && d.state === 'in_progress'; guard++) {
      const role = d.step?.role as string;
      await steps(
        role === 'specialist' ? 'chuyenvien' : role === 'head_of_unit' ? 'truongphong' : 'tiepnhan',
      );
    }
    expect(d.state).toBe('awaiting_approval');
    const approved = await act('lanhdao', d.id, 'approve', d.version, { outcome: 'granted' });
    expect(approved.statusCode, approved.body).toBe(200);
    d = approved.json();
    expect(d.nationalStatus.code).toBe(9);
    const returned = await act('tiepnhan', d.id, 'return_result', d.version, { channel: 'counter' });
    expect(returned.statusCode, returned.body).toBe(200);
    d = returned.json();
    expect(d.nationalStatus.code).toBe(10);
    expect(['early', 'on_time']).toContain(d.timeliness);
    expect(d.controlSheet.length).toBeGreaterThanOrEqual(4);

    const lookup = await t.app.inject({ url: `/api/v1/dossiers/lookup?code=${encodeURIComponent(d.code)}` });
    expect(lookup.statusCode).toBe(200);
    const pub = lookup.json();
    expect(pub.status.code).toBe(10);
    expect(pub.timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'receive',
        'request_supplement',
        'receive_supplement',
        'approve',
        'return_result',
      ]),
    );
    expect(JSON.stringify(pub)).not.toContain('0312345678');
    expect(JSON.stringify(pub)).not.toContain('0909');
    // A company's name is public (its registration): shown whole; its tax code and phone stay masked.
    expect(pub.applicant.name).toBe('Công ty TNHH Thương mại Ánh Dương');

    const pdf = await c.tiepnhan!.request({ url: `/api/v1/dossiers/${d.id}/forms/01.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await c.tiepnhan!.request({ url: `/api/v1/dossiers/${d.id}/forms/06.docx` });
    expect(docx.statusCode).toBe(200);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const register = await c.tiepnhan!.request({
      url: `/api/v1/dossiers/register/07.pdf?from=${today}&to=${today}`,
    });
    expect(register.statusCode, register.body.slice(0, 300)).toBe(200);
    expect(register.headers['content-type']).toContain('application/pdf');
    const backwards = await c.tiepnhan!.request({
      url: '/api/v1/dossiers/register/07.pdf?from=2026-02-01&to=2026-01-01',
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('lets exactly one of two officers acting at once win; the other is told to reload', async () => {
    const d = (await receive(c.tiepnhan!)).json();
    const [a, b] = await Promise.all([
      act('tiepnhan', d.id, 'forward_step', d.version),
      act('tiepnhan', d.id, 'forward_step', d.version),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('dossier_changed');
    const events = (await c.tiepnhan!.request({ url: `/api/v1/dossiers/${d.id}` })).json().events;
    expect(events.filter((e: { action: string }) => e.action === 'forward_step')).toHaveLength(1);
  });

  it('creates one dossier however often a receipt is retried with the same Idempotency-Key', async () => {
    const key = `receipt-${engine}-${Date.now()}`;
    const before = (await c.tiepnhan!.request({ url: '/api/v1/dossiers?pageSize=1' })).json().total;
    const responses = await Promise.all(
      [1, 2, 3].map(() => receive(c.tiepnhan!, { 'idempotency-key': key })),
    );
    const again = await receive(c.tiepnhan!, { 'idempotency-key': key });
    const ids = new Set([...responses, again].map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect([...responses, again].every((r) => r.statusCode === 201)).toBe(true);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const after = (await c.tiepnhan!.request({ url: '/api/v1/dossiers?pageSize=1' })).json().total;
    expect(after).toBe(before + 1);
  });

  it('numbers many parallel receipts of one day without a duplicate or a gap', async () => {
    const responses = await Promise.all(Array.from({ length: 25 }, () => receive(c.tiepnhan!)));
    expect(responses.every((r) => r.statusCode === 201)).toBe(true);
    const codes = responses.map((r) => r.json().code as string);
    const prefix = codes[0]!.slice(0, codes[0]!.lastIndexOf('-'));
    const all = (
      await c.tiepnhan!.request({ url: `/api/v1/dossiers?q=${encodeURIComponent(prefix)}&pageSize=100` })
    ).json();
    const numbers = all.items
      .map((i: { code: string }) => i.code)
      .filter((code: string) => code.startsWith(prefix))
      .map((code: string) => Number(code.slice(code.lastIndexOf('-') + 1)))
      .sort((a: number, b: number) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(new Set(codes).size).toBe(25);
  });

  it('accepts scans checked by their content and refuses anything else with a clear reason', async () => {
    const d = (await receive(c.tiepnhan!)).json();
    const upload = async (filename: string, data: Buffer) => {
      const form = new FormData();
      form.append('name', 'Bản quét hộ chiếu');
      form.append('file', new Blob([data]), filename);
      const req = new Request('http://x/', { method: 'POST', body: form });
      return c.tiepnhan!.request({
        method: 'POST',
        url: `/api/v1/dossiers/${d.id}/documents`,
        payload: Buffer.from(await req.arrayBuffer()),
        headers: { 'content-type': req.headers.get('content-type')! },
      });
    };
    const pdf = (await c.tiepnhan!.request({ url: `/api/v1/dossiers/${d.id}/forms/01.pdf` })).rawPayload;
    const ok = await upload('ho-chieu.pdf', pdf);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().mediaType).toBe('application/pdf');
    const disguised = await upload('ho-chieu.pdf', Buffer.from('MZ this is a program, not a PDF'));
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().detail).toMatch(/PDF/);
    const empty = await upload('trong.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(422);
    const detail = (await c.tiepnhan!.request({ url: `/api/v1/dossiers/${d.id}` })).json();
    expect(detail.documents).toHaveLength(1);
    const download = await c.tiepnhan!.request({
      url: `/api/v1/dossiers/${d.id}/documents/${detail.documents[0].id}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    // The public lookup still answers, and tells the citizen the dossier's steps, not the office's scans.
    const lookup = await t.app.inject({ url: `/api/v1/dossiers/lookup?code=${encodeURIComponent(d.code)}` });
    expect(lookup.statusCode, lookup.body).toBe(200);
    expect(lookup.json().timeline.map((e: { action: string }) => e.action)).toEqual(['receive']);
  });

  it('refuses actions that the rules do not allow, saying why', async () => {
    const d = (await receive(c.tiepnhan!)).json();
    const approve = await act('lanhdao', d.id, 'approve', d.version, { outcome: 'granted' });
    expect(approve.statusCode).toBe(409);
    expect(approve.json().code).toBe('dossier_action_refused');
    expect(approve.json().detail).toMatch(/trạng thái/);
    const atDepartment = (await act('tiepnhan', d.id, 'forward_step', d.version)).json();
    const wrongRole = await act('chuyenvien', d.id, 'approve', atDepartment.version, { outcome: 'granted' });
    expect([403, 409]).toContain(wrongRole.statusCode);
    expect(wrongRole.json().detail.length).toBeGreaterThan(10);
    const incomplete = await c.tiepnhan!.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        procedureId: procedure.id,
        channel: 'counter',
        applicant: { name: 'Nguyễn Văn B' },
        checklist: [],
      },
    });
    expect(incomplete.statusCode).toBe(422);
    const badPhone = await c.tiepnhan!.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        procedureId: procedure.id,
        channel: 'counter',
        applicant: { name: 'Nguyễn Văn B', phone: '12' },
        checklist: [],
      },
    });
    expect(badPhone.statusCode).toBe(422);
    expect(badPhone.json().errors[0].message).toMatch(/điện thoại/);
  });

  it('lists the queue by due date and hides dossiers from people outside the unit', async () => {
    const queue = (await c.chuyenvien!.request({ url: '/api/v1/dossiers?open=true&sort=due' })).json();
    const dues = queue.items.map((i: { dueAt: string }) => i.dueAt).filter(Boolean);
    expect([...dues].sort()).toEqual(dues);
    const anonymous = await t.app.inject({ url: '/api/v1/dossiers' });
    expect(anonymous.statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/dossiers/lookup?code=nonsense' })).statusCode).toBe(400);
    const empty = await t.app.inject({ url: '/api/v1/dossiers/lookup?code=' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].message).toMatch(
      /^Mã hồ sơ \(code\): chưa được nhập; mã ghi trên giấy tiếp nhận/,
    );
    expect(
      (await t.app.inject({ url: '/api/v1/dossiers/lookup?code=000.00.12.H29-260101-9999' })).statusCode,
    ).toBe(404);
  });
});
