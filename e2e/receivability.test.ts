/**
 * A procedure whose processing time is not confirmed yet cannot be received. The counter officer
 * learns it the moment they pick it, before any step of the receipt, with the reason and who can fix
 * it; the procedure lists and the public catalogue say it too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/staff.ts';
import { baseUrl, useBrowser } from './support/suite.ts';

const TAG = 'Chưa tiếp nhận được, chờ xác nhận thời hạn';

const openPage = useBrowser();
let blocked: { id: string; name: string };

beforeAll(async () => {
  const list = (await (await fetch(`${baseUrl}/api/v1/procedures?pageSize=100`)).json()) as {
    items: { id: string; name: string; notReceivableReason: string | null }[];
  };
  const found = list.items.find((i) => i.notReceivableReason === 'processing_time_unconfirmed');
  if (!found) throw new Error('the demo catalogue has no procedure awaiting its processing time');
  blocked = found;
});

describe('a procedure whose processing time awaits confirmation', () => {
  let close: (() => Promise<void>) | undefined;
  afterAll(async () => close?.());

  it('is marked at the counter and stops the receipt at once, saying why and who can fix it', async () => {
    const page = await openPage();
    close = () => page.context().close();
    await signIn(page, 'tiepnhan', '/can-bo/quay');
    await page.getByLabel('Chọn thủ tục').fill(blocked.name);
    await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
    const choice = page
      .locator('.choice-list__item')
      .filter({ has: page.getByRole('link', { name: blocked.name, exact: true }) });
    await expect.poll(() => choice.innerText()).toContain(TAG);

    await choice.getByRole('link', { name: blocked.name, exact: true }).click();
    const notice = page.getByTestId('not-receivable');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('Chưa tiếp nhận được hồ sơ của thủ tục này, chờ xác nhận thời hạn giải quyết');
    expect(text).toContain('Quản trị hệ thống hoặc công chức tham mưu cải cách hành chính');
    // No step of the wizard is offered: nothing to fill in for a dossier that cannot be received.
    expect(await page.getByText('Bước 2 trên 3').count()).toBe(0);
    expect(await page.getByLabel('Họ và tên người nộp (hoặc tên tổ chức)').count()).toBe(0);
  });

  it('is marked in the public catalogue and explained on its public page', async () => {
    const page = await openPage();
    try {
      await page.goto(`/thu-tuc?q=${encodeURIComponent(blocked.name)}`);
      const result = page
        .locator('li')
        .filter({ has: page.getByRole('link', { name: blocked.name, exact: true }) });
      await expect.poll(() => result.first().innerText()).toContain(TAG);
      await result.first().getByRole('link', { name: blocked.name, exact: true }).click();
      await page.getByTestId('not-receivable').waitFor();
      expect(await page.getByTestId('not-receivable').innerText()).toContain(TAG);
    } finally {
      await page.context().close();
    }
  });
});
