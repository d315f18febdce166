/**
 * A leader opens the dashboard on a phone, switches a chart to its table (the numbers the API
 * sent), and goes from the overdue list to an overdue dossier; anyone opens the public board
 * without signing in. Axe passes on both.
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

describe('dashboards', () => {
  it("shows a leader the figures as a table and leads to an overdue dossier's page", async () => {
    const page = await openPage(SMALL_PHONE);
    opened.push(page);
    await signIn(page, 'lanhdao', '/can-bo/bang-dieu-khien');
    const resolved = page.getByRole('region', { name: 'Hồ sơ đã giải quyết theo kỳ', exact: true });
    await resolved.waitFor();
    const api = await page.request.get('/api/v1/dashboards/leader');
    expect(api.status()).toBe(200);
    const dashboard = await api.json();
    const resolvedTotals: number[] = dashboard.series.map((p: { resolvedTotal: number }) => p.resolvedTotal);
    expect(resolvedTotals.some((n) => n > 0)).toBe(true);

    await expect.poll(() => resolved.locator('svg.recharts-surface').count()).toBeGreaterThan(0);
    await resolved.getByRole('button', { name: 'Xem dạng bảng' }).click();
    const table = resolved.getByRole('table', { name: 'Hồ sơ đã giải quyết theo kỳ' });
    await table.waitFor();
    const shown = await table.locator('tbody [data-column="resolvedTotal"]').allInnerTexts();
    expect(shown.map((s) => Number(s.replace(/\D/g, '')))).toEqual(resolvedTotals);
    // A number leads to the dossiers behind it, by Biểu 06's column.
    const busiest = resolvedTotals.indexOf(Math.max(...resolvedTotals));
    const href = await table
      .locator('tbody tr')
      .nth(busiest)
      .locator('[data-column="resolvedEarly"], [data-column="resolvedTotal"]')
      .last()
      .getByRole('link')
      .getAttribute('href');
    expect(href).toContain('/can-bo/bao-cao/ho-so?');
    expect(href).toContain('column=resolvedTotal');
    expect(href).toContain(`from=${dashboard.series[busiest].from}`);
    await expectAccessible(page, 'the dashboard on a phone, a chart as its table');

    expect(dashboard.overdue.total).toBeGreaterThan(0);
    const overdue = page.getByRole('region', { name: /^Hồ sơ đang quá hạn/ });
    const first = dashboard.overdue.items[0];
    await overdue.getByRole('link', { name: first.code }).click();
    await page.waitForURL((url) => url.pathname === `/can-bo/ho-so/${first.id}`);
    await expect.poll(() => page.locator('#dossier-title').innerText()).toContain(first.code);
  });

  it('shows anyone the public board without signing in', async () => {
    const page = await openPage(SMALL_PHONE);
    opened.push(page);
    await page.goto('/');
    await page.getByRole('link', { name: 'Bảng theo dõi' }).first().click();
    await page.waitForURL((url) => url.pathname === '/bang-theo-doi');
    const byAgency = page.getByRole('region', { name: 'Tỷ lệ đúng hạn theo cơ quan', exact: true });
    await byAgency.waitFor();
    const board = await (await page.request.get('/api/v1/public/board')).json();
    expect(board.byAgency.length).toBeGreaterThan(0);
    await byAgency.getByRole('button', { name: 'Xem dạng bảng' }).click();
    const rates = await byAgency.locator('tbody [data-column="onTimeRate"]').allInnerTexts();
    expect(rates).toEqual(
      board.byAgency.map((a: { onTimeRate: number | null }) =>
        a.onTimeRate === null ? 'Chưa có' : `${a.onTimeRate.toLocaleString('vi-VN')} %`,
      ),
    );
    await expectAccessible(page, 'the public board on a phone');
  });
});
