/**
 * A citizen finds a procedure in the public catalogue: searches without accents, narrows the list
 * by field, opens the procedure and reads what to prepare. On a desktop and on a 360 px phone, with
 * no WCAG 2.1 AA violations found by axe on any of the pages.
 */
import { describe, expect, it } from 'vitest';
import { type NewPageOptions, SMALL_PHONE } from './support/browser.ts';
import { expectAccessible, joinLines } from './support/checks.ts';
import { WORK_PERMIT } from './support/seed.ts';
import { useBrowser } from './support/suite.ts';

const DEVICES: [string, NewPageOptions][] = [
  ['desktop', { viewport: 'desktop' }],
  ['360 px phone', SMALL_PHONE],
];

const openPage = useBrowser();

describe.each(DEVICES)('a citizen on a %s', (_name, device) => {
  it('searches without accents, filters by field and reads a procedure', async () => {
    const page = await openPage(device);
    try {
      await page.goto('/');
      await expect.poll(() => page.title()).toContain('Tra cứu thủ tục hành chính');
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
      await page.getByRole('heading', { level: 2, name: 'Tra cứu theo lĩnh vực' }).waitFor();
      await expectAccessible(page, 'home page');

      // Search without diacritics.
      await page.getByLabel('Bạn cần làm thủ tục gì?').fill('giay phep lao dong');
      await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
      await page.waitForURL(
        (url) => url.pathname === '/thu-tuc' && url.searchParams.get('q') === 'giay phep lao dong',
      );
      const count = page.locator('.result-count');
      expect(await count.getAttribute('aria-live')).toBe('polite');
      await expect.poll(() => count.allInnerTexts().then(joinLines)).toMatch(/^Tìm thấy \d+ thủ tục/);
      const permit = page.getByRole('link', { name: WORK_PERMIT });
      await permit.waitFor();
      expect(await page.getByLabel('Tên hoặc mã thủ tục').inputValue()).toBe('giay phep lao dong');
      await expectAccessible(page, 'search results');

      // Narrow the results to one field with the plain filter form (on a phone, behind "Lọc").
      const toggle = page.getByRole('button', { name: /^Lọc/ });
      if (await toggle.isVisible()) await toggle.click();
      const fieldSelect = page.getByLabel('Lĩnh vực');
      const employment = (await fieldSelect.locator('option').allInnerTexts()).find((o) =>
        o.startsWith('Việc làm'),
      );
      expect(employment, 'the field "Việc làm" is offered').toBeDefined();
      await fieldSelect.selectOption({ label: employment as string });
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      await page.waitForURL(
        (url) => url.searchParams.has('field') && url.searchParams.get('q') === 'giay phep lao dong',
      );
      // Every result shown is in the chosen field (polled: the previous list stays while the new one loads).
      const shownFields = page.locator('.result__meta div', { hasText: 'Lĩnh vực' }).locator('dd');
      await expect.poll(async () => [...new Set(await shownFields.allInnerTexts())]).toEqual(['Việc làm']);
      await expect.poll(() => count.allInnerTexts().then(joinLines)).toMatch(/^Tìm thấy \d+ thủ tục/);
      await permit.waitFor();
      await expectAccessible(page, 'filtered results');

      // The procedure page: what to prepare and how long it takes.
      await permit.click();
      const title = page.getByRole('heading', { level: 1 });
      await expect.poll(() => title.allInnerTexts().then(joinLines)).toMatch(WORK_PERMIT);
      await expect.poll(() => page.title()).toMatch(/^Cấp giấy phép lao động/);
      const summary = page.locator('.summary-list').first();
      expect(await summary.allInnerTexts().then(joinLines)).toMatch(/Thời hạn giải quyết\s+10 ngày làm việc/);
      const documents = page.getByRole('table', { name: 'Thành phần hồ sơ' });
      expect(await documents.allInnerTexts().then(joinLines)).toContain(
        'Văn bản đề nghị cấp giấy phép lao động',
      );
      // A fee whose amount is not confirmed yet is shown as such, never as 0.
      const fees = await page
        .locator('section[aria-labelledby="phi-le-phi"]')
        .allInnerTexts()
        .then(joinLines);
      expect(fees).toContain('Chưa xác định – liên hệ cơ quan');
      expect(fees).not.toMatch(/(^|\s)0 đồng/);
      await expectAccessible(page, 'procedure page');
    } finally {
      await page.context().close();
    }
  });
});

describe('the language switch', () => {
  it('shows the catalogue in English, sends Accept-Language and remembers the choice', async () => {
    const page = await openPage();
    try {
      const languages: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/')) {
          languages.push(request.headers()['accept-language'] ?? '');
        }
      });
      await page.goto('/thu-tuc?q=lao%20dong');
      await expect
        .poll(() => page.locator('.result-count').allInnerTexts().then(joinLines))
        .toMatch(/^Tìm thấy/);
      expect(languages.length).toBeGreaterThan(0);
      expect(new Set(languages)).toEqual(new Set(['vi']));

      languages.length = 0;
      await page.getByRole('link', { name: 'English' }).click();
      await expect
        .poll(() => page.locator('.result-count').allInnerTexts().then(joinLines))
        .toMatch(/procedures? found/);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Administrative procedures' }).waitFor();
      await expect.poll(() => languages.includes('en')).toBe(true);
      expect(languages).not.toContain('vi');
      await expectAccessible(page, 'catalogue in English');
      await page.getByRole('link', { name: 'Tiếng Việt' }).click();
      await page.getByRole('heading', { level: 1, name: 'Danh mục thủ tục hành chính' }).waitFor();
    } finally {
      await page.context().close();
    }
  });
});
