/**
 * Feedback (phản ánh, kiến nghị) from sending to the published answer, as the citizen, the reform
 * officer and the assigned officer meet it (issue 12, item 5): a citizen signed in with an emailed
 * code sends feedback about a procedure on /phan-anh at 360 px, writing their own name, phone, email
 * and identity number in the text; the confirmation shows the reference and the 15-working-day
 * deadline, and the receipt arrives by email; the reform officer assigns the case to a unit and an
 * officer; the officer answers it within its deadline; the reform officer publishes it from the
 * redacted draft; the citizen follows the rating link of the answer's email and rates it, once; the
 * public page and its API show the answer and none of the citizen's personal data. A citizen not
 * signed in sends feedback with a contact and the one-time code read from the mailbox.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SMALL_PHONE } from './support/browser.ts';
import { expectAccessible } from './support/checks.ts';
import { signInCitizenByEmail, waitForMail } from './support/citizen.ts';
import { signIn } from './support/staff.ts';
import { baseUrl, useBrowser } from './support/suite.ts';

const openPage = useBrowser();
const pages = new Map<string, Page>();
afterAll(async () => {
  for (const page of pages.values()) await page.context().close();
});

const stamp = Date.now();
/** What the citizen writes about themself, which must never be published. */
const me = {
  name: 'Phạm Thị Lan',
  phone: '0912 345 678',
  email: `lan.pham.${stamp}@e2e.example.vn`,
  identity: '079188004321',
};
const MESSAGE =
  `Tôi là ${me.name}, số điện thoại ${me.phone}, email ${me.email}, số định danh ${me.identity}. ` +
  'Tôi đề nghị hướng dẫn rõ hơn về giấy tờ cần nộp khi cấp giấy phép lao động cho người nước ngoài.';
const ANSWER =
  'Sở đã bổ sung hướng dẫn về thành phần hồ sơ trên Cổng dịch vụ công; Bà có thể nộp trực tuyến.';

/** Shared by the steps, which run in order. */
const feedback = { reference: '' };

async function settled(page: Page, what: string) {
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
  await expectAccessible(page, what);
}

/** One member of staff's browser, signed in once through the form, at /can-bo/phan-anh. */
async function staff(username: string): Promise<Page> {
  let page = pages.get(username);
  if (!page) {
    page = await openPage();
    pages.set(username, page);
    await signIn(page, username, '/can-bo/phan-anh');
  }
  await page.goto('/can-bo/phan-anh');
  await page.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị' }).waitFor();
  return page;
}

/** The case's row in the staff list, opened. */
async function openCase(page: Page) {
  const row = page.getByRole('row').filter({ hasText: feedback.reference });
  await row.getByRole('button', { name: feedback.reference }).click();
  const panel = row.locator('.panel');
  await panel.waitFor();
  return { row, panel };
}

/** Walks the citizen through the form's steps up to the check page, about the work permit procedure. */
async function fillForm(page: Page, message: string) {
  await page.goto('/phan-anh');
  await page.getByRole('heading', { level: 1, name: 'Gửi phản ánh, kiến nghị' }).waitFor();
  await settled(page, 'the first page of the feedback form');
  await page.getByLabel('Một thủ tục hành chính').check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thủ tục' }).waitFor();
  await page.getByLabel('Tìm thủ tục').fill('giay phep lao dong');
  await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
  const option = page.getByRole('radio', { name: /^Cấp giấy phép lao động/ }).first();
  await option.waitFor();
  await settled(page, 'the procedure step');
  await option.check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByLabel('Nội dung phản ánh, kiến nghị').fill(message);
  await settled(page, 'the message step');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
}

