/**
 * The counter tablet's rating page and the feedback figures: the counter officer's kiosk token
 * opens the rating page on the tablet; nobody signed in, it names a missing dossier code and value
 * and offers the reasons for "not satisfied". (Sending a rating, once per dossier, is covered by the
 * server tests: the e2e seed has no dossier returned at this counter's unit.) The reform officer
 * reads the feedback statistics. Each page passes axe once nothing is loading; the tablet fits 360 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SMALL_PHONE } from './support/browser.ts';
import { expectAccessible } from './support/checks.ts';
import { signIn } from './support/staff.ts';
import { useBrowser } from './support/suite.ts';

const openPage = useBrowser();
const opened: Page[] = [];
afterAll(async () => {
  for (const page of opened) await page.context().close();
});

/** axe once nothing is loading any more. */
async function settled(page: Page, what: string) {
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
  await expectAccessible(page, what);
}

const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('rating a returned dossier on the counter tablet', () => {
  it('opens from the kiosk token with large choices, reasons and a comment, and names what is missing', async () => {
    const counter = await openPage();
    opened.push(counter);
    await signIn(counter, 'tiepnhan', '/can-bo/khao-sat');
    await counter.getByRole('button', { name: 'Mở trang khảo sát trên máy tính bảng' }).click();
    const kioskPath = (await counter
      .getByRole('link', { name: 'Mở trang khảo sát tại quầy' })
      .getAttribute('href'))!;
    const token = kioskPath.split('/').pop()!;
    const tablet = await openPage(SMALL_PHONE);
    opened.push(tablet);
    await tablet.goto(`/danh-gia-tai-quay/${token}`);
    await tablet
      .getByRole('heading', { level: 1, name: 'Đánh giá việc giải quyết hồ sơ tại quầy' })
      .waitFor();
    await settled(tablet, 'the counter tablet rating page');
    expect(await fitsPhone(tablet)).toBeLessThanOrEqual(360);

    // Nothing chosen: both missing answers are named.
    await tablet.getByRole('button', { name: 'Gửi đánh giá' }).click();
    const summary = tablet.locator('.error-summary');
    await expect.poll(() => summary.innerText()).toContain('Nhập mã hồ sơ');
    expect(await summary.innerText()).toContain('Chọn mức độ hài lòng');
    await settled(tablet, 'the tablet rating page with its errors');

    await tablet.getByLabel('Không hài lòng').check();
    await tablet.locator('.checkbox__label').first().click();
    await tablet.getByLabel('Ý kiến thêm').fill('Phải chờ lâu ở quầy trả kết quả.');
    await settled(tablet, 'the tablet rating page with the reasons');
    expect(await fitsPhone(tablet)).toBeLessThanOrEqual(360);
  });
});

describe('feedback statistics', () => {
  it('shows the reform officer the cases by state, on time and late, and the answer ratings', async () => {
    const page = await openPage();
    opened.push(page);
    await signIn(page, 'cchc', '/can-bo/phan-anh/thong-ke');
    await page.getByRole('heading', { level: 1, name: 'Thống kê phản ánh, kiến nghị' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Theo trạng thái' }).waitFor();
    const main = page.locator('main');
    expect(await main.innerText()).toContain('Thời hạn trả lời (15 ngày làm việc)');
    expect(await main.innerText()).toContain('Tỷ lệ đúng hạn');
    expect(await main.innerText()).toContain('Đánh giá câu trả lời');
    await settled(page, 'the feedback statistics');
    await page.getByRole('link', { name: 'Thống kê phản ánh, kiến nghị' }).first().waitFor();
  });
});
