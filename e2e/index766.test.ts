/**
 * A leader reads the Decision 766 index for this month: the figures are the server's, what is not
 * measured says why, 2.1 links to the dossiers behind it, and the page fits a 360 px phone.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SMALL_PHONE } from './support/browser.ts';
import { expectAccessible } from './support/checks.ts';
import { signIn } from './support/staff.ts';
import { useBrowser } from './support/suite.ts';

const openPage = useBrowser();
const opened: Awaited<ReturnType<typeof openPage>>[] = [];
afterAll(async () => {
  for (const page of opened) await page.context().close();
});

describe('Chỉ số 766', () => {
  it('shows each indicator with its figures, or why it is not measured, readable on a phone', async () => {
    const page = await openPage(SMALL_PHONE);
    opened.push(page);
    await signIn(page, 'lanhdao', '/can-bo/bao-cao/chi-so-766');
    await page.getByRole('heading', { name: 'Tiến độ, kết quả giải quyết' }).waitFor();
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const api = await page.request.get(
      `/api/v1/reports/766?period=month&year=${today.slice(0, 4)}&index=${Number(today.slice(5, 7))}`,
    );
    expect(api.status()).toBe(200);
    const index = await api.json();
    const onTime = index.indicators.find((i: { code: string }) => i.code === '2.1');
    const block = page.locator('.panel', { has: page.getByRole('heading', { name: /^2\.1\. / }) });
    // The demo office has dossiers this month.
    expect(onTime.status).toBe('measured');
    await expect.poll(() => block.innerText()).toContain(`${onTime.numerator} / ${onTime.denominator}`);
    const link = block.getByRole('link', { name: 'trước hạn' });
    expect(await link.getAttribute('href')).toMatch(
      /^\/can-bo\/bao-cao\/ho-so\?from=\d{4}-\d{2}-01&to=.*column=resolvedEarly/,
    );
    // 3.5 (fees paid online) is what the server measures: other e2e files pay fees on the same
    // server, so it is read from the API and the page must show those figures, or, while no fee has
    // been asked this month, say why it is not measured (never 0 / 0, never full marks).
    const payment = page.locator('.panel', { has: page.getByRole('heading', { name: /^3\.5\. / }) });
    await expect
      .poll(async () => {
        const now = (await (await page.request.get(api.url())).json()).indicators.find(
          (i: { code: string }) => i.code === '3.5',
        );
        await page.reload();
        await page.getByRole('heading', { name: /^3\.5\. / }).waitFor();
        const text = await payment.innerText();
        return now.status === 'measured'
          ? text.includes(`${now.numerator} / ${now.denominator}`)
          : text.includes('Không có đối tượng để tính trong kỳ') && !text.includes('0 / 0');
      })
      .toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'Chỉ số 766 on a phone');
  });

  it('lets an administrator set a target, with the form accessible', async () => {
    const page = await openPage(SMALL_PHONE);
    opened.push(page);
    // A year no other test reads, for the national setting.
    await signIn(page, 'admin', '/can-bo/quan-tri/chi-so-766?year=2030');
    await page.getByLabel('Chỉ tiêu (%) của chỉ số 3.3').fill('4x');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await page.getByRole('link', { name: 'Nhập một số, ví dụ 80 hoặc 5,5' }).waitFor();
    await page.getByLabel('Chỉ tiêu (%) của chỉ số 3.3').fill('40');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await page.getByText('Đã lưu chỉ tiêu và điểm.').waitFor();
    await page.getByText('Mặc định: 50%, 6 điểm · Đang áp dụng: 40%, 6 điểm').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'Chỉ số 766 targets on a phone');
  });
});
