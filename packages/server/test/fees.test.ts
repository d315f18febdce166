/**
 * Fees (phí, lệ phí) as the counter officer, the accountant and a bank statement meet them: the
 * amount comes from the catalogue; the dossier waits in status 6; the citizen scans a VietQR code
 * (decoded here back to account, amount and reference); the officer records a payment once, even
 * clicked twice at once; an imported statement confirms the exact-amount line naming the code and
 * lists the others for a person; the same file twice is refused; bad rows are named; the receipt
 * prints Vietnamese correctly; a specialist and another agency see nothing.
 */
import { createRequire } from 'node:module';
import { type Index766IndicatorView, vietnamDateOf } from '@motcua/core';
import iconv from 'iconv-lite';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readVietQr } from '../src/fees/vietqr.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';
import { otherAgencyLeader, signIn } from './support/staff.ts';

const require = createRequire(import.meta.url);
const { PNG } = require('pngjs') as {
  PNG: { sync: { read(data: Buffer): { width: number; height: number; data: Buffer } } };
};
const jsQR = require('jsqr') as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

const FEE = 1_500_000;
const BOUNDARY = '----motcuafees';

function multipart(name: string, content: Buffer) {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

/** Text as a Vietnamese Windows-1258 export holds it: a base letter, then a combining tone mark. */
function windows1258(text: string): Buffer {
  const fits = (x: string) => iconv.decode(iconv.encode(x, 'windows-1258'), 'windows-1258') === x;
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (fits(ch)) out += ch;
    else {
      // The letter (â, ê, ô, ă, ơ, ư) is one byte; the tone (sắc, huyền, hỏi, ngã, nặng) follows it.
      const [base, ...marks] = Array.from(ch.normalize('NFD'));
      const letter = marks.filter((m) => ['\u0302', '\u0306', '\u031b'].includes(m)).join('');
      const tones = marks.filter((m) => !['\u0302', '\u0306', '\u031b'].includes(m)).join('');
      out += `${base}${letter}`.normalize('NFC') + tones;
    }
  }
  return iconv.encode(out, 'windows-1258');
}

