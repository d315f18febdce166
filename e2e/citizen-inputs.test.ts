/**
 * The citizen portal tried as a careless citizen would, on a 360 px phone: wrong and missing input
 * at every step. Each wrong answer is named in the error summary (which takes the focus and links to
 * the field) and next to the field, in Vietnamese (English when chosen), and nothing typed is lost.
 *
 * Email sign-in (a malformed address, a code of letters, a wrong code, an old code after a new one),
 * every field type of the unemployment benefit form (SNV-VL-001: empty, wrong format, too long, too
 * short, out of range), the browser's Back and Forward, uploads (a wrong type, an empty file, a too
 * large one, a ".pdf" that is a PNG), Change links on check your answers, a double click on Submit
 * (one dossier, checked over the API), and a withdrawal without a reason.
 *
 * Fresh email accounts only (of people.ts, only the person VNeID knows without an email). The steps
 * run in order and share the citizen's page.
 */

import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SMALL_PHONE } from './support/browser.ts';
import { expectAccessible } from './support/checks.ts';
import { mailTo, signInCitizenByEmail, signInCitizenWithOidc, waitForMail } from './support/citizen.ts';
import { PERSON_WITHOUT_EMAIL } from './support/people.ts';
import { actOnDossier as act, staffBrowsers } from './support/staff.ts';
import { useBrowser } from './support/suite.ts';

const FORM = '/nop-truc-tuyen/SNV-VL-001';
const DOCUMENT = 'Đề nghị hưởng trợ cấp thất nghiệp (theo mẫu)';
const CONTINUE = 'Lưu và tiếp tục';
const SUPPLEMENT = 'Bản sao hợp đồng lao động đã chấm dứt';
const REFUSED_TYPE = 'Chỉ nhận tệp PDF, ảnh (PNG, JPEG, TIFF) hoặc Word (.docx)';
/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const openPage = useBrowser();
const stamp = Date.now();
/** The citizen of the e-form steps, signed in once by email; their page is shared by the steps. */
const citizen = { email: `nhap.sai.${stamp}@e2e.example.vn`, page: undefined as Page | undefined };
const journey = { dossierId: '', code: '' };

const staffPages = new Map<string, Page>();

afterAll(async () => {
  await citizen.page?.context().close();
  for (const page of staffPages.values()) await page.context().close();
});

/** The browser of one member of staff, signed in once, at `path`. */
const staff = staffBrowsers(openPage, staffPages);

function me(): Page {
  if (!citizen.page) throw new Error('The e-form steps need the signed-in citizen of the first steps');
  return citizen.page;
}

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([420, 595]).drawText(text, { x: 40, y: 540, size: 14 });
  return Buffer.from(await doc.save());
}

/** The error summary's text, once it shows and has the focus (GOV.UK). */
async function errorSummary(page: Page): Promise<string> {
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
  return summary.innerText();
}

/**
 * The summary names `message` (and, just after a submit, has the focus), its link leads to the field
 * labelled `label` (focusing it), and the same message shows next to that field, in its form group.
 */
async function expectFieldError(
  page: Page,
  label: string,
  message: string,
  { justSubmitted = true }: { justSubmitted?: boolean } = {},
): Promise<void> {
  if (justSubmitted) await expect.poll(() => errorSummary(page)).toContain(message);
  else await expect.poll(() => page.locator('.error-summary').innerText()).toContain(message);
  const field = page.getByLabel(label, { exact: true });
  const group = page.locator('.form-group', { has: field });
  await expect.poll(() => group.locator('.error-message').innerText()).toContain(message);
  await page.locator('.error-summary a', { hasText: message }).first().click();
  await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
}

/** Types `value` into the question labelled `label`, presses Continue and expects `message` by the field. */
async function answerWrong(page: Page, label: string, value: string, message: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await page.getByRole('button', { name: CONTINUE }).click();
  await expectFieldError(page, label, message);
  // What was typed stays in the box, to be corrected.
  expect(await field.inputValue()).toBe(value);
}

async function answer(page: Page, label: string, value: string, next: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: CONTINUE }).click();
  await page.getByLabel(next, { exact: true }).waitFor();
}

async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
}

