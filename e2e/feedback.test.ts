/**
 * Feedback (phản ánh, kiến nghị) on the public portal, as a citizen meets it: the form asks one
 * thing per page and names a missing answer beside its field; the published answers page names no
 * one and can be searched. Both pass the accessibility checks on a 360 px phone.
 * (The full journey — code by email, answer within the deadline, rating, publication — is
 * e2e/feedback-journey.test.ts.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SMALL_PHONE } from './support/browser.ts';
import { expectAccessible } from './support/checks.ts';
import { useBrowser } from './support/suite.ts';

const openPage = useBrowser();
const opened: Awaited<ReturnType<typeof openPage>>[] = [];
afterAll(async () => {
  for (const page of opened) await page.context().close();
});

describe('feedback on the public portal', () => {
  it('asks what the feedback is about first, and says what is missing', async () => {
    const page = await openPage(SMALL_PHONE);
    opened.push(page);
    await page.goto('/phan-anh');
    await page.getByRole('heading', { level: 1, name: 'Gửi phản ánh, kiến nghị' }).waitFor();
    await expectAccessible(page, 'the first page of the feedback form');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Chọn nội dung phản ánh');
    await page.getByLabel('Thái độ, hành vi của cán bộ, công chức').check();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cơ quan' }).waitFor();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect
      .poll(() => page.locator('.error-summary').innerText())
      .toContain('Chọn cơ quan hoặc nhập mã hồ sơ');
    await expectAccessible(page, 'the agency step with its error');
  });

  it('shows the published answers page, searchable, naming no one', async () => {
    const page = await openPage(SMALL_PHONE);
    opened.push(page);
    await page.goto('/phan-anh/cong-khai?q=giay%20phep');
    await page.getByRole('heading', { level: 1, name: 'Kết quả trả lời phản ánh, kiến nghị' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /câu trả lời/ })
      .waitFor();
    await expectAccessible(page, 'the published answers');
    expect(await page.locator('main').innerText()).not.toMatch(/@|\d{9,12}/);
  });
});
