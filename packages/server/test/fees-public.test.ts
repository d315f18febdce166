/**
 * The fee where the citizen meets it, and the fee the catalogue does not price: the officer enters
 * the amount with a reason (checked, written to the dossier's history); while the dossier waits for
 * payment, the public lookup and a public PNG give the VietQR code (decoded here back to the agency's
 * account, the amount and the dossier code) with the same facts as text and nothing about the
 * citizen; the counter receipt (form 01) printed then carries the code too; once paid, both are gone.
 */
import { createRequire } from 'node:module';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readVietQr } from '../src/fees/vietqr.ts';
import { startTestApp, type TestApp, type TestClient } from './support/app.ts';
import { engines } from './support/databases.ts';

const require = createRequire(import.meta.url);
const { PNG } = require('pngjs') as {
  PNG: { sync: { read(data: Buffer): { width: number; height: number; data: Buffer } } };
};
const jsQR = require('jsqr') as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

const scan = (png: Buffer) => {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
};

/** Every QR code a phone reads off the PDF's images, and its text. */
async function readPdf(pdf: Buffer): Promise<{ codes: string[]; text: string }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const images = await parser.getImage({ imageBuffer: true, imageDataUrl: false });
    const codes = images.pages
      .flatMap((p) => p.images)
      .flatMap((image) => {
        const code = scan(Buffer.from(image.data));
        return code ? [code] : [];
      });
    return { codes, text: (await parser.getText()).text };
  } finally {
    await parser.destroy();
  }
}

const ACCOUNT = { bankBin: '970436', accountNumber: '0071000123456', accountName: 'SO NOI VU THU LE PHI' };
const FEE_NAME = 'Phí cấp giấy phép lao động';

