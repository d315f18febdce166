/**
 * The citizen portal from home, on a 360 px phone: a citizen signs in with VNeID (the test OpenID
 * provider), starts the unemployment benefit application from its catalogue page, answers the
 * e-form a page at a time (wrong and missing answers are named in the error summary and next to the
 * field, nothing typed is lost), leaves halfway, comes back in another browser and resumes the
 * draft, uploads the document, checks the answers and submits. The counter officer accepts it, the
 * specialist asks for a supplement, the citizen sends it online, the result is approved and returned
 * electronically, and the citizen downloads it. An email arrives at each step the citizen is told
 * of. Another citizen sees neither the draft nor the dossier. Every portal page passes axe and fits
 * 360 px.
 *
 * The steps run in order and share the dossier.
 */

import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SMALL_PHONE } from './support/browser.ts';
import { expectAccessible } from './support/checks.ts';
import { citizens, signInCitizenWithOidc, waitForMail } from './support/citizen.ts';
import { returnResultAtCounter } from './support/counter.ts';
import { staffBrowsers } from './support/staff.ts';
import { useBrowser } from './support/suite.ts';

const PROCEDURE = 'Hưởng trợ cấp thất nghiệp';
const DOCUMENT = 'Đề nghị hưởng trợ cấp thất nghiệp (theo mẫu)';
const SUPPLEMENT = 'Bản sao sổ bảo hiểm xã hội';
const CONTINUE = 'Lưu và tiếp tục';

const openPage = useBrowser();
const [an, binh] = citizens as [(typeof citizens)[number], (typeof citizens)[number]];
/** Shared by the steps, which run in order. */
const journey = { procedureId: '', formPath: '', id: '', code: '' };
const staffPages = new Map<string, Page>();

afterAll(async () => {
  for (const page of staffPages.values()) await page.context().close();
});

/** A small real PDF, as a phone's scanner app makes one. */
async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([420, 595]).drawText(text, { x: 40, y: 540, size: 14 });
  return Buffer.from(await doc.save());
}

