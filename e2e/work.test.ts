/**
 * What staff see first and type most: the home's work summary, whose counts open the queue with
 * as many dossiers, led for a leader by the most overdue; the approvals with the draft and the
 * steps' notes in view; the one date field, which reads 31/08/2026 as people write it; homes for
 * the appraiser and a citizen's account; and staff pages and the catalogue on a 360 px phone.
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

describe('staff home and dates', () => {
  it("shows a leader the overdue dossiers first, and the count is the queue's", async () => {
    const page = await openPage();
    opened.push(page);
    await signIn(page, 'lanhdao', '/can-bo');
    const summary = page.getByRole('region', { name: 'Việc của bạn' });
    await summary.waitFor();
    const first = summary.getByRole('link').first();
    const text = await first.innerText();
    expect(text).toMatch(/^\d+ hồ sơ quá hạn$/);
    const count = Number(text.split(' ')[0]);
    expect(count).toBeGreaterThan(0);
    // The most overdue are named, with how late, before anything else on the home.
    const worst = page.getByRole('region', { name: 'Hồ sơ quá hạn lâu nhất' });
    const items = worst.getByRole('listitem');
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThan(0);
    expect(await items.first().innerText()).toMatch(/Quá hạn [\d.]+ ngày làm việc/);
    const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(headings.slice(0, 2)).toEqual(['Việc của bạn', 'Hồ sơ quá hạn lâu nhất']);
    await expectAccessible(page, 'leader home');
    await first.click();
    await page.waitForURL((url) => url.searchParams.get('overdue') === 'true');
    await expect.poll(() => page.locator('main').innerText()).toContain(`${count} hồ sơ`);
  });

  it('reads dd/mm/yyyy, says which date it understood, and flags a date that does not exist', async () => {
    const page = await openPage();
    opened.push(page);
    await signIn(page, 'tiepnhan', '/can-bo/quay');
    const from = page.getByLabel('Từ ngày');
    await from.fill('31/08/2026');
    await expect
      .poll(() => page.locator('#f-registerFrom-understood').innerText())
      .toBe('Đã hiểu: thứ Hai, 31/08/2026');
    await from.fill('2026-09-01');
    await from.blur();
    expect(await from.inputValue()).toBe('01/09/2026');
    const to = page.getByLabel('Đến ngày');
    await to.fill('31/02/2026');
    await expect
      .poll(() => page.locator('#f-registerTo-error').innerText())
      .toContain('Không có ngày 31/02/2026');
    await expectAccessible(page, 'counter with a date error');
  });
});

describe('approval with the draft in view', () => {
  it('shows the leader the draft result, the specialist’s and the head’s notes before the decision', async () => {
    const page = await openPage();
    opened.push(page);
    await signIn(page, 'lanhdao', '/can-bo/phe-duyet');
    const first = page.locator('.approval-list__item').first();
    await first.waitFor();
    const code = (await first.locator('.dossier-link').innerText()).trim();
    const brief = page.getByRole('region', { name: `Dự thảo và ý kiến của hồ sơ ${code}` });
    const text = await brief.innerText();
    expect(text).toContain('Dự thảo kết quả');
    expect(text).toContain('Ý kiến của các bước xử lý');
    expect(text).toMatch(/\(Chuyên viên\) · Bước “[^”]+”/);
    expect(text).toMatch(/\(Lãnh đạo phòng\) · Bước “[^”]+”/);
    expect(text).toContain('Tài liệu của hồ sơ');

    // On the dossier page, the leader attaches the signed draft; it shows as the draft result.
    await first.getByRole('link', { name: `Xem hồ sơ ${code}` }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(code.replace(/\./g, '\\.')) }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const receipt = await page.request.get(`/api/v1/dossiers/${id}/forms/01.pdf`);
    expect(receipt.status()).toBe(200);
    await page.getByLabel('Chọn tệp').setInputFiles({
      name: 'du-thao-ket-qua.pdf',
      mimeType: 'application/pdf',
      buffer: await receipt.body(),
    });
    await page.getByLabel(/^Tên tài liệu/).fill('Dự thảo quyết định');
    await page.getByLabel('Loại tài liệu').selectOption({ label: 'Kết quả giải quyết' });
    await page.getByRole('button', { name: 'Tải lên' }).click();
    const onPage = page.getByRole('region', { name: 'Dự thảo và ý kiến trước khi quyết định' });
    await onPage.getByRole('link', { name: 'Dự thảo quyết định' }).waitFor();
    // The brief comes before the buttons, and one of them is primary: approval.
    const actions = page.locator('#xu-ly');
    const briefFirst = await actions.evaluate((el) => {
      const brief = el.querySelector('.approval-brief');
      const buttons = el.querySelector('.action-buttons');
      return !!brief && !!buttons && !!(brief.compareDocumentPosition(buttons) & 4);
    });
    expect(briefFirst).toBe(true);
    const primary = actions.locator('.action-buttons .button--primary');
    expect(await primary.count()).toBe(1);
    expect(await primary.innerText()).toBe('Phê duyệt, ký duyệt');
    await expectAccessible(page, 'dossier awaiting approval with its brief');

    // Back on the list, the approval panel keeps the draft in view while deciding.
    await page.goto('/can-bo/phe-duyet');
    await page.getByRole('button', { name: `Phê duyệt hồ sơ ${code}` }).click();
    const panel = page.getByRole('region', { name: `Phê duyệt hồ sơ ${code}` });
    await panel.getByRole('link', { name: 'Dự thảo quyết định' }).waitFor();
    expect(await panel.innerText()).toContain('Ý kiến của các bước xử lý');
    await expectAccessible(page, 'approval panel with the brief');
  });
});

describe('homes without a dossier queue', () => {
  it('tell the appraiser what exists today, and a citizen’s account that the workspace is for staff', async () => {
    const page = await openPage();
    opened.push(page);
    await signIn(page, 'thamdinh', '/can-bo');
    const appraiser = page.getByRole('region', { name: 'Việc của thẩm định viên' });
    expect(await appraiser.innerText()).toContain('chưa có trong phiên bản này');
    await appraiser.getByRole('link', { name: 'Xem danh mục thủ tục hành chính đã công bố' }).waitFor();
    await expectAccessible(page, 'appraiser home');

    const citizen = await openPage();
    opened.push(citizen);
    await signIn(citizen, 'congdan', '/can-bo');
    await citizen.getByRole('heading', { level: 1, name: 'Trang này dành cho cán bộ' }).waitFor();
    await citizen
      .getByRole('main')
      .getByRole('link', { name: 'Tra cứu hồ sơ bằng mã in trên giấy tiếp nhận' })
      .click();
    await citizen.waitForURL((url) => url.pathname === '/tra-cuu-ho-so');
  });
});

describe('on a 360 px phone', () => {
  it('folds the staff menu and signed-in line behind one button, so the heading is high', async () => {
    const page = await openPage(SMALL_PHONE);
    opened.push(page);
    await signIn(page, 'admin', '/can-bo');
    const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    expect(heading.y).toBeLessThan(200);
    expect(heading.y + heading.height).toBeLessThan(250);
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('navigation', { name: 'Chức năng' }).isVisible()).toBe(false);
    await expectAccessible(page, 'staff home on a phone, menu closed');

    await menu.click();
    const close = page.getByRole('button', { name: 'Đóng menu' });
    expect(await close.getAttribute('aria-expanded')).toBe('true');
    const nav = page.getByRole('navigation', { name: 'Chức năng' });
    await nav.getByRole('link', { name: 'Người dùng' }).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await expectAccessible(page, 'staff home on a phone, menu open');
    await nav.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('shows catalogue results without scrolling past the filters, folded behind “Lọc”', async () => {
    const page = await openPage(SMALL_PHONE);
    opened.push(page);
    await page.goto('/thu-tuc?q=lao%20dong');
    const first = page.locator('.result').first();
    await first.waitFor();
    // The count and the first result's title start on the first screen, under the folded filters.
    const count = (await page.locator('.result-count').boundingBox())!;
    expect(count.y + count.height).toBeLessThan(740);
    const title = (await first.locator('.result__title').boundingBox())!;
    expect(title.y + 30).toBeLessThan(740);
    const toggle = page.getByRole('button', { name: /^Lọc/ });
    expect(await toggle.innerText()).toContain('chưa chọn');
    expect(await page.getByLabel('Lĩnh vực').isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const field = page.getByLabel('Lĩnh vực');
    const employment = (await field.locator('option').allInnerTexts()).find((o) => o.startsWith('Việc làm'));
    await field.selectOption({ label: employment! });
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL((url) => url.searchParams.has('field'));
    await expect.poll(() => toggle.innerText()).toContain('1 đang áp dụng');
    // Results still loading are dimmed (stale); the check reads the page once they have come.
    await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
    await expectAccessible(page, 'catalogue on a phone, filters open');
  });
});
