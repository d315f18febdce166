/**
 * Fees and signed results, as the citizen, the counter officer, the accountant and the leader meet
 * them (issue 12): the counter officer asks the fee the catalogue does not price, entering its amount
 * and basis; the citizen, signed in with VNeID, sees the VietQR code on their dossier page and on the
 * public lookup (the image's bytes are decoded here back to the agency's account, the amount and the
 * dossier code); the accountant imports a bank statement CSV in the staff pages, which matches it; the
 * receipt (biên lai) is issued; the leader approves; the citizen downloads the result PDF, whose
 * signature verifies here (with node-forge and Node's crypto) and on the public /xac-thuc page by
 * uploading the file; a copy with a byte changed inside the signed range is rejected there; the
 * counter officer returns the result and the citizen rates the service on their page, once.
 */
import { createRequire } from 'node:module';
import { PDFParse } from 'pdf-parse';
import type { Page } from 'playwright-core';
import { QRPay } from 'vietnam-qr-pay';
import { afterAll, describe, expect, it } from 'vitest';
import { independentlyVerify, lastSignature } from '../packages/server/test/support/pdf-signature.ts';
import { apiAs } from './support/api.ts';
import { SMALL_PHONE } from './support/browser.ts';
import { expectAccessible } from './support/checks.ts';
import { citizens, signInCitizenWithOidc } from './support/citizen.ts';
import { returnResultAtCounter } from './support/counter.ts';
import { WORK_PERMIT } from './support/seed.ts';
import { staffBrowsers } from './support/staff.ts';
import { baseUrl, useBrowser } from './support/suite.ts';

const require = createRequire(import.meta.url);
const { PNG } = require('pngjs') as {
  PNG: { sync: { read(data: Buffer): { width: number; height: number; data: Buffer } } };
};
const jsQR = require('jsqr') as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

const AMOUNT = 450_000;
const ACCOUNT = { bankBin: '970415', accountNumber: '118000246810', accountName: 'SO NOI VU THU PHI LE PHI' };
const BASIS = 'Nghị quyết 15/2026/NQ-HĐND tỉnh về mức thu phí';

const openPage = useBrowser();
const pages = new Map<string, Page>();
afterAll(async () => {
  for (const page of pages.values()) await page.context().close();
});

/** Shared by the steps, which run in order. */
const dossier = { id: '', code: '' };
const person = citizens[2]!;
let resultPdf: Buffer = Buffer.alloc(0);

/** The browser of one member of staff, signed in once through the form, at `path`. */
const staff = staffBrowsers(openPage, pages);

/** The citizen's browser (a phone), signed in with VNeID once. */
async function citizen(): Promise<Page> {
  let page = pages.get('citizen');
  if (!page) {
    page = await openPage(SMALL_PHONE);
    pages.set('citizen', page);
    await signInCitizenWithOidc(page, person);
  }
  return page;
}

async function settled(page: Page, what: string) {
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
  await expectAccessible(page, what);
}

/** What a banking app reads from the VietQR image. */
function scanVietQr(png: Buffer) {
  const image = PNG.sync.read(png);
  const payload = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
  expect(payload).toBeTruthy();
  const qr = new QRPay(payload!);
  expect(qr.isValid).toBe(true);
  return {
    bankBin: qr.consumer?.bankBin,
    accountNumber: qr.consumer?.bankNumber,
    amountVnd: Number(qr.amount),
    reference: qr.additionalData?.purpose,
  };
}

/** Today in Vietnam as a bank statement writes it: dd/mm/yyyy. */
function vietnamToday(): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date());
  return parts;
}