/** A portal page as the citizen sees it: loaded, no WCAG 2.1 AA violation, and nothing wider than 360 px. */
async function checkPage(page: Page, what: string): Promise<void> {
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${what} is ${width} px wide`).toBeLessThanOrEqual(360);
  await expectAccessible(page, what);
}

/** The error summary's lines, once it shows (it takes the focus, as GOV.UK's does). */
async function errorSummary(page: Page): Promise<string> {
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
  return summary.innerText();
}

/** The message shown next to the field, inside its form group. */
async function messageNextTo(page: Page, label: string): Promise<string> {
  const group = page.locator('.form-group', { has: page.getByLabel(label, { exact: true }) });
  return group.locator('.error-message').innerText();
}

/** The heading of a one-question page is its label (GOV.UK): wait for the question to show. */
async function onQuestion(page: Page, label: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).waitFor();
}

/** The browser of one member of staff, signed in once through the form, at `path`. */
const staff = staffBrowsers(openPage, staffPages);

/** Opens an action of the staff dossier page, fills it, sends it, and waits for the notice. */
async function act(
  page: Page,
  title: string,
  fill?: (panel: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByRole('button', { name: title, exact: true }).first().click();
  const panel = page.getByRole('region', { name: title, exact: true });
  await panel.waitFor();
  await fill?.(panel);
  await panel.getByRole('button', { name: title, exact: true }).click();
  await page
    .getByText(`Đã thực hiện: ${title}.`)
    .waitFor()
    .catch(async (err) => {
      throw new Error(`${title}: ${err}\nThe panel says:\n${await panel.innerText().catch(() => '(gone)')}`);
    });
}

describe('a citizen applies online for unemployment benefit, from a phone, to the result', () => {
  it('signs in with VNeID, starts from the catalogue, and is told what is wrong without losing what was typed', async () => {
    const page = await openPage(SMALL_PHONE);
    try {
      await signInCitizenWithOidc(page, an);
      await checkPage(page, 'citizen home');

      await page.goto('/thu-tuc?q=tro%20cap%20that%20nghiep');
      await page.getByRole('link', { name: PROCEDURE, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: PROCEDURE }).waitFor();
      await checkPage(page, 'procedure page');
      journey.procedureId = new URL(page.url()).pathname.split('/').pop() ?? '';
      await page.getByRole('link', { name: 'Nộp trực tuyến' }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/nop-truc-tuyen/'));
      journey.formPath = new URL(page.url()).pathname;

      // Page 1: nothing typed.
      await onQuestion(page, 'Họ và tên');
      await checkPage(page, 'e-form, first question');
      await page.getByRole('button', { name: CONTINUE }).click();
      expect(await errorSummary(page)).toContain('Nhập họ và tên');
      expect(await messageNextTo(page, 'Họ và tên')).toContain('Nhập họ và tên');
      await checkPage(page, 'e-form with a missing answer');
      await page.getByLabel('Họ và tên', { exact: true }).fill(an.name);
      await page.getByRole('button', { name: CONTINUE }).click();

      // Page 2: a number that is not one; what was typed stays in the box.
      await onQuestion(page, 'Số định danh cá nhân');
      await page.getByLabel('Số định danh cá nhân', { exact: true }).fill('07920000123');
      await page.getByRole('button', { name: CONTINUE }).click();
      expect(await errorSummary(page)).toContain('Số định danh cá nhân phải gồm 12 chữ số');
      expect(await messageNextTo(page, 'Số định danh cá nhân')).toContain('phải gồm 12 chữ số');
      expect(await page.getByLabel('Số định danh cá nhân', { exact: true }).inputValue()).toBe('07920000123');
      await checkPage(page, 'e-form with a wrong answer');
      await page.getByLabel('Số định danh cá nhân', { exact: true }).fill(an.identity_number);
      await page.getByRole('button', { name: CONTINUE }).click();

      // Page 3: the phone number.
      await onQuestion(page, 'Số điện thoại');
      await page.getByLabel('Số điện thoại', { exact: true }).fill('0912 345 678');
      await page.getByRole('button', { name: CONTINUE }).click();

      // Page 4: a day that does not exist, then a real one.
      await onQuestion(page, 'Ngày chấm dứt hợp đồng');
      await page.getByLabel('Ngày chấm dứt hợp đồng', { exact: true }).fill('31/2/2026');
      await page.getByRole('button', { name: CONTINUE }).click();
      expect(await errorSummary(page)).toContain('Ngày chấm dứt hợp đồng phải là một ngày có thật');
      expect(await page.getByLabel('Ngày chấm dứt hợp đồng', { exact: true }).inputValue()).toBe('31/2/2026');
      await page.getByLabel('Ngày chấm dứt hợp đồng', { exact: true }).fill('15/10/2026');
      await page.getByRole('button', { name: CONTINUE }).click();

      // Saved on the server: the next question shows, and the citizen leaves here, halfway.
      await onQuestion(page, 'Số tháng đã đóng');
    } finally {
      await page.context().close();
    }
  });

  it('keeps the draft from another citizen, who starts their own', async () => {
    const page = await openPage(SMALL_PHONE);
    try {
      await signInCitizenWithOidc(page, binh);
      const draft = await page.request.get(`/api/v1/citizen/drafts/${journey.procedureId}`);
      expect(draft.status()).toBe(404);
      expect(await draft.text()).not.toContain(an.identity_number);
      await page.goto(journey.formPath);
      await onQuestion(page, 'Họ và tên');
      expect(await page.getByLabel('Họ và tên', { exact: true }).inputValue()).toBe('');
      expect(await page.locator('main').innerText()).not.toContain(an.name);
    } finally {
      await page.context().close();
    }
  });

  it('resumes the draft in a new browser, uploads the document, checks the answers and submits', async () => {
    const page = await openPage(SMALL_PHONE);
    try {
      await signInCitizenWithOidc(page, an);
      await page.goto(journey.formPath);
      // Back where they left: the first question not answered yet.
      await onQuestion(page, 'Số tháng đã đóng');
      await page.getByLabel('Số tháng đã đóng', { exact: true }).fill('5');
      await page.getByRole('button', { name: CONTINUE }).click();
      expect(await errorSummary(page)).toContain('Số tháng đã đóng phải lớn hơn hoặc bằng 12');
      expect(await page.getByLabel('Số tháng đã đóng', { exact: true }).inputValue()).toBe('5');
      await page.getByLabel('Số tháng đã đóng', { exact: true }).fill('30');
      await page.getByRole('button', { name: CONTINUE }).click();

      // A choice: none chosen, then one.
      await page.getByRole('group', { name: 'Cách nhận trợ cấp' }).waitFor();
      await page.getByRole('button', { name: CONTINUE }).click();
      expect(await errorSummary(page)).toContain('Chọn cách nhận trợ cấp');
      await checkPage(page, 'e-form, a choice not made');
      await page.getByLabel('Chuyển khoản ngân hàng').check();
      await page.getByRole('button', { name: CONTINUE }).click();

      // The documents: none chosen, a text file dressed as a PDF, then the real PDF.
      await page.getByRole('heading', { level: 1, name: 'Tải lên giấy tờ' }).waitFor();
      await checkPage(page, 'upload page');
      await page.getByRole('button', { name: CONTINUE }).click();
      expect(await errorSummary(page)).toContain(`Tải lên giấy tờ: ${DOCUMENT}`);
      const file = page.getByLabel(DOCUMENT);
      await file.setInputFiles({
        name: 'de-nghi.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('Đây không phải là tệp PDF'),
      });
      // Checked by its content, not its name: refused in words, next to the item and in the summary.
      const refused = 'Chỉ nhận tệp PDF, ảnh (PNG, JPEG, TIFF) hoặc Word (.docx)';
      await expect.poll(() => page.locator('.error-summary').innerText()).toContain(refused);
      expect(await messageNextTo(page, DOCUMENT)).toContain(refused);
      await checkPage(page, 'upload page with a refused file');
      await file.setInputFiles({
        name: 'de-nghi-huong-tro-cap.pdf',
        mimeType: 'application/pdf',
        buffer: await pdf('De nghi huong tro cap that nghiep - Nguyen Van An'),
      });
      await page.getByText('Đã tải lên: de-nghi-huong-tro-cap.pdf').waitFor();
      await checkPage(page, 'upload page with the file');
      await page.getByRole('button', { name: CONTINUE }).click();

      // Check your answers: those typed in the first browser too.
      await page.getByRole('heading', { level: 1, name: 'Kiểm tra câu trả lời trước khi nộp' }).waitFor();
      const answers = await page.locator('.summary-list').first().innerText();
      for (const answer of [
        an.name,
        an.identity_number,
        '0912 345 678',
        '15/10/2026',
        '30',
        'Chuyển khoản ngân hàng',
      ])
        expect(answers).toContain(answer);
      expect(await page.locator('main').innerText()).toContain('de-nghi-huong-tro-cap.pdf');
      await checkPage(page, 'check your answers');
      await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();

      // The confirmation: the reference and the 8-working-hour rule.
      await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor();
      journey.code = (await page.getByTestId('online-reference').innerText()).trim();
      expect(journey.code).toMatch(/^000\.00\.\d{2}\.H29-\d{6}-\d{4}$/);
      expect(await page.getByTestId('online-rule').innerText()).toContain('8 giờ làm việc');
      await checkPage(page, 'confirmation');
      const arrived = await waitForMail(an.email, `Đã nhận hồ sơ ${journey.code} nộp trực tuyến`);
      expect(arrived.text).toContain('trong 8 giờ làm việc');

      // My dossiers lists it, not yet accepted.
      await page.goto('/cong-dan/ho-so');
      const row = page.getByRole('link', { name: journey.code });
      await row.waitFor();
      await checkPage(page, 'my dossiers');
      await row.click();
      await page.getByRole('heading', { level: 1, name: journey.code }).waitFor();
      journey.id = new URL(page.url()).pathname.split('/').pop() ?? '';
      await checkPage(page, 'my dossier, submitted');
    } finally {
      await page.context().close();
    }
  });

  it('is accepted by the counter officer from the queue, and the citizen is emailed', async () => {
    const since = new Date();
    const counter = await staff('tiepnhan', '/can-bo/ho-so?state=submitted');
    await counter.getByRole('link', { name: journey.code }).click();
    await counter.getByRole('heading', { level: 1, name: journey.code }).waitFor();
    await act(counter, 'Tiếp nhận hồ sơ', async (panel) => {
      // The uploaded form comes ticked as received, its file named, and the page says so: the
      // officer checks it and confirms (or unticks) rather than ticking each by hand.
      await expect.poll(() => panel.getByRole('checkbox', { name: DOCUMENT }).isChecked()).toBe(true);
      expect(await panel.getByTestId('acceptance-pre-ticked').innerText()).toContain(
        'Các giấy tờ công dân đã tải lên được đánh dấu sẵn là đã nhận',
      );
      expect(await panel.innerText()).toMatch(/Đã tải lên: \S+\.pdf/);
    });
    const mail = await waitForMail(an.email, `Hồ sơ ${journey.code} đã được tiếp nhận`, { since });
    expect(mail.text).toContain(`Kính gửi ${an.name}`);
    expect(mail.text).toMatch(/Ngày hẹn trả kết quả: \d{2}\/\d{2}\/\d{4}/);

    // The counter's step is done: on to the employment centre.
    const forward = counter.getByRole('region', { name: 'Chuyển xử lý' });
    if (await forward.count()) await forward.getByRole('button', { name: 'Chuyển xử lý' }).click();
    else await act(counter, 'Chuyển bước');
  });

  it('gets a supplement request naming the item, which the citizen is emailed and answers online', async () => {
    const since = new Date();
    const specialist = await staff('chuyenvienvl', `/can-bo/ho-so/${journey.id}`);
    await act(specialist, 'Yêu cầu bổ sung', async (panel) => {
      await panel.getByLabel('Giấy tờ, nội dung cần bổ sung').fill(SUPPLEMENT);
      await panel
        .getByLabel('Lý do', { exact: true })
        .fill('Cần đối chiếu số tháng đã đóng bảo hiểm thất nghiệp');
      await panel.getByLabel(/^Họ và tên/).fill('Phan Thị Thanh Hương');
      await panel.getByLabel(/^Số điện thoại/).fill('02838291234');
    });
    const asked = await waitForMail(an.email, `Hồ sơ ${journey.code} cần bổ sung`, { since });
    // The email itself says what to bring: the item, as the request numbers it, and why.
    expect(asked.text).toContain(`1. ${SUPPLEMENT}: Cần đối chiếu số tháng đã đóng bảo hiểm thất nghiệp`);

    const page = await openPage(SMALL_PHONE);
    try {
      await signInCitizenWithOidc(page, an);
      await page.goto(`/cong-dan/ho-so/${journey.id}`);
      const form = page.getByRole('region', { name: 'Cơ quan yêu cầu bổ sung' });
      await form.waitFor();
      expect(await form.innerText()).toContain('Lý do yêu cầu: Cần đối chiếu số tháng đã đóng');
      await checkPage(page, 'my dossier, supplement asked');
      // Sent with no file: the item is named, next to its field.
      await form.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
      expect(await errorSummary(page)).toContain(`Chọn tệp cho mục "${SUPPLEMENT}"`);
      await checkPage(page, 'supplement form with the item missing');
      await form.getByLabel(SUPPLEMENT).setInputFiles({
        name: 'so-bhxh.pdf',
        mimeType: 'application/pdf',
        buffer: await pdf('So bao hiem xa hoi - 30 thang'),
      });
      await form.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
      await page
        .getByText('Đã gửi hồ sơ bổ sung. Cơ quan sẽ tiếp tục giải quyết hồ sơ của bạn.')
        .waitFor()
        .catch(async (e) => {
          throw new Error(`${e}\n${await page.locator('main').innerText()}`);
        });
      await expect.poll(() => page.locator('.summary-list').first().innerText()).toContain('Đang xử lý');
      await checkPage(page, 'my dossier, supplement sent');
    } finally {
      await page.context().close();
    }
  });

  it('is approved and returned electronically; the citizen is emailed and downloads the PDF', async () => {
    const specialist = await staff('chuyenvienvl', `/can-bo/ho-so/${journey.id}`);
    await act(specialist, 'Chuyển bước', async (panel) => {
      await panel.getByLabel(/^Ghi chú/).fill('Đủ điều kiện hưởng trợ cấp thất nghiệp');
    });
    const head = await staff('truongphongvl', `/can-bo/ho-so/${journey.id}`);
    await act(head, 'Chuyển bước');

    const since = new Date();
    const leader = await staff('lanhdao', '/can-bo/phe-duyet');
    await leader.getByRole('button', { name: `Phê duyệt hồ sơ ${journey.code}` }).click();
    const approval = leader.getByRole('region', { name: `Phê duyệt hồ sơ ${journey.code}` });
    await approval.getByLabel('Đồng ý, ký duyệt kết quả').check();
    await approval.getByLabel(/^Số, ký hiệu văn bản kết quả/).fill('321/QĐ-TTDVVL');
    await approval.getByLabel('Tôi đã kiểm tra và xác nhận thực hiện thao tác này').check();
    await approval.getByRole('button', { name: `Phê duyệt hồ sơ ${journey.code}` }).click();
    await leader.getByText(`Đã phê duyệt hồ sơ ${journey.code}.`).waitFor();
    await waitForMail(an.email, `Hồ sơ ${journey.code} đã có kết quả`, { since });

    const counter = await staff('tiepnhan', '/can-bo/quay');
    await returnResultAtCounter(counter, journey.code, (panel) => panel.getByLabel('Trực tuyến').check());

    const page = await openPage(SMALL_PHONE);
    try {
      await signInCitizenWithOidc(page, an);
      await page.goto(`/cong-dan/ho-so/${journey.id}`);
      const link = page.getByRole('link', { name: /^Tải kết quả/ });
      await link.waitFor();
      await checkPage(page, 'my dossier, result ready');
      const downloading = page.waitForEvent('download');
      await link.click();
      const download = await downloading;
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const doc = await PDFDocument.load(bytes, { ignoreEncryption: true });
      expect(doc.getPageCount()).toBeGreaterThan(0);
    } finally {
      await page.context().close();
    }
  });

  it('shows another citizen neither the dossier nor its result', async () => {
    const page = await openPage(SMALL_PHONE);
    try {
      await signInCitizenWithOidc(page, binh);
      await page.goto('/cong-dan/ho-so');
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
      await checkPage(page, "another citizen's dossiers");
      expect(await page.locator('main').innerText()).not.toContain(journey.code);
      await page.goto(`/cong-dan/ho-so/${journey.id}`);
      await page.getByText('Không tìm thấy hồ sơ').waitFor();
      expect(await page.locator('main').innerText()).not.toContain(journey.code);
      await checkPage(page, "another citizen's dossier page");
      for (const path of [
        `/api/v1/citizen/dossiers/${journey.id}`,
        `/api/v1/citizen/dossiers/${journey.id}/result`,
      ]) {
        const answer = await page.request.get(path);
        expect([403, 404], path).toContain(answer.status());
        expect(await answer.text()).not.toContain(journey.code);
      }
    } finally {
      await page.context().close();
    }
  });
});
