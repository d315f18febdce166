/**
 * The public lookup speaks to the citizen: a company's name whole and a person's masked, each step
 * in plain words with the unit that holds the dossier, and what to do next once it is returned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { signIn, workPermitProcedure } from './support/staff.ts';

describe.each(engines)('the public lookup on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let procedure: { id: string; documents: { name: string }[]; steps: { role: string }[] };

  beforeAll(async () => {
    t = await startTestApp(engine);
    await signIn(t, ['tiepnhan', 'chuyenvien', 'truongphong', 'lanhdao'], c);
    procedure = await workPermitProcedure(t);
  });
  afterAll(() => t.close());

  async function receive(applicant: Record<string, string>) {
    const res = await c.tiepnhan!.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        procedureId: procedure.id,
        channel: 'counter',
        applicant,
        checklist: procedure.documents.map((d) => ({ document: d.name, received: true })),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  const lookup = async (code: string, lang = 'vi') =>
    (
      await t.app.inject({
        url: `/api/v1/dossiers/lookup?code=${encodeURIComponent(code)}`,
        headers: { 'accept-language': lang },
      })
    ).json();

  async function act(who: string, d: { id: string; version: number }, action: string, input = {}) {
    const res = await c[who]!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/actions/${action}`,
      payload: { version: d.version, input },
    });
    expect(res.statusCode, `${who} ${action}: ${res.body}`).toBe(200);
    return res.json();
  }

  it("shows a company's name whole and masks a person's", async () => {
    const company = await receive({ name: 'Công ty TNHH Phần mềm Bến Thành', idNumber: '0312345678' });
    expect((await lookup(company.code)).applicant.name).toBe('Công ty TNHH Phần mềm Bến Thành');
    const person = await receive({ name: 'Nguyễn Văn An', idNumber: '079123456789' });
    const pub = await lookup(person.code);
    expect(pub.applicant.name).toBe('Nguyễn V. A.');
    expect(JSON.stringify(pub)).not.toContain('Văn An');
  });

  it('says in plain words where the dossier is, and what to do once it is returned', async () => {
    let d = await receive({ name: 'Nguyễn Thị Hoa', phone: '0909123456' });
    expect((await lookup(d.code)).timeline[0].description).toBe(
      'Bộ phận Một cửa tiếp nhận hồ sơ và hẹn ngày trả kết quả.',
    );
    if (procedure.steps[0]?.role === 'counter_officer') d = await act('tiepnhan', d, 'forward_step');
    let pub = await lookup(d.code);
    expect(pub.standing).toBe('Hồ sơ đang được thẩm định tại Phòng Việc làm - An toàn lao động.');
    expect(pub.timeline.at(-1).description).toBe(
      'Hồ sơ được chuyển đến Phòng Việc làm - An toàn lao động để thẩm định.',
    );
    expect(pub.whatNext).toContain('Bạn chưa cần làm gì thêm.');
    expect((await lookup(d.code, 'en')).standing).toBe(
      'The dossier is being examined at Phòng Việc làm - An toàn lao động.',
    );

    for (let guard = 0; guard < 6 && d.state === 'in_progress'; guard++) {
      const role = d.step?.role as string;
      d = await act(
        role === 'specialist' ? 'chuyenvien' : role === 'head_of_unit' ? 'truongphong' : 'tiepnhan',
        d,
        'forward_step',
      );
    }
    d = await act('lanhdao', d, 'approve', { outcome: 'granted' });
    d = await act('tiepnhan', d, 'return_result', { channel: 'post' });
    pub = await lookup(d.code);
    expect(pub.timeline.at(-1).description).toBe('Kết quả được gửi qua bưu chính.');
    expect(pub.whatNext).toContain('Nếu chưa nhận được, hãy liên hệ Bộ phận Một cửa.');
    expect(pub.whatNext).toContain('bạn không cần làm gì thêm');
  });
});