describe('a fee paid by VietQR and a signed result', () => {
  it('is asked by the counter officer, entering the amount the catalogue does not set, with its basis', async () => {
    const counter = await staff('tiepnhan', '/can-bo/quay');
    const ketoan = await staff('ketoan', '/can-bo/thu-phi/sao-ke');
    // Set-up: the agency's collection account, and the citizen's dossier received at the counter.
    const accounts = (await apiAs(ketoan, 'GET', '/fees/accounts')) as {
      items: { accountNumber: string }[];
    };
    if (!accounts.items.some((x) => x.accountNumber === ACCOUNT.accountNumber)) {
      await apiAs(ketoan, 'POST', '/fees/accounts', ACCOUNT);
    }
    const list = (await (await fetch(`${baseUrl}/api/v1/procedures?pageSize=100`)).json()) as {
      items: { id: string; name: string }[];
    };
    const permit = list.items.find((p) => WORK_PERMIT.test(p.name))!;
    const procedure = (await (await fetch(`${baseUrl}/api/v1/procedures/${permit.id}`)).json()) as {
      documents: { name: string }[];
    };
    const created = (await apiAs(counter, 'POST', '/dossiers', {
      procedureId: permit.id,
      channel: 'counter',
      applicant: { name: person.name, idNumber: person.identity_number, phone: '0987654321' },
      checklist: procedure.documents.map((x) => ({ document: x.name, received: true })),
    })) as { id: string; code: string };
    dossier.id = created.id;
    dossier.code = created.code;

    await counter.goto(`/can-bo/ho-so/${dossier.id}`);
    const fees = counter.getByRole('region', { name: 'Phí, lệ phí' });
    await fees.getByRole('button', { name: 'Yêu cầu nộp phí' }).waitFor();
    await fees
      .getByLabel('Tài khoản thu')
      .selectOption({ label: `${ACCOUNT.accountName} – ${ACCOUNT.accountNumber}` });
    // Nothing entered: each missing answer is named and linked.
    await fees.getByRole('button', { name: 'Yêu cầu nộp phí' }).click();
    const summary = fees.locator('.error-summary');
    await expect.poll(() => summary.innerText()).toContain('Nhập lý do, căn cứ của số tiền');
    expect(await summary.innerText()).toMatch(/Nhập số tiền của “.+” là số nguyên dương/);
    await settled(counter, 'the fee panel with its errors');
    const amounts = fees.getByLabel(/^Số tiền “/);
    expect(await amounts.count()).toBe(1);
    await amounts.fill(String(AMOUNT));
    await fees.getByLabel('Lý do, căn cứ của số tiền').fill(BASIS);
    await fees.getByRole('button', { name: 'Yêu cầu nộp phí' }).click();
    await fees.getByRole('img', { name: /Mã VietQR để chuyển khoản/ }).waitFor();
    expect(await fees.innerText()).toContain('450.000 đồng');
    await expect
      .poll(() => counter.locator('.dossier__status').innerText())
      .toMatch(/nghĩa vụ tài chính|nộp phí/i);
  });

  it('shows the citizen the VietQR code on their dossier page and on the lookup, with the same facts in words', async () => {
    const page = await citizen();
    const qr = page.waitForResponse((r) => r.url().includes('/payment-qr.png'));
    await page.goto(`/cong-dan/ho-so/${dossier.id}`);
    const box = page.getByRole('region', { name: 'Nộp phí, lệ phí' });
    await box.waitFor();
    const image = await qr;
    expect(image.status()).toBe(200);
    expect(scanVietQr(await image.body())).toEqual({
      bankBin: ACCOUNT.bankBin,
      accountNumber: ACCOUNT.accountNumber,
      amountVnd: AMOUNT,
      reference: dossier.code,
    });
    // The image's own bytes: what the browser drew is the same code.
    const src = await box.getByRole('img').getAttribute('src');
    expect(scanVietQr(await (await page.request.get(src!)).body()).reference).toBe(dossier.code);
    const words = await box.innerText();
    expect(words).toContain('450.000 đồng');
    expect(words).toContain(ACCOUNT.accountNumber);
    expect(words).toContain(ACCOUNT.accountName);
    expect(words).toContain('Ngân hàng TMCP Công thương Việt Nam');
    expect(words).toContain(dossier.code);
    await settled(page, "the citizen's dossier waiting for payment");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The public lookup, nobody signed in: the same code, and the applicant masked.
    const visitor = await openPage(SMALL_PHONE);
    pages.set('visitor', visitor);
    const lookupQr = visitor.waitForResponse((r) => r.url().includes('/payment-qr.png'));
    await visitor.goto(`/tra-cuu-ho-so?ma=${encodeURIComponent(dossier.code)}`);
    await visitor.getByRole('region', { name: 'Nộp phí, lệ phí' }).waitFor();
    expect(scanVietQr(await (await lookupQr).body()).amountVnd).toBe(AMOUNT);
    const shown = await visitor.locator('main').innerText();
    expect(shown).not.toContain(person.identity_number);
    expect(shown).not.toContain('0987654321');
    await settled(visitor, 'the public lookup waiting for payment');
  });

  it('is matched by the bank statement the accountant imports, and its receipt is issued', async () => {
    const page = await staff('ketoan', '/can-bo/thu-phi/sao-ke');
    await page
      .getByLabel('Tài khoản thu')
      .selectOption({ label: `${ACCOUNT.accountName} – ${ACCOUNT.accountNumber}` });
    const csv = [
      'Ngày giao dịch;Số tiền ghi có;Nội dung',
      `${vietnamToday()};${AMOUNT.toLocaleString('de-DE')};MBVCB.123456 ${person.name} CK ${dossier.code.replace(/\./g, ' ')}`,
      `${vietnamToday()};100.000;CK khong ghi ma ho so`,
    ].join('\r\n');
    await page.getByLabel('Tệp sao kê').setInputFiles({
      name: `sao-ke-${Date.now()}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Nhập sao kê' }).click();
    const table = page.getByRole('table', { name: 'Kết quả nhập sao kê' });
    await table.waitFor();
    const cells = await table.locator('tbody td').allInnerTexts();
    expect(cells).toEqual(['2', '1', '1', '0']);
    await settled(page, 'the imported statement');

    // The counter's dossier page: paid, with the receipt to download.
    const counter = await staff('tiepnhan', `/can-bo/ho-so/${dossier.id}`);
    const fees = counter.getByRole('region', { name: 'Phí, lệ phí' });
    await expect.poll(() => fees.innerText()).toMatch(/Đã nộp, biên lai số \d{6}\/\d{4}\/BL/);
    const number = (await fees.innerText()).match(/\d{6}\/\d{4}\/BL/)![0];
    const href = await fees.getByRole('link', { name: 'Tải biên lai (PDF)' }).getAttribute('href');
    const receipt = await counter.request.get(href!);
    expect(receipt.status()).toBe(200);
    expect(receipt.headers()['content-type']).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await receipt.body()) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain(number);
    expect(text).toContain(dossier.code);
    expect(text).toContain(person.name);
  });

  it('is approved by the leader, and the citizen downloads the result signed by the agency', async () => {
    // Set-up: the specialist and the head of unit move the dossier on to the leader.
    const counter = pages.get('tiepnhan')!;
    let d = (await apiAs(counter, 'GET', `/dossiers/${dossier.id}`)) as {
      version: number;
      state: string;
      step: { role: string } | null;
    };
    const act = async (page: Page, action: string) => {
      d = await apiAs(page, 'POST', `/dossiers/${dossier.id}/actions/${action}`, {
        version: d.version,
        input: {},
      });
    };
    if (d.step?.role === 'counter_officer') await act(counter, 'forward_step');
    await act(await staff('chuyenvien', '/can-bo/ho-so'), 'forward_step');
    await act(await staff('truongphong', '/can-bo/ho-so'), 'forward_step');
    expect(d.state).toBe('awaiting_approval');

    const leader = await staff('lanhdao', '/can-bo/phe-duyet');
    await leader.getByRole('button', { name: `Phê duyệt hồ sơ ${dossier.code}` }).click();
    const panel = leader.getByRole('region', { name: `Phê duyệt hồ sơ ${dossier.code}` });
    await panel.getByLabel('Đồng ý, ký duyệt kết quả').check();
    await panel.getByLabel(/^Số, ký hiệu văn bản kết quả/).fill('2468/GPLĐ-SNV');
    await panel.getByLabel('Tôi đã kiểm tra và xác nhận thực hiện thao tác này').check();
    await panel.getByRole('button', { name: `Phê duyệt hồ sơ ${dossier.code}` }).click();
    await leader.getByText(`Đã phê duyệt hồ sơ ${dossier.code}.`).waitFor();

    const page = await citizen();
    await page.goto(`/cong-dan/ho-so/${dossier.id}`);
    const link = page.getByRole('link', { name: /^Tải kết quả/ });
    await link.waitFor();
    const file = await page.request.get((await link.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    resultPdf = Buffer.from(await file.body());
    expect(resultPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const signature = independentlyVerify(resultPdf);
    expect(signature.signatureOk).toBe(true);
    expect(signature.digestInAttrs).toBe(true);
    // The public verification API agrees.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(resultPdf)], { type: 'application/pdf' }), 'ket-qua.pdf');
    const verdict = (await (
      await fetch(`${baseUrl}/api/v1/public/verify`, { method: 'POST', body: form })
    ).json()) as { verdict: string };
    expect(verdict.verdict).toBe('valid');
  });

  it('verifies on the public page by uploading the file, and rejects a copy changed inside the signed range', async () => {
    const page = await openPage(SMALL_PHONE);
    pages.set('verifier', page);
    await page.goto('/xac-thuc');
    await page.getByRole('heading', { level: 1, name: 'Xác thực kết quả điện tử' }).waitFor();
    await page.getByLabel('Tệp kết quả (PDF)').setInputFiles({
      name: 'ket-qua.pdf',
      mimeType: 'application/pdf',
      buffer: resultPdf,
    });
    await page.getByRole('button', { name: 'Xác thực' }).click();
    await page.getByText('Văn bản hợp lệ').first().waitFor();
    expect(await page.locator('main').innerText()).not.toContain(person.name);
    await settled(page, 'a valid result on the verification page');

    // One byte changed in the middle of the first signed range.
    const { range } = lastSignature(resultPdf);
    const tampered = Buffer.from(resultPdf);
    const at = range.a + Math.floor(range.b / 2);
    tampered[at] = tampered[at]! ^ 0x01;
    await page.goto('/xac-thuc');
    await page.getByLabel('Tệp kết quả (PDF)').setInputFiles({
      name: 'ket-qua-sua.pdf',
      mimeType: 'application/pdf',
      buffer: tampered,
    });
    await page.getByRole('button', { name: 'Xác thực' }).click();
    await page.getByText('Văn bản đã bị thay đổi').first().waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Văn bản hợp lệ');
    await settled(page, 'an altered result on the verification page');
  });

  it('is returned at the counter, and the citizen rates the service once; a second rating is refused', async () => {
    const counter = await staff('tiepnhan', '/can-bo/quay');
    await returnResultAtCounter(counter, dossier.code);

    const page = await citizen();
    await page.goto(`/cong-dan/ho-so/${dossier.id}`);
    const rating = page.getByRole('region', { name: 'Đánh giá việc giải quyết hồ sơ' });
    await rating.waitFor();
    await settled(page, 'the rating form on the citizen dossier page');
    // Another tab, the same dossier, opened before the rating is sent: it still shows the form.
    const second = await page.context().newPage();
    try {
      await second.goto(`/cong-dan/ho-so/${dossier.id}`);
      const again = second.getByRole('region', { name: 'Đánh giá việc giải quyết hồ sơ' });
      await again.getByLabel('Không hài lòng').check();

      await rating.getByLabel('Hài lòng', { exact: true }).check();
      await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByText('Cảm ơn Ông/Bà đã đánh giá').waitFor();

      // The second rating, from the other tab, is refused in words.
      await again.locator('.checkbox__label').first().click();
      await again.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await expect
        .poll(() => again.innerText())
        .toContain('Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần');
      expect(await again.innerText()).not.toContain('Cảm ơn Ông/Bà đã đánh giá');
      // Loaded again, the page says what the citizen gave and offers no form.
      await second.reload();
      await expect
        .poll(() => again.innerText())
        .toMatch(/Bạn đã đánh giá “Hài lòng” ngày \d{2}\/\d{2}\/\d{4}/);
      expect(await again.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
      await settled(second, 'the citizen dossier page once rated');
    } finally {
      await second.close();
    }
  });

  it('records a result sent by post on the staff page, checked against the carrier, and shows it to the citizen', async () => {
    const counter = await staff('tiepnhan', `/can-bo/ho-so/${dossier.id}`);
    const postal = counter.getByRole('region', { name: 'Bưu chính công ích' });
    const form = postal.getByRole('form', { name: 'Ghi nhận kết quả gửi qua bưu chính' });
    await form.getByLabel('Đơn vị bưu chính').selectOption({ label: 'Bưu điện Việt Nam (VNPost)' });
    const number = form.getByLabel('Số hiệu bưu gửi (mã vận đơn)');
    await number.fill('EB12345VN');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => form.locator('.error-message').innerText()).toContain('gồm 2 chữ cái, 9 chữ số');
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    await settled(counter, 'the postal form with its error');
    await number.fill('eb 123 456 789 vn');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.getByText('Đã lưu thông tin bưu chính.').waitFor();
    expect(await number.inputValue()).toBe('EB123456789VN');

    const page = await citizen();
    await page.goto(`/cong-dan/ho-so/${dossier.id}`);
    const lines = page.getByRole('region', { name: 'Gửi, nhận qua bưu chính' });
    await expect.poll(() => lines.innerText()).toContain('Bưu điện Việt Nam (VNPost), số hiệu EB123456789VN');
    const visitor = pages.get('visitor')!;
    await visitor.goto(`/tra-cuu-ho-so?ma=${encodeURIComponent(dossier.code)}`);
    await expect
      .poll(() => visitor.getByRole('region', { name: 'Gửi, nhận qua bưu chính' }).innerText())
      .toContain('EB123456789VN');
  });
});
