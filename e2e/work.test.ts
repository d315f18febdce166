/**
 * What staff see first and type most: the home's work summary, whose counts open the queue with
 * as many dossiers; and the one date field, which reads 31/08/2026 as people write it.
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

describe('staff pages on a phone', () => {
  it('keep the header, menu and signed-in line short, so the heading shows high on a 360 px screen', async () => {
    const page = await openPage(SMALL_PHONE);
    opened.push(page);
    await signIn(page, 'admin', '/can-bo');
    const nav = page.getByRole('navigation', { name: 'Chức năng' });
    const navBox = (await nav.boundingBox())!;
    // One row of links (it scrolls sideways), not three.
    expect(navBox.height).toBeLessThan(60);
    const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    expect(heading.y).toBeLessThan(330);
    await expectAccessible(page, 'staff home on a phone');
  });
});
