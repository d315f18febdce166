/**
 * A leader reads Biểu số 06 for this year: the numbers come from the server, the totals row is the
 * report's, and on a 360 px phone only the table scrolls sideways, not the page; a number opens the
 * dossiers behind it.
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

describe('Biểu số 06', () => {
  it("shows a leader this year's report with the server's totals, readable on a phone", async () => {
    const page = await openPage(SMALL_PHONE);
    opened.push(page);
    await signIn(page, 'lanhdao', '/can-bo/bao-cao/bieu-06');
    await page.getByRole('button', { name: 'Năm nay' }).click();
    await page.waitForURL((url) => url.searchParams.get('from')?.endsWith('-01-01') === true);
    const table = page.getByRole('table', { name: /^Biểu số 06 của / });
    await table.waitFor();
    const url = new URL(page.url());
    const api = await page.request.get(
      `/api/v1/reports/06?from=${url.searchParams.get('from')}&to=${url.searchParams.get('to')}`,
    );
    expect(api.status()).toBe(200);
    const report = await api.json();
    expect(report.totals.receivedTotal).toBeGreaterThan(0);
    const totals = table.locator('tfoot');
    const shown = await totals.locator('[data-column="receivedTotal"]').innerText();
    expect(Number(shown.replace(/\D/g, ''))).toBe(report.totals.receivedTotal);
    expect(await totals.locator('[data-column="pendingOverdue"]').innerText()).toBe(
      report.totals.pendingOverdue.toLocaleString('vi-VN'),
    );
    // The page itself does not scroll sideways; the table's region does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expect
      .poll(() => page.getByRole('link', { name: 'Tải bảng tính (XLSX)' }).getAttribute('href'))
      .toContain('format=xlsx');
    await expectAccessible(page, 'Biểu số 06 on a phone');

    // Each number opens the dossiers behind it: as many as the cell says, each a link to its page.
    const column = report.totals.pendingOverdue > 0 ? 'pendingOverdue' : 'receivedTotal';
    const n: number = report.totals[column];
    await totals.locator(`[data-column="${column}"] a`).click();
    await page.waitForURL(
      (u) => u.pathname === '/can-bo/bao-cao/ho-so' && u.searchParams.get('column') === column,
    );
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toContain(column === 'pendingOverdue' ? 'Đang giải quyết quá hạn' : 'Tổng số hồ sơ nhận giải quyết');
    await expect
      .poll(() => page.locator('.result-count').innerText())
      .toMatch(new RegExp(`^${n.toLocaleString('vi-VN').replace('.', '\\.')} hồ sơ`));
    const rows = page.getByRole('table', { name: 'Danh sách hồ sơ trong ô báo cáo' }).locator('tbody tr');
    expect(await rows.count()).toBe(Math.min(n, 50));
    expect(await rows.first().getByRole('link').getAttribute('href')).toMatch(/^\/can-bo\/ho-so\//);
    await expectAccessible(page, 'the dossiers behind a cell of Biểu số 06');
  });
});