describe.each(engines)('fees on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let accountId: string;
  let procedureId: string;

  const api = (who: string, method: string, url: string, payload?: unknown) =>
    c[who]!.request({ method: method as 'GET', url: `/api/v1${url}`, payload: payload as object });

  async function newDossier(): Promise<{ id: string; code: string; version: number }> {
    const procedure = (await t.app.inject({ url: `/api/v1/procedures/${procedureId}` })).json();
    const created = await api('tiepnhan', 'POST', '/dossiers', {
      procedureId,
      channel: 'counter',
      applicant: { name: 'Lê Văn Minh' },
      checklist: procedure.documents.map((x: { name: string }) => ({ document: x.name, received: true })),
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json();
  }

  async function askFee(d: { id: string; version: number }) {
    const res = await api('tiepnhan', 'POST', '/fees/requests', {
      dossierId: d.id,
      version: d.version,
      accountId,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  const stateOf = async (id: string) =>
    (await api('tiepnhan', 'GET', `/dossiers/${id}`)).json().state as string;

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { SEED_DEMO_DOSSIERS: '0', LOGIN_RATE_PER_MINUTE: '1000' } });
    await signIn(t, ['tiepnhan', 'ketoan', 'chuyenvien', 'lanhdao'], c);
    c.other = await otherAgencyLeader(t);
    const list = (await t.app.inject({ url: '/api/v1/procedures?q=cap%20giay%20phep%20lao%20dong' })).json();
    procedureId = list.items.find((i: { name: string }) => i.name.startsWith('Cấp giấy phép lao động')).id;
    // The province has set the fee: 1.500.000 đồng (the seed leaves it to the People's Council).
    await t.db.query(
      `UPDATE procedure_version SET content = jsonb_set(content, '{fees}', $2::jsonb) WHERE procedure_id = $1`,
      [procedureId, JSON.stringify([{ name: 'Phí cấp giấy phép lao động', amountVnd: FEE }])],
    );
    const acc = await api('ketoan', 'POST', '/fees/accounts', {
      bankBin: '970415',
      accountNumber: '113366668888',
      accountName: 'SO NOI VU THU PHI',
    });
    expect(acc.statusCode, acc.body).toBe(201);
    accountId = acc.json().id;
  }, 120_000);
  afterAll(() => t?.close());

  it('asks the catalogue amount, the dossier waits for payment, and the VietQR code decodes to account, amount and code', async () => {
    const d = await newDossier();
    const fee = await askFee(d);
    expect(fee).toMatchObject({ amountVnd: FEE, catalogueAmountVnd: FEE, reference: d.code, status: 'open' });
    expect(await stateOf(d.id)).toBe('awaiting_payment');
    const png = await api('tiepnhan', 'GET', `/fees/requests/${fee.id}/vietqr.png`);
    expect(png.statusCode).toBe(200);
    const image = PNG.sync.read(png.rawPayload);
    const scanned = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(scanned).not.toBeNull();
    expect(readVietQr(scanned!.data)).toEqual({
      bankBin: '970415',
      accountNumber: '113366668888',
      amountVnd: FEE,
      reference: d.code,
    });
  });

  it('records a payment once though two officers click at the same moment, and the receipt prints in Vietnamese', async () => {
    const d = await newDossier();
    const fee = await askFee(d);
    const wrong = await api('ketoan', 'POST', `/fees/requests/${fee.id}/payments`, {
      method: 'cash',
      amountVnd: 1_000_000,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().detail ?? wrong.json().title).toContain('1000000');
    const both = await Promise.all([
      api('ketoan', 'POST', `/fees/requests/${fee.id}/payments`, { method: 'cash', amountVnd: FEE }),
      api('tiepnhan', 'POST', `/fees/requests/${fee.id}/payments`, { method: 'cash', amountVnd: FEE }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [count] = await t.db.query<{ n: number }>(
      'SELECT COUNT(*)::int AS n FROM fee_payment WHERE fee_request_id = $1',
      [fee.id],
    );
    expect(count!.n).toBe(1);
    expect(await stateOf(d.id)).not.toBe('awaiting_payment');
    const paid = (await api('ketoan', 'GET', `/fees/requests/${fee.id}`)).json();
    expect(paid.status).toBe('paid');
    expect(paid.payment.receiptNumber).toMatch(/^\d{6}\/\d{4}\/BL$/);
    const pdf = await api('ketoan', 'GET', `/fees/payments/${paid.payment.id}/receipt.pdf`);
    expect(pdf.statusCode).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
    const text = (await parser.getText()).text.normalize('NFC');
    await parser.destroy();
    expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(text).toContain('Lê Văn Minh');
    expect(text).toContain('Phí cấp giấy phép lao động');
    expect(text).toContain('Tiền mặt');
    expect(text).toContain(paid.payment.receiptNumber);
  });

  it('index 766 counts a transfer as paid online (3.5, 3.6) and cash at the counter as not', async () => {
    const [y, m] = vietnamDateOf(t.ctx.now()).split('-').map(Number);
    const first = await newDossier();
    const [{ agency_id: agencyId }] = (await t.db.query<{ agency_id: string }>(
      'SELECT agency_id FROM dossier WHERE id = $1',
      [first.id],
    )) as [{ agency_id: string }];
    /** 3.5 and 3.6 of this month as the leader reads them (nothing to count yet reads as 0 of 0). */
    const payments = async () => {
      const res = await api(
        'lanhdao',
        'GET',
        `/reports/766?agency=${agencyId}&period=month&year=${y}&index=${m}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const of = (code: string) => {
        const i = res.json().indicators.find((x: Index766IndicatorView) => x.code === code);
        return i.status === 'measured' ? [i.numerator, i.denominator] : [0, 0];
      };
      return { procedures: of('3.5'), dossiers: of('3.6') };
    };
    const before = await payments();
    const byCash = await askFee(first);
    const cash = await api('ketoan', 'POST', `/fees/requests/${byCash.id}/payments`, {
      method: 'cash',
      amountVnd: FEE,
    });
    expect(cash.statusCode, cash.body).toBe(200);
    const afterCash = await payments();
    // Paid in cash: one more dossier with fees, none more paid online.
    expect(afterCash.dossiers).toEqual([before.dossiers[0], before.dossiers[1]! + 1]);
    const byTransfer = await askFee(await newDossier());
    const transfer = await api('ketoan', 'POST', `/fees/requests/${byTransfer.id}/payments`, {
      method: 'bank_transfer',
      amountVnd: FEE,
    });
    expect(transfer.statusCode, transfer.body).toBe(200);
    const afterTransfer = await payments();
    expect(afterTransfer.dossiers).toEqual([afterCash.dossiers[0]! + 1, afterCash.dossiers[1]! + 1]);
    // The one procedure with fees has now been paid online.
    expect(afterTransfer.procedures).toEqual([1, 1]);
  });

  it('exempts with a reason (audited), releasing the dossier; a reason too short is refused', async () => {
    const d = await newDossier();
    const fee = await askFee(d);
    const short = await api('tiepnhan', 'POST', `/fees/requests/${fee.id}/exemption`, {
      reason: 'miễn',
      percent: 100,
    });
    expect(short.statusCode).toBe(422);
    expect(JSON.stringify(short.json().errors)).toContain('reason');
    const ok = await api('tiepnhan', 'POST', `/fees/requests/${fee.id}/exemption`, {
      reason: 'Người có công với cách mạng (Pháp lệnh 02/2020)',
      percent: 100,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'exempt', amountVnd: 0, vietQr: null });
    expect(await stateOf(d.id)).not.toBe('awaiting_payment');
    const audit = await t.db.query<{ detail: { reason: string } }>(
      `SELECT detail FROM admin_audit WHERE action = 'fee.exempt' AND subject_id = $1`,
      [fee.id],
    );
    expect(audit[0]!.detail.reason).toContain('Người có công');
  });

  it('imports a statement: the exact line naming the code pays, partial, unknown and repeated lines wait for a person', async () => {
    const a = await newDossier();
    const b = await newDossier();
    const feeA = await askFee(a);
    const feeB = await askFee(b);
    // The bank strips dots and hyphens, writes capitals without accents; Windows-1258 file.
    const compact = a.code.replace(/[.-]/g, ' ');
    const csv = [
      'Ngày giao dịch;Số tiền ghi có;Nội dung',
      `09/03/2026;1.500.000;NGUYEN VAN MINH NOP LE PHI ${compact}`,
      `09/03/2026;1.000.000;NOP PHI ${b.code}`,
      '09/03/2026;200.000;Chuyển tiền không ghi mã',
      '09/03/2026;200.000;Chuyển tiền không ghi mã',
    ].join('\r\n');
    const file = multipart('saoke.csv', windows1258(csv));
    const res = await c.ketoan!.request({
      method: 'POST',
      url: `/api/v1/fees/accounts/${accountId}/statements`,
      ...file,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ lines: 4, matched: 1, unmatched: 3, duplicates: 1 });
    expect((await api('ketoan', 'GET', `/fees/requests/${feeA.id}`)).json().status).toBe('paid');
    expect(await stateOf(a.id)).not.toBe('awaiting_payment');
    expect((await api('ketoan', 'GET', `/fees/requests/${feeB.id}`)).json().status).toBe('open');
    const again = await c.ketoan!.request({
      method: 'POST',
      url: `/api/v1/fees/accounts/${accountId}/statements`,
      ...file,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toContain('đã được nhập');

    const lines = (await api('ketoan', 'GET', '/fees/unmatched')).json().items as {
      id: string;
      reason: string;
      description: string;
      duplicate: boolean;
    }[];
    expect(lines.map((l) => l.reason).sort()).toEqual(['amount_differs', 'duplicate_line', 'no_code']);
    expect(lines.find((l) => l.reason === 'no_code')!.description).toBe('Chuyển tiền không ghi mã');
    const dismiss = await api('ketoan', 'POST', `/fees/unmatched/${lines.find((l) => l.duplicate)!.id}`, {
      resolution: 'dismiss',
      reason: 'Dòng trùng trong tệp sao kê của ngân hàng',
    });
    expect(dismiss.statusCode, dismiss.body).toBe(204);
    const partial = lines.find((l) => l.reason === 'amount_differs')!;
    const assign = await api('ketoan', 'POST', `/fees/unmatched/${partial.id}`, {
      resolution: 'assign',
      feeRequestId: feeB.id,
    });
    expect(assign.statusCode).toBe(422);
    expect((await api('ketoan', 'GET', '/fees/unmatched')).json().items).toHaveLength(2);

    const rec = (
      await api('ketoan', 'GET', `/fees/reconciliation?accountId=${accountId}&day=2026-03-09`)
    ).json();
    expect(rec).toMatchObject({
      receivedVnd: 2_900_000,
      matchedVnd: FEE,
      unmatchedVnd: 1_200_000,
      unmatchedLines: 2,
    });
  });

  it('a person assigns an unmatched line by the dossier code read on it, which pays that dossier once', async () => {
    const d = await newDossier();
    const fee = await askFee(d);
    const csv = [
      'Ngày giao dịch;Số tiền ghi có;Nội dung',
      '10/03/2026;1.500.000;NOP PHI HO SO CUA ONG MINH',
    ].join('\n');
    const res = await c.ketoan!.request({
      method: 'POST',
      url: `/api/v1/fees/accounts/${accountId}/statements`,
      ...multipart('saoke-10.csv', Buffer.from(csv)),
    });
    expect(res.json()).toMatchObject({ matched: 0, unmatched: 1 });
    const line = (
      (await api('ketoan', 'GET', '/fees/unmatched')).json().items as { id: string; description: string }[]
    ).find((l) => l.description === 'NOP PHI HO SO CUA ONG MINH')!;
    const unknown = await api('ketoan', 'POST', `/fees/unmatched/${line.id}`, {
      resolution: 'assign_dossier',
      dossierCode: 'KHONG-CO-HO-SO',
    });
    expect(unknown.statusCode).toBe(404);
    const assign = await api('ketoan', 'POST', `/fees/unmatched/${line.id}`, {
      resolution: 'assign_dossier',
      dossierCode: ` ${d.code.toLowerCase()} `,
    });
    expect(assign.statusCode, assign.body).toBe(204);
    expect((await api('ketoan', 'GET', `/fees/requests/${fee.id}`)).json().status).toBe('paid');
    expect(await stateOf(d.id)).not.toBe('awaiting_payment');
    const twice = await api('ketoan', 'POST', `/fees/unmatched/${line.id}`, {
      resolution: 'assign_dossier',
      dossierCode: d.code,
    });
    expect(twice.statusCode).toBe(404);
  });

  it('names the row of each bad value and refuses a file without the columns', async () => {
    const bad = multipart(
      'bad.csv',
      Buffer.from('Ngày,Số tiền,Nội dung\n31/02/2026,100.000,x\n01/03/2026,12ab,y\n'),
    );
    const res = await c.ketoan!.request({
      method: 'POST',
      url: `/api/v1/fees/accounts/${accountId}/statements`,
      ...bad,
    });
    expect(res.statusCode).toBe(422);
    const messages = res.json().errors.map((e: { message: string }) => e.message);
    expect(messages[0]).toContain('Dòng 2');
    expect(messages[1]).toContain('Dòng 3: số tiền "12ab"');
    const noCols = multipart('x.csv', Buffer.from('a,b,c\n1,2,3\n'));
    const res2 = await c.ketoan!.request({
      method: 'POST',
      url: `/api/v1/fees/accounts/${accountId}/statements`,
      ...noCols,
    });
    expect(res2.statusCode).toBe(422);
    expect(res2.json().errors[0].message).toContain('Ngày giao dịch');
  });

  it('shows payments and statements only to the agency finance and counter roles', async () => {
    const d = await newDossier();
    const fee = await askFee(d);
    expect((await api('chuyenvien', 'GET', `/fees/requests/${fee.id}`)).statusCode).toBe(403);
    expect((await api('chuyenvien', 'GET', '/fees/unmatched')).statusCode).toBe(403);
    expect((await api('other', 'GET', `/fees/requests/${fee.id}`)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/fees/requests/${fee.id}` })).statusCode).toBe(401);
    // The dossier page's fee panel: the counter sees the request, a specialist does not.
    const mine = await api('tiepnhan', 'GET', `/fees/dossiers/${d.id}/requests`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [fee.id, 'open'],
    ]);
    expect((await api('chuyenvien', 'GET', `/fees/dossiers/${d.id}/requests`)).statusCode).toBe(403);
  });
});