describe.each(engines)('fees for the citizen on %s', (engine) => {
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
      applicant: { name: 'Trần Thị Hoa', idNumber: '079203009876', phone: '0912345678' },
      checklist: procedure.documents.map((x: { name: string }) => ({ document: x.name, received: true })),
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json();
  }

  const ask = (d: { id: string; version: number }, extra: object = {}) =>
    api('tiepnhan', 'POST', '/fees/requests', { dossierId: d.id, version: d.version, accountId, ...extra });

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { SEED_DEMO_DOSSIERS: '0', LOGIN_RATE_PER_MINUTE: '1000' } });
    for (const user of ['tiepnhan', 'ketoan']) {
      c[user] = t.client();
      expect((await c[user]!.login(user)).statusCode).toBe(200);
    }
    const list = (await t.app.inject({ url: '/api/v1/procedures?q=cap%20giay%20phep%20lao%20dong' })).json();
    procedureId = list.items.find((i: { name: string }) => i.name.startsWith('Cấp giấy phép lao động')).id;
    // The People's Council has not set this fee yet: the catalogue lists it without an amount.
    await t.db.query(
      `UPDATE procedure_version SET content = jsonb_set(content, '{fees}', $2::jsonb) WHERE procedure_id = $1`,
      [procedureId, JSON.stringify([{ name: FEE_NAME, amountVnd: null }])],
    );
    const acc = await api('ketoan', 'POST', '/fees/accounts', ACCOUNT);
    expect(acc.statusCode, acc.body).toBe(201);
    accountId = acc.json().id;
  }, 120_000);
  afterAll(() => t?.close());

  it('an unpriced fee: the officer must enter its amount and a reason; both are checked and the reason is in the history', async () => {
    const d = await newDossier();
    const fees = (await api('tiepnhan', 'GET', `/fees/dossiers/${d.id}/requests`)).json();
    expect(fees.catalogue).toEqual({ kind: 'needs_officer', priced: [], unpriced: [FEE_NAME] });

    const none = await ask(d);
    expect(none.statusCode).toBe(422);
    expect(none.json().code).toBe('fee_needs_amount');
    expect(none.json().detail).toContain(FEE_NAME);

    const noReason = await ask(d, { items: [{ name: FEE_NAME, amountVnd: 400_000 }] });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors.map((e: { path: string }) => e.path)).toEqual(['reason']);

    const wrongName = await ask(d, {
      items: [{ name: 'Lệ phí khác', amountVnd: 400_000 }],
      reason: 'Nghị quyết 12/2026/NQ-HĐND tỉnh',
    });
    expect(wrongName.statusCode).toBe(422);
    expect(wrongName.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'items[0].amountVnd',
      'items',
    ]);

    const shortReason = await ask(d, { items: [{ name: FEE_NAME, amountVnd: 400_000 }], reason: 'NQ 12' });
    expect(shortReason.statusCode).toBe(422);
    expect(shortReason.json().errors.map((e: { path: string }) => e.path)).toEqual(['reason']);
    const zero = await ask(d, {
      items: [{ name: FEE_NAME, amountVnd: 0 }],
      reason: 'Nghị quyết 12/2026/NQ-HĐND tỉnh',
    });
    expect(zero.statusCode).toBe(422);
    expect(zero.json().errors.map((e: { path: string }) => e.path)).toEqual(['items[0].amountVnd']);
    expect((await api('tiepnhan', 'GET', `/dossiers/${d.id}`)).json().state).toBe('received');

    const ok = await ask(d, {
      items: [{ name: FEE_NAME, amountVnd: 400_000 }],
      reason: 'Nghị quyết 12/2026/NQ-HĐND tỉnh',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ amountVnd: 400_000, items: [{ name: FEE_NAME, amountVnd: 400_000 }] });
    const dossier = (await api('tiepnhan', 'GET', `/dossiers/${d.id}`)).json();
    expect(dossier.state).toBe('awaiting_payment');
    const asked = dossier.events.find((e: { action: string }) => e.action === 'request_payment');
    expect(asked.payload.note).toContain('Nghị quyết 12/2026/NQ-HĐND tỉnh');
    expect(asked.payload.note).toContain('400000');
  });

  it('while the dossier waits for payment, the public lookup and its VietQR code give the account, amount and code, and nothing about the citizen', async () => {
    const d = await newDossier();
    const fee = (
      await ask(d, {
        items: [{ name: FEE_NAME, amountVnd: 750_000 }],
        reason: 'Nghị quyết 12/2026/NQ-HĐND tỉnh',
      })
    ).json();
    const lookup = await t.app.inject({ url: `/api/v1/dossiers/lookup?code=${d.code}` });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json().payment).toEqual({
      bankBin: ACCOUNT.bankBin,
      bankName: 'Ngân hàng TMCP Ngoại Thương Việt Nam',
      accountNumber: ACCOUNT.accountNumber,
      accountName: ACCOUNT.accountName,
      amountVnd: 750_000,
      reference: d.code,
      qrUrl: `/api/v1/public/dossiers/${d.code}/payment-qr.png`,
    });

    const png = await t.app.inject({ url: `/api/v1/public/dossiers/${d.code.toLowerCase()}/payment-qr.png` });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    const payload = scan(png.rawPayload)!;
    expect(readVietQr(payload)).toEqual({
      bankBin: ACCOUNT.bankBin,
      accountNumber: ACCOUNT.accountNumber,
      amountVnd: 750_000,
      reference: d.code,
    });
    for (const secret of ['Trần Thị Hoa', 'Hoa', '079203009876', '0912345678']) {
      expect(payload).not.toContain(secret);
    }

    // The counter receipt printed now carries the same code and says it in words.
    const form = await api('tiepnhan', 'GET', `/dossiers/${d.id}/forms/01.pdf`);
    expect(form.statusCode).toBe(200);
    const printed = await readPdf(form.rawPayload);
    expect(printed.codes.map(readVietQr).filter(Boolean)).toEqual([
      {
        bankBin: ACCOUNT.bankBin,
        accountNumber: ACCOUNT.accountNumber,
        amountVnd: 750_000,
        reference: d.code,
      },
    ]);
    expect(printed.text).toContain('750.000 đồng');
    expect(printed.text).toContain(ACCOUNT.accountNumber);
    expect(printed.text).toContain(`Nội dung chuyển khoản: ${d.code}`);

    // Paid: nothing left to pay, on the lookup, the code or the receipt.
    const paid = await api('tiepnhan', 'POST', `/fees/requests/${fee.id}/payments`, {
      method: 'cash',
      amountVnd: 750_000,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/dossiers/lookup?code=${d.code}` })).json().payment).toBeNull();
    const gone = await t.app.inject({ url: `/api/v1/public/dossiers/${d.code}/payment-qr.png` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('fee_nothing_to_pay');
    const after = await readPdf((await api('tiepnhan', 'GET', `/dossiers/${d.id}/forms/01.pdf`)).rawPayload);
    expect(after.codes.map(readVietQr).filter(Boolean)).toEqual([]);
    expect(after.text).not.toContain('Nội dung chuyển khoản');
  });

  it('a dossier with nothing to pay, or an unknown code, has no VietQR code', async () => {
    const d = await newDossier();
    expect((await t.app.inject({ url: `/api/v1/dossiers/lookup?code=${d.code}` })).json().payment).toBeNull();
    expect((await t.app.inject({ url: `/api/v1/public/dossiers/${d.code}/payment-qr.png` })).statusCode).toBe(
      404,
    );
    expect(
      (await t.app.inject({ url: '/api/v1/public/dossiers/not-a-code/payment-qr.png' })).statusCode,
    ).toBe(400);
  });

  it('a fee the catalogue prices cannot be given another amount by the officer', async () => {
    await t.db.query(
      `UPDATE procedure_version SET content = jsonb_set(content, '{fees}', $2::jsonb) WHERE procedure_id = $1`,
      [procedureId, JSON.stringify([{ name: FEE_NAME, amountVnd: 600_000 }])],
    );
    const d = await newDossier();
    const fees = (await api('tiepnhan', 'GET', `/fees/dossiers/${d.id}/requests`)).json();
    expect(fees.catalogue).toEqual({
      kind: 'charge',
      priced: [{ name: FEE_NAME, amountVnd: 600_000 }],
      unpriced: [],
    });
    const other = await ask(d, {
      items: [{ name: FEE_NAME, amountVnd: 1_000 }],
      reason: 'Nghị quyết 12/2026/NQ-HĐND tỉnh',
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('fee_priced_by_catalogue');
    const catalogue = await ask(d);
    expect(catalogue.statusCode, catalogue.body).toBe(201);
    expect(catalogue.json().amountVnd).toBe(600_000);
  });
});
