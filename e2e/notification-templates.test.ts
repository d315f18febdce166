/**
 * The administrator's notification template editor: a template edited before its default gained a
 * placeholder (the supplement email's {{items}}) shows a warning naming it, and "restore the
 * default" puts the shipped text back in one click. The page passes axe on a 360 px phone.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SMALL_PHONE } from './support/browser.ts';
import { expectAccessible } from './support/checks.ts';
import { signIn } from './support/staff.ts';
import { useBrowser } from './support/suite.ts';

const openPage = useBrowser();
const pages: Page[] = [];
afterAll(async () => {
  for (const page of pages) await page.context().close();
});

const API = '/api/v1/admin/notification-templates/dossier.applicant.request_supplement/vi';

async function asAdmin(page: Page, method: 'PUT' | 'DELETE', data?: unknown) {
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  const res = await page.request.fetch(API, {
    method,
    headers: { 'X-CSRF-Token': session.csrfToken },
    ...(data ? { data } : {}),
  });
  expect(res.status(), await res.text()).toBe(200);
}

describe('an edited template that lacks what its default now uses', () => {
  it('is warned about in the editor, and the default comes back in one click', async () => {
    const page = await openPage(SMALL_PHONE);
    pages.push(page);
    await signIn(page, 'admin', '/can-bo/quan-tri/mau-thong-bao');
    // Set-up: the edit as saved before the default listed the items asked for.
    await asAdmin(page, 'PUT', {
      subject: 'Hồ sơ {{code}} cần bổ sung giấy tờ',
      body: 'Kính gửi {{recipient}},\n\nHồ sơ {{code}} ({{procedure}}) cần bổ sung. Vui lòng xem phiếu yêu cầu.',
    });
    try {
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Mẫu thông báo' }).waitFor();
      await page
        .getByLabel('Mẫu thông báo', { exact: true })
        .selectOption({ label: 'dossier.applicant.request_supplement (tiếng Việt) – đã sửa' });
      const warning = page.getByText('Mẫu đã sửa thiếu thông tin mà mẫu mặc định hiện có');
      await warning.waitFor();
      expect(await page.locator('main').innerText()).toContain('Mẫu mặc định hiện dùng {{items}}');
      // Shown, not applied: the edit is still what the form holds.
      expect(await page.getByLabel('Tiêu đề thư').inputValue()).toBe('Hồ sơ {{code}} cần bổ sung giấy tờ');
      await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
      await expectAccessible(page, 'the template editor with its warning');

      await page.getByRole('button', { name: 'Khôi phục mẫu mặc định' }).click();
      await page.getByText('Đã khôi phục mẫu mặc định.').waitFor();
      expect(await warning.count()).toBe(0);
      expect(await page.getByTestId('template-state').innerText()).toBe('Đang dùng mẫu mặc định.');
      expect(await page.getByLabel('Nội dung thư').inputValue()).toContain('{{items}}');
      expect(await page.getByRole('button', { name: 'Khôi phục mẫu mặc định' }).count()).toBe(0);
    } finally {
      await asAdmin(page, 'DELETE');
    }
  });
});