/** Sends from the check page and reads the confirmation. */
async function sendAndConfirm(page: Page): Promise<{ reference: string; due: string }> {
  await page.getByRole('heading', { level: 1, name: 'Kiểm tra thông tin trước khi gửi' }).waitFor();
  await settled(page, 'the check-your-answers page');
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đã gửi phản ánh, kiến nghị' }).waitFor();
  await settled(page, 'the confirmation');
  const reference = (await page.getByTestId('feedback-reference').innerText()).trim();
  expect(reference).toMatch(/^PA-\d{6}-\d{4}$/);
  const due = await page.getByTestId('feedback-due').innerText();
  expect(due).toMatch(/15 ngày làm việc, chậm nhất ngày \d{2}\/\d{2}\/\d{4}/);
  return { reference, due: /(\d{2}\/\d{2}\/\d{4})/.exec(due)![1]! };
}

describe('feedback sent, answered within its deadline, rated and published naming no one', () => {
  it('is sent by a signed-in citizen on a phone, with the reference and the deadline, and a receipt by email', async () => {
    const page = await openPage(SMALL_PHONE);
    pages.set('citizen', page);
    await signInCitizenByEmail(page, me.email);
    await fillForm(page, MESSAGE);
    const sent = new Date(Date.now() - 1_000);
    const { reference, due } = await sendAndConfirm(page);
    feedback.reference = reference;
    const receipt = await waitForMail(me.email, reference, { since: sent });
    expect(receipt.subject).toBe(`Đã nhận phản ánh, kiến nghị ${reference}`);
    expect(receipt.text).toContain('15 ngày làm việc');
    expect(receipt.text).toContain(due);
  });

  it('is assigned by the reform officer to a unit and one of its officers', async () => {
    const cchc = await staff('cchc');
    const { row, panel } = await openCase(cchc);
    expect(await row.innerText()).toMatch(/Mới tiếp nhận/);
    expect(await row.innerText()).toMatch(/1[45] ngày làm việc/);
    await panel.getByLabel('Đơn vị xử lý').selectOption({ label: 'Phòng Việc làm - An toàn lao động' });
    await panel.getByLabel('Công chức xử lý').selectOption({ label: 'Trần Văn Minh' });
    const assigned = new Date(Date.now() - 1_000);
    await panel.getByRole('button', { name: 'Giao xử lý' }).click();
    await expect.poll(() => row.innerText()).toMatch(/Đã giao xử lý/);
    const notice = await waitForMail('chuyenvien@example.gov.vn', feedback.reference, { since: assigned });
    expect(notice.text).not.toContain(me.identity);
  });

  it('is answered by the assigned officer within its deadline', async () => {
    const officer = await staff('chuyenvien');
    const { row, panel } = await openCase(officer);
    expect(await row.innerText()).toMatch(/1[45] ngày làm việc/);
    await panel.getByLabel('Nội dung trả lời').fill(ANSWER);
    await panel.getByRole('button', { name: 'Gửi trả lời' }).click();
    await expect.poll(() => row.innerText()).toMatch(/Đã trả lời/);
    expect(await row.innerText()).toContain('Trả lời đúng hạn');
  });

  it('is published by the reform officer from the redacted draft', async () => {
    const cchc = await staff('cchc');
    const { row, panel } = await openCase(cchc);
    await panel.getByRole('button', { name: 'Chuẩn bị công khai' }).click();
    const question = panel.getByLabel('Nội dung phản ánh công khai');
    await question.waitFor();
    const draft = await question.inputValue();
    for (const value of Object.values(me)) expect(draft).not.toContain(value);
    expect(draft).toContain('[họ tên đã ẩn]');
    expect(draft).toContain('giấy phép lao động');
    // The officer reads the draft (nothing personal left to remove) and edits its wording before confirming.
    await question.fill(draft.replace('cho người nước ngoài', 'cho người lao động nước ngoài'));
    await panel.getByRole('button', { name: 'Xác nhận công khai' }).click();
    await expect.poll(() => row.innerText()).toMatch(/Đã công khai ngày/);
  });

  it('is rated by the citizen from the link in the answer email, once', async () => {
    const mail = await waitForMail(me.email, `${feedback.reference} đã được trả lời`);
    const link = /(https?:\/\/\S+\/phan-anh\/danh-gia\/\S+)/.exec(mail.text)?.[1];
    expect(link, mail.text).toBeTruthy();
    expect(new URL(link!).origin).toBe(baseUrl);
    const page = pages.get('citizen')!;
    await page.goto(link!);
    await page.getByRole('heading', { level: 1, name: 'Đánh giá câu trả lời phản ánh' }).waitFor();
    await settled(page, 'the answer rating page');
    expect(await page.locator('main').innerText()).toContain(ANSWER);
    await page.getByLabel('Hài lòng', { exact: true }).check();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Cảm ơn Ông/Bà đã đánh giá').waitFor();
    await settled(page, 'the thanks');
    // The link again: rated already, no form.
    await page.goto(link!);
    await page.getByText('Câu trả lời này đã được đánh giá. Cảm ơn Ông/Bà.').waitFor();
    expect(await page.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    await settled(page, 'the rating page once rated');
    // A second rating sent anyway is refused.
    const token = new URL(link!).pathname.split('/').at(-1)!;
    const again = await fetch(`${baseUrl}/api/v1/public/feedback/ratings/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value: 'acceptable', reasons: [], comment: null }),
    });
    expect(again.status).toBe(409);
    // The staff see the rating on the case.
    const cchc = await staff('cchc');
    const { panel } = await openCase(cchc);
    expect(await panel.innerText()).toContain('Đánh giá của người phản ánh: Hài lòng');
  });

  it('shows the answer on the public page and API, naming no one', async () => {
    const page = await openPage(SMALL_PHONE);
    pages.set('public', page);
    await page.goto(`/phan-anh/cong-khai?q=${encodeURIComponent(feedback.reference)}`);
    await page.getByRole('heading', { level: 1, name: 'Kết quả trả lời phản ánh, kiến nghị' }).waitFor();
    await page.getByText(ANSWER).waitFor();
    await settled(page, 'the published answers');
    const text = await page.locator('main').innerText();
    expect(text).toContain('người lao động nước ngoài');
    const json = await (
      await fetch(`${baseUrl}/api/v1/public/feedback/published?q=${encodeURIComponent(feedback.reference)}`)
    ).text();
    expect(json).toContain(feedback.reference);
    for (const published of [text, json]) {
      for (const value of [...Object.values(me), me.phone.replace(/\s/g, ''), 'Phạm Thị Lan']) {
        expect(published).not.toContain(value);
      }
      expect(published).not.toMatch(/@e2e\.example\.vn|079188004321/);
    }
  });
});

describe('feedback from a citizen not signed in', () => {
  it('is sent with a contact and the one-time code read from the mailbox', async () => {
    const page = await openPage(SMALL_PHONE);
    pages.set('guest', page);
    const email = `khach.pakn.${stamp}@e2e.example.vn`;
    await fillForm(page, 'Đề nghị niêm yết rõ lệ phí cấp giấy phép lao động tại quầy tiếp nhận.');
    await page.getByRole('heading', { level: 1, name: 'Thông tin liên hệ' }).waitFor();
    await page.getByLabel('Họ và tên').fill('Khách Vãng Lai');
    await page.getByLabel('Địa chỉ email').fill(email);
    await settled(page, 'the contact step');
    const asked = new Date(Date.now() - 1_000);
    await page.getByRole('button', { name: 'Gửi mã' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhập mã xác nhận' }).waitFor();
    await settled(page, 'the code step');
    const mail = await waitForMail(email, /\b\d{6}\b/, { since: asked });
    const code = /\b(\d{6})\b/.exec(mail.subject)?.[1] ?? /\b(\d{6})\b/.exec(mail.text)?.[1];
    await page.getByLabel('Mã xác nhận').fill(code!);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    const { reference } = await sendAndConfirm(page);
    expect(reference).not.toBe(feedback.reference);
    const receipt = await waitForMail(email, reference);
    expect(receipt.subject).toBe(`Đã nhận phản ánh, kiến nghị ${reference}`);
  });
});