/** The sign-in code in an email. */
const codeIn = (mail: { subject: string; text: string }) =>
  /\b(\d{6})\b/.exec(mail.subject)?.[1] ?? /\b(\d{6})\b/.exec(mail.text)?.[1] ?? '';

async function openEmailSignIn(page: Page): Promise<void> {
  await page.goto('/dang-nhap-cong-dan');
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập dành cho công dân, tổ chức' }).waitFor();
  const option = page.getByRole('radio', { name: 'Nhận mã qua email' });
  if (await option.count()) await option.check();
}

describe('the citizen portal answers wrong and missing input next to the field, keeping what was typed', () => {
  it('email sign-in: a malformed address, a code of letters, a wrong code, and the resend limit', async () => {
    const page = await openPage(SMALL_PHONE);
    citizen.page = page;
    await page.context().route(
      (url) => !['127.0.0.1', 'localhost'].includes(url.hostname),
      (route) => route.abort('blockedbyclient'),
    );
    await openEmailSignIn(page);
    await page.getByRole('button', { name: 'Gửi mã' }).click();
    await expectFieldError(page, 'Địa chỉ email', 'Nhập địa chỉ email');

    const malformed = `nhap.sai.${stamp}@e2e`;
    await page.getByLabel('Địa chỉ email').fill(malformed);
    await page.getByRole('button', { name: 'Gửi mã' }).click();
    await expectFieldError(page, 'Địa chỉ email', 'Nhập địa chỉ email đúng dạng');
    expect(await page.getByLabel('Địa chỉ email').inputValue()).toBe(malformed);
    await expectAccessible(page, 'sign-in with a malformed email');

    await page.getByLabel('Địa chỉ email').fill(citizen.email);
    const asked = new Date(Date.now() - 1_000);
    await page.getByRole('button', { name: 'Gửi mã' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhập mã xác nhận' }).waitFor();
    const code = codeIn(await waitForMail(citizen.email, /\b\d{6}\b/, { since: asked }));
    expect(code).toMatch(/^\d{6}$/);

    await page.getByLabel('Mã xác nhận').fill('12ab56');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expectFieldError(page, 'Mã xác nhận', 'Mã xác nhận gồm đúng 6 chữ số');

    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await page.getByLabel('Mã xác nhận').fill(wrong);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expectFieldError(page, 'Mã xác nhận', 'không đúng; kiểm tra lại 6 chữ số trong thư');
    expect(await page.getByLabel('Mã xác nhận').inputValue()).toBe(wrong);
    await expectAccessible(page, 'sign-in with a wrong code');

    // Asking again at once: told how long to wait, and the first code still works.
    await page.getByRole('button', { name: 'Gửi lại mã' }).click();
    await expect.poll(() => errorSummary(page)).toMatch(/vui lòng chờ \d+ giây/);
    await page.getByLabel('Mã xác nhận').fill(code);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/cong-dan');
    await page.getByRole('heading', { level: 1, name: 'Trang của bạn' }).waitFor();
  });

  it('email sign-in: a used code, and the old code once a new one is sent, are refused', async () => {
    const page = await openPage(SMALL_PHONE);
    try {
      // The code of the first step was used; a new one is sent (the last one was taken), and the
      // used one no longer signs anyone in.
      const email = `ma.cu.${stamp}@e2e.example.vn`;
      await signInCitizenByEmail(page, email);
      const used = codeIn((await waitForMail(email, /\b\d{6}\b/)) as { subject: string; text: string });
      await page.context().clearCookies();
      await openEmailSignIn(page);
      await page.getByLabel('Địa chỉ email').fill(email);
      // Counted, not timed: the first code's email arrived moments ago, and must not pass for the new one.
      const before = (await mailTo(email)).length;
      await page.getByRole('button', { name: 'Gửi mã' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nhập mã xác nhận' }).waitFor();
      const fresh = codeIn(await waitForMail(email, /\b\d{6}\b/, { after: before }));
      if (fresh !== used) {
        await page.getByLabel('Mã xác nhận').fill(used);
        await page.getByRole('button', { name: 'Đăng nhập' }).click();
        await expectFieldError(page, 'Mã xác nhận', 'không đúng');
      }
      await page.getByLabel('Mã xác nhận').fill(fresh);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => url.pathname === '/cong-dan');
    } finally {
      await page.context().close();
    }
  });

  it('a VNeID account without an email is told so, and adds one proved by a code', async () => {
    const page = await openPage(SMALL_PHONE);
    try {
      await signInCitizenWithOidc(page, PERSON_WITHOUT_EMAIL);
      await page.goto('/cong-dan/thong-bao');
      await page.getByText('Bạn chưa nhận được thông báo qua email').waitFor();
      await settled(page);
      await expectAccessible(page, 'notifications without an email');

      const send = page.getByRole('button', { name: 'Gửi mã xác nhận' });
      await send.click();
      await expectFieldError(page, 'Địa chỉ email', 'Nhập địa chỉ email');
      await page.getByLabel('Địa chỉ email', { exact: true }).fill(`giang.${stamp}@e2e`);
      await send.click();
      await expectFieldError(page, 'Địa chỉ email', 'Nhập địa chỉ email đúng dạng');

      const email = `giang.${stamp}@e2e.example.vn`;
      await page.getByLabel('Địa chỉ email', { exact: true }).fill(email);
      const before = (await mailTo(email)).length;
      await send.click();
      await page.getByLabel('Mã xác nhận', { exact: true }).waitFor();
      const code = codeIn(await waitForMail(email, /\b\d{6}\b/, { after: before }));
      const verify = page.getByRole('button', { name: 'Xác nhận địa chỉ email' });
      await page
        .getByLabel('Mã xác nhận', { exact: true })
        .fill(String((Number(code) + 1) % 1_000_000).padStart(6, '0'));
      await verify.click();
      await expectFieldError(page, 'Mã xác nhận', 'không đúng');
      await page.getByLabel('Mã xác nhận', { exact: true }).fill(code);
      await verify.click();
      await page.getByText(`Đã thêm địa chỉ email ${email}.`).waitFor();

      // It stays theirs: the page, opened again, names it and no longer asks.
      await page.reload();
      await page.getByText(`Thư thông báo về hồ sơ và phản ánh được gửi tới ${email}.`).waitFor();
      expect(await page.getByText('Bạn chưa nhận được thông báo qua email').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it('every field type of the benefit form: empty, wrong format, too short, too long, out of range', async () => {
    const page = me();
    await page.goto(FORM);
    await page.getByLabel('Họ và tên', { exact: true }).waitFor();
    await settled(page);

    // Text: empty, too short, too long; the answer typed stays.
    await page.getByRole('button', { name: CONTINUE }).click();
    await expectFieldError(page, 'Họ và tên', 'Nhập họ và tên');
    await answerWrong(page, 'Họ và tên', 'A', 'Họ và tên phải có ít nhất 2 ký tự');
    await answerWrong(page, 'Họ và tên', 'Nguyễn '.repeat(16).trim(), 'Họ và tên chỉ được tối đa 100 ký tự');
    await expectAccessible(page, 'e-form, an answer too long');
    await answer(page, 'Họ và tên', 'Hoàng Thị Nhập', 'Số định danh cá nhân');

    // ID number: too short, too long, letters.
    await page.getByRole('button', { name: CONTINUE }).click();
    await expectFieldError(page, 'Số định danh cá nhân', 'Nhập số định danh cá nhân');
    await answerWrong(page, 'Số định danh cá nhân', '07920000123', 'phải gồm 12 chữ số');
    await answerWrong(page, 'Số định danh cá nhân', '0792000012345', 'phải gồm 12 chữ số');
    await answerWrong(page, 'Số định danh cá nhân', '07920000123A', 'phải gồm 12 chữ số');
    await answer(page, 'Số định danh cá nhân', '079200009876', 'Số điện thoại');

    // Phone: too short, not Vietnamese, too long.
    await answerWrong(page, 'Số điện thoại', '091234', 'phải là số điện thoại Việt Nam');
    await answerWrong(page, 'Số điện thoại', '0112 345 678', 'phải là số điện thoại Việt Nam');
    await answerWrong(page, 'Số điện thoại', '0912 345 678 999 000', 'phải là số điện thoại Việt Nam');
    await answer(page, 'Số điện thoại', '0987 654 321', 'Ngày chấm dứt hợp đồng');

    // Date: empty, not a date, a day that does not exist, in the future.
    await page.getByRole('button', { name: CONTINUE }).click();
    await expectFieldError(page, 'Ngày chấm dứt hợp đồng', 'Nhập ngày chấm dứt hợp đồng');
    await answerWrong(page, 'Ngày chấm dứt hợp đồng', 'hôm qua', 'phải là một ngày có thật');
    await answerWrong(page, 'Ngày chấm dứt hợp đồng', '30/2/2026', 'phải là một ngày có thật');
    await answerWrong(page, 'Ngày chấm dứt hợp đồng', '1/1/2099', 'không được sau ngày');
    await answer(page, 'Ngày chấm dứt hợp đồng', '15/10/2026', 'Số tháng đã đóng');

    // Number: words, too small, too large.
    await answerWrong(page, 'Số tháng đã đóng', 'ba mươi', 'Số tháng đã đóng phải là một số');
    await answerWrong(page, 'Số tháng đã đóng', '5', 'phải lớn hơn hoặc bằng 12');
    await answerWrong(page, 'Số tháng đã đóng', '6000', 'phải nhỏ hơn hoặc bằng 600');
    await answerWrong(page, 'Số tháng đã đóng', '12,5', 'Số tháng đã đóng phải là một số nguyên');
    // Thousands grouped by a dot, as written in Vietnam: one thousand months, not one.
    await answerWrong(page, 'Số tháng đã đóng', '1.000', 'phải nhỏ hơn hoặc bằng 600');
    await answer(page, 'Số tháng đã đóng', '30', 'Chuyển khoản ngân hàng');

    // A choice: none made.
    await page.getByRole('button', { name: CONTINUE }).click();
    expect(await errorSummary(page)).toContain('Chọn cách nhận trợ cấp');
    const group = page.getByRole('group', { name: 'Cách nhận trợ cấp' });
    expect(await group.locator('.error-message').innerText()).toContain('Chọn cách nhận trợ cấp');
    await page.locator('.error-summary a').first().click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('fieldset') !== null))
      .toBe(true);
    await expectAccessible(page, 'e-form, no choice made');
  });

  it("keeps the answers through the browser's Back and Forward and the Back link", async () => {
    const page = me();
    // On the choice page: the browser goes back question by question, each answer still there.
    await page.goBack();
    await page.getByLabel('Số tháng đã đóng', { exact: true }).waitFor();
    expect(await page.getByLabel('Số tháng đã đóng', { exact: true }).inputValue()).toBe('30');
    await page.goBack();
    expect(await page.getByLabel('Ngày chấm dứt hợp đồng', { exact: true }).inputValue()).toBe('15/10/2026');
    // A change typed but not yet saved is still there after going back and forward again.
    await page.getByLabel('Ngày chấm dứt hợp đồng', { exact: true }).fill('16/10/2026');
    await page.goBack();
    expect(await page.getByLabel('Số điện thoại', { exact: true }).inputValue()).toBe('0987 654 321');
    await page.goForward();
    expect(await page.getByLabel('Ngày chấm dứt hợp đồng', { exact: true }).inputValue()).toBe('16/10/2026');
    await page.getByRole('button', { name: CONTINUE }).click();
    await page.getByLabel('Số tháng đã đóng', { exact: true }).waitFor();
    // The page's own Back link too.
    await page.getByRole('button', { name: 'Quay lại' }).click();
    expect(await page.getByLabel('Ngày chấm dứt hợp đồng', { exact: true }).inputValue()).toBe('16/10/2026');
    await page.getByRole('button', { name: CONTINUE }).click();
    await answer(page, 'Số tháng đã đóng', '30', 'Chuyển khoản ngân hàng');
    await page.getByLabel('Chuyển khoản ngân hàng').check();
    await page.getByRole('button', { name: CONTINUE }).click();
    await page.getByRole('heading', { level: 1, name: 'Tải lên giấy tờ' }).waitFor();
  });

  it('refuses a wrong type, an empty file, a too large file and a ".pdf" that is a PNG, next to the item', async () => {
    const page = me();
    await settled(page);
    await page.getByRole('button', { name: CONTINUE }).click();
    expect(await errorSummary(page)).toContain(`Tải lên giấy tờ: ${DOCUMENT}`);

    const file = page.getByLabel(DOCUMENT);
    const tryFile = async (name: string, mimeType: string, buffer: Buffer, message: string) => {
      await settled(page);
      await file.setInputFiles({ name, mimeType, buffer });
      await expectFieldError(page, DOCUMENT, message);
      expect(await page.getByTestId('uploaded-0').count(), `${name} was kept`).toBe(0);
    };
    await tryFile('ghi-chu.txt', 'text/plain', Buffer.from('Tôi chưa có giấy đề nghị'), REFUSED_TYPE);
    await tryFile('de-nghi.pdf', 'application/pdf', Buffer.alloc(0), 'Tệp tải lên không có nội dung');
    const huge = Buffer.concat([await pdf('Ban quet rat lon'), Buffer.alloc(21 * 1024 * 1024, 0x20)]);
    await tryFile('ban-quet-600dpi.pdf', 'application/pdf', huge, 'Tệp lớn hơn 20 MB');
    await tryFile('de-nghi.pdf', 'application/pdf', PNG, 'Tên tệp có đuôi .pdf nhưng nội dung là tệp PNG');
    await expectAccessible(page, 'upload page with a refused file');

    await settled(page);
    await file.setInputFiles({
      name: 'de-nghi.pdf',
      mimeType: 'application/pdf',
      buffer: await pdf('De nghi huong tro cap that nghiep'),
    });
    await page.getByText('Đã tải lên: de-nghi.pdf').waitFor();
    await expect.poll(() => page.locator('.error-summary').count()).toBe(0);
    await page.getByRole('button', { name: CONTINUE }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra câu trả lời trước khi nộp' }).waitFor();
  });

  it('check your answers: a Change link leads to the question and saving returns to check answers', async () => {
    const page = me();
    const answers = () => page.locator('.summary-list').first().innerText();
    expect(await answers()).toContain('16/10/2026');
    await page.getByRole('button', { name: 'Thay đổi Số điện thoại' }).click();
    const phone = page.getByLabel('Số điện thoại', { exact: true });
    await phone.waitFor();
    expect(await phone.inputValue()).toBe('0987 654 321');
    // A wrong change is refused there, like on the way.
    await answerWrong(page, 'Số điện thoại', '12', 'phải là số điện thoại Việt Nam');
    await phone.fill('0912 000 111');
    await page.getByRole('button', { name: CONTINUE }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra câu trả lời trước khi nộp' }).waitFor();
    expect(await answers()).toContain('0912 000 111');
    expect(await answers()).toContain('Hoàng Thị Nhập');

    // The document's Change link, then Continue: back to check answers, the file still there.
    await page.getByRole('button', { name: `Thay đổi ${DOCUMENT}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Tải lên giấy tờ' }).waitFor();
    await page.getByRole('button', { name: CONTINUE }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra câu trả lời trước khi nộp' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('de-nghi.pdf');
  });

  it('shows the messages in English when English is chosen', async () => {
    const page = me();
    await page.getByRole('button', { name: 'Thay đổi Họ và tên' }).click();
    await page.getByLabel('Họ và tên', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'English', exact: true }).click();
    const name = page.getByLabel('Full name', { exact: true });
    await name.waitFor();
    await name.fill('');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expectFieldError(page, 'Full name', 'Enter full name');
    await name.fill('X');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expectFieldError(page, 'Full name', 'Full name must be 2 characters or more');
    expect(await page.locator('.error-summary').innerText()).toContain('There is a problem');
    await expectAccessible(page, 'e-form in English with an error');
    // Sign-in in English too, in a browser not signed in.
    const guest = await openPage(SMALL_PHONE);
    try {
      await guest.goto('/dang-nhap-cong-dan?lang=en');
      await guest.getByRole('heading', { level: 1, name: 'Sign in as a citizen or organisation' }).waitFor();
      const option = guest.getByRole('radio', { name: 'Get a code by email' });
      if (await option.count()) await option.check();
      await guest.getByLabel('Email address').fill('an@');
      await guest.getByRole('button', { name: 'Send code' }).click();
      await expectFieldError(guest, 'Email address', 'Enter an email address in the right form');
      // The server's answers are in English too: the email with the code, and a wrong code.
      const email = `english.${stamp}@e2e.example.vn`;
      await guest.getByLabel('Email address').fill(email);
      const asked = new Date(Date.now() - 1_000);
      await guest.getByRole('button', { name: 'Send code' }).click();
      await guest.getByRole('heading', { level: 1, name: 'Enter the sign-in code' }).waitFor();
      const code = codeIn(await waitForMail(email, /^Your sign-in code: \d{6}$/, { since: asked }));
      await guest.getByLabel('Sign-in code').fill(String((Number(code) + 1) % 1_000_000).padStart(6, '0'));
      await guest.getByRole('button', { name: 'Sign in' }).click();
      await expectFieldError(guest, 'Sign-in code', 'is wrong; check the 6 digits in the email');
    } finally {
      await guest.context().close();
    }
    await page.getByRole('link', { name: 'Tiếng Việt', exact: true }).click();
    await page.getByLabel('Họ và tên', { exact: true }).fill('Hoàng Thị Nhập');
    await page.getByRole('button', { name: CONTINUE }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra câu trả lời trước khi nộp' }).waitFor();
  });

  it('a double click on Submit makes one dossier', async () => {
    const page = me();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).dblclick();
    await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor();
    journey.code = (await page.getByTestId('online-reference').innerText()).trim();
    // The confirmation is not a step in the address: reloading it does not open an empty check page.
    expect(new URL(page.url()).searchParams.get('buoc')).toBeNull();
    const list = await page.request.get('/api/v1/citizen/dossiers');
    expect(list.status()).toBe(200);
    const items = ((await list.json()) as { items: { id: string; code: string | null }[] }).items;
    expect(items.map((i) => i.code)).toEqual([journey.code]);
    journey.dossierId = items[0]!.id;
  });

  it('a supplement sent with nothing chosen, or with a ".pdf" that is a PNG, is named next to its item', async () => {
    const counter = await staff('tiepnhan', `/can-bo/ho-so/${journey.dossierId}`);
    await counter.getByRole('heading', { level: 1, name: journey.code }).waitFor();
    await act(counter, 'Tiếp nhận hồ sơ', async (panel) => {
      await panel.getByRole('checkbox', { name: DOCUMENT }).check();
    });
    const forward = counter.getByRole('region', { name: 'Chuyển xử lý' });
    if (await forward.count()) {
      await forward.getByRole('button', { name: 'Chuyển xử lý' }).click();
      await counter.getByText(/^Đã chuyển hồ sơ sang bước/).waitFor();
    } else await act(counter, 'Chuyển bước');
    const specialist = await staff('chuyenvienvl', `/can-bo/ho-so/${journey.dossierId}`);
    await act(specialist, 'Yêu cầu bổ sung', async (panel) => {
      await panel.getByLabel('Giấy tờ, nội dung cần bổ sung').fill(SUPPLEMENT);
      await panel.getByLabel('Lý do', { exact: true }).fill('Cần đối chiếu ngày chấm dứt hợp đồng');
      await panel.getByLabel(/^Họ và tên/).fill('Phan Thị Thanh Hương');
      await panel.getByLabel(/^Số điện thoại/).fill('02838291234');
    });

    const page = me();
    await page.goto(`/cong-dan/ho-so/${journey.dossierId}`);
    const form = page.getByRole('region', { name: 'Cơ quan yêu cầu bổ sung' });
    await form.waitFor();
    await settled(page);
    await form.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
    await expectFieldError(page, SUPPLEMENT, `Chọn tệp cho mục "${SUPPLEMENT}"`);
    // The server refuses a photo named .pdf, and says so next to the item it was chosen for.
    await form
      .getByLabel(SUPPLEMENT)
      .setInputFiles({ name: 'hop-dong.pdf', mimeType: 'application/pdf', buffer: PNG });
    await form.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
    await expectFieldError(page, SUPPLEMENT, 'Tên tệp có đuôi .pdf nhưng nội dung là tệp PNG');
    await expectAccessible(page, 'supplement with a refused file');
    expect(await form.count()).toBe(1);
  });

  it('asks for a reason before a withdrawal, and keeps what was typed', async () => {
    const page = me();
    await page.goto(`/cong-dan/ho-so/${journey.dossierId}`);
    await page.getByRole('heading', { level: 1, name: journey.code }).waitFor();
    const form = page.getByRole('region', { name: 'Rút hồ sơ' });
    await form.waitFor();
    await settled(page);
    // Asked while a supplement is awaited: the withdrawal form is below the supplement form.
    await form.getByRole('button', { name: 'Tiếp tục' }).click();
    await expectFieldError(page, 'Lý do rút hồ sơ', 'Nhập lý do rút hồ sơ, từ 5 đến 1000 ký tự');
    await form.getByLabel('Lý do rút hồ sơ').fill('Sai');
    await form.getByRole('button', { name: 'Tiếp tục' }).click();
    await expectFieldError(page, 'Lý do rút hồ sơ', 'từ 5 đến 1000 ký tự');
    expect(await form.getByLabel('Lý do rút hồ sơ').inputValue()).toBe('Sai');
    await expectAccessible(page, 'withdrawal without a reason');
  });

  it('a business form: a pattern not matched, and a page of two questions both wrong, each named by its field', async () => {
    const page = me();
    await page.goto('/nop-truc-tuyen/SNV-LDTL-001');
    await page.getByLabel('Tên doanh nghiệp', { exact: true }).waitFor();
    await settled(page);
    await answerWrong(page, 'Tên doanh nghiệp', 'Công ty '.repeat(40).trim(), 'tối đa 300 ký tự');
    await answer(page, 'Tên doanh nghiệp', 'Công ty TNHH Nhập Sai', 'Mã số doanh nghiệp');
    await answerWrong(
      page,
      'Mã số doanh nghiệp',
      '01001075',
      'Mã số doanh nghiệp chưa đúng định dạng, xem gợi ý dưới ô nhập',
    );
    await answer(page, 'Mã số doanh nghiệp', '0100107518', 'Họ và tên người đại diện');
    // Two questions on one page, both missing: both are named, each next to its own box.
    await page.getByRole('button', { name: CONTINUE }).click();
    const summary = await errorSummary(page);
    expect(summary).toContain('Nhập họ và tên người đại diện');
    expect(summary).toContain('Nhập số điện thoại');
    await expectFieldError(page, 'Số điện thoại', 'Nhập số điện thoại');
    await expectFieldError(page, 'Họ và tên người đại diện', 'Nhập họ và tên người đại diện', {
      justSubmitted: false,
    });
    // One put right, the other still wrong: only that one is named, and both answers stay.
    await page.getByLabel('Họ và tên người đại diện', { exact: true }).fill('Đinh Văn Đại');
    await answerWrong(page, 'Số điện thoại', '0912', 'phải là số điện thoại Việt Nam');
    expect(await page.locator('.error-summary').innerText()).not.toContain('người đại diện');
    expect(await page.getByLabel('Họ và tên người đại diện', { exact: true }).inputValue()).toBe(
      'Đinh Văn Đại',
    );
    await expectAccessible(page, 'a page of two questions with an error');
    await answer(page, 'Số điện thoại', '0243 826 0000', 'Số người lao động');
    await answerWrong(page, 'Số người lao động', '9', 'Số người lao động phải lớn hơn hoặc bằng 10');

    // Straight to check your answers with a question unanswered (as after the form gained one):
    // submitting takes the citizen to that question, and saving it comes back to check answers.
    await page.goto('/nop-truc-tuyen/SNV-LDTL-001?buoc=kiem-tra');
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra câu trả lời trước khi nộp' }).waitFor();
    expect(await page.locator('.summary-list').first().innerText()).toContain('Chưa trả lời');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expectFieldError(page, 'Số người lao động', 'Nhập số người lao động');
    await page.getByLabel('Số người lao động', { exact: true }).fill('25');
    await page.getByRole('button', { name: CONTINUE }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra câu trả lời trước khi nộp' }).waitFor();
    expect(await page.locator('.summary-list').first().innerText()).toContain('25');
  });
});
