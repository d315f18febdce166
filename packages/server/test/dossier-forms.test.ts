import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { signIn, workPermitProcedure } from './support/staff.ts';

/** The text of a PDF as a reader sees it: NFC, line breaks as single spaces. */
async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.normalize('NFC').replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

interface ProcedureDetail {
  id: string;
  documents: { name: string }[];
}

describe.each(engines)('forms printed from real dossiers on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let procedure: ProcedureDetail;

  beforeAll(async () => {
    t = await startTestApp(engine);
    await signIn(t, ['tiepnhan', 'chuyenvien', 'truongphong', 'lanhdao'], c);
    procedure = await workPermitProcedure(t);
  });
  afterAll(() => t.close());

  const receive = async (applicant: Record<string, string>) => {
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
    return res.json() as { id: string; code: string; version: number; dueAt: string };
  };
  const form = async (id: string, file: string, who = 'tiepnhan') => {
    const res = await c[who]!.request({ url: `/api/v1/dossiers/${id}/forms/${file}` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return pdfText(res.rawPayload);
  };
  const act = async (who: string, id: string, action: string, version: number, input = {}) => {
    const res = await c[who]!.request({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/actions/${action}`,
      payload: { version, input },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('form 01 prints a person with Ông/Bà, their personal identification number and address', async () => {
    const d = await receive({
      name: 'Nguyễn Văn An',
      idNumber: '079203001234',
      address: '12 Lê Lợi, Phường Sài Gòn',
    });
    const text = await form(d.id, '01.pdf');
    expect(text).toContain('tiếp nhận hồ sơ của: Ông/Bà Nguyễn Văn An');
    expect(text).toContain('Số định danh cá nhân: 079203001234');
    expect(text).not.toContain('Mã số doanh nghiệp');
    expect(text).toContain('Địa chỉ: 12 Lê Lợi, Phường Sài Gòn');
  });

  it('form 01 prints an organisation typed at the counter, with its representative and their own number', async () => {
    const d = await receive({
      name: 'Trần Thị Bích',
      idNumber: '079186005678',
      organisation: 'Công ty TNHH Minh Phát',
      address: '5 Nguyễn Huệ',
    });
    const text = await form(d.id, '01.pdf');
    expect(text).toContain('tiếp nhận hồ sơ của: Công ty TNHH Minh Phát');
    expect(text).toContain('Người đại diện: Ông/Bà Trần Thị Bích; số định danh cá nhân: 079186005678');
    // The person's citizen ID is not the company's code.
    expect(text).not.toContain('Mã số doanh nghiệp/Mã số thuế: 079186005678');
  });

  it('forms 01, 02 and 04 print a company by its name and tax code, never as Ông/Bà', async () => {
    let d = await receive({
      name: 'Công ty TNHH Thương mại Ánh Dương',
      idNumber: '0312345678',
      proxyName: 'Lê Văn Cường',
      proxyIdNumber: '001099012345',
      proxyPhone: '0912 345 678',
    });
    const receipt = await form(d.id, '01.pdf');
    expect(receipt).toContain('tiếp nhận hồ sơ của: Công ty TNHH Thương mại Ánh Dương');
    expect(receipt).not.toContain('Ông/Bà Công ty');
    expect(receipt).toContain('Mã số doanh nghiệp/Mã số thuế: 0312345678');
    expect(receipt).not.toContain('Số định danh cá nhân: 0312345678');
    expect(receipt).toContain(
      'Người nộp thay: Ông/Bà Lê Văn Cường; số định danh cá nhân: 001099012345; số điện thoại: 0912345678',
    );
    // The register book (the year of receipt) and the entry number are filled in.
    expect(receipt).toMatch(/Vào Sổ theo dõi hồ sơ, Quyển số: 20\d\d, Số thứ tự: \d+\./);

    d = await act('tiepnhan', d.id, 'forward_step', d.version);
    const supplement = await act('chuyenvien', d.id, 'request_supplement', d.version, {
      items: [{ description: 'Giấy chứng nhận sức khỏe', reason: 'Bản nộp đã quá 12 tháng' }],
    });
    const request = await form(supplement.id, '02.pdf');
    expect(request).toContain('Hồ sơ của: Công ty TNHH Thương mại Ánh Dương');
    expect(request).toContain('Mã số doanh nghiệp/Mã số thuế: 0312345678');
    expect(request).not.toContain('Ông/Bà Công ty');

    d = await act('tiepnhan', supplement.id, 'receive_supplement', supplement.version, {
      documents: ['Giấy chứng nhận sức khỏe cấp ngày 02/3/2026'],
    });
    const newDueAt = new Date(new Date(d.dueAt).getTime() + 7 * 86_400_000).toISOString();
    d = await act('truongphong', d.id, 'extend', d.version, { reason: 'Cần xác minh thêm', newDueAt });
    const apology = await form(d.id, '04.pdf');
    expect(apology).toContain('Kính gửi: Công ty TNHH Thương mại Ánh Dương');
    expect(apology).not.toContain('Ông/Bà Công ty');
  });

  it('after an extension, the receipt shows both appointments and form 04 is signed by the head of the agency', async () => {
    let d = await receive({ name: 'Phạm Thị Lan', idNumber: '079190001111' });
    d = await act('tiepnhan', d.id, 'forward_step', d.version);
    const first = new Date(d.dueAt);
    const newDueAt = new Date(first.getTime() + 7 * 86_400_000).toISOString();
    d = await act('truongphong', d.id, 'extend', d.version, {
      reason: 'Cần xác minh hợp đồng lao động',
      newDueAt,
    });
    const receipt = await form(d.id, '01.pdf');
    expect(receipt).toMatch(
      /Thời gian trả kết quả giải quyết hồ sơ \(hẹn ban đầu\): \d\d giờ \d\d phút, ngày/,
    );
    expect(receipt).toMatch(/Thời gian hẹn lại trả kết quả \(sau khi gia hạn\): \d\d giờ \d\d phút, ngày/);
    const apology = await form(d.id, '04.pdf');
    // Asked by the head of unit, signed for the agency by its head (the demo agency's one leader).
    expect(apology).toContain('THỦ TRƯỞNG CƠ QUAN');
    expect(apology).toContain('Phạm Quốc Dũng');
    expect(apology).not.toContain('Lê Thị Hồng Nhung');
    expect(apology).toContain('Mẫu số 04 (ban hành kèm theo Thông tư số 03/2025/TT-VPCP');
  });

  it('form 05 is signed by the agency leader, not by the counter officer who accepted the withdrawal', async () => {
    let d = await receive({ name: 'Đỗ Minh Khoa', idNumber: '079195002222' });
    d = await act('tiepnhan', d.id, 'request_withdrawal', d.version, { reason: 'Người nộp xin rút hồ sơ' });
    d = await act('tiepnhan', d.id, 'accept_withdrawal', d.version);
    const notice = await form(d.id, '05.pdf');
    expect(notice).toContain('LÃNH ĐẠO CƠ QUAN');
    expect(notice).toContain('Phạm Quốc Dũng');
    expect(notice).not.toContain('Nguyễn Thị Thu Hà');
  });

  it('form 06 says in Vietnamese what each hand-over was, with the lead unit and the specialist’s note', async () => {
    let d = await receive({ name: 'Vũ Thị Hạnh', idNumber: '079188003333' });
    d = await act('tiepnhan', d.id, 'forward_step', d.version);
    d = await act('chuyenvien', d.id, 'forward_step', d.version, { note: 'Hồ sơ đủ điều kiện cấp phép' });
    const sheet = await form(d.id, '06.pdf');
    expect(sheet).not.toMatch(/\b(receive|forward_step)\b/);
    expect(sheet).toContain('Tiếp nhận hồ sơ');
    expect(sheet).toContain('Hồ sơ đủ điều kiện cấp phép');
    expect(sheet).toMatch(/Cơ quan, đơn vị chủ trì giải quyết: [^…]/);
  });

  it('form 07 for a period prints the period', async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const res = await c.tiepnhan!.request({
      url: `/api/v1/dossiers/register/07.pdf?from=${today}&to=${today}`,
    });
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    const [y, m, day] = today.split('-').map(Number);
    const vi = `${String(day).padStart(2, '0')}/${m! < 3 ? String(m).padStart(2, '0') : m}/${y}`;
    expect(text).toContain(`Từ ngày ${vi} đến ngày ${vi}`);
  });
});
