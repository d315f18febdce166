/**
 * An administrator at work on the catalogue: creates a procedure, publishes it and finds it on the
 * public portal; uploads a spreadsheet with mistakes, sees which rows are wrong, and nothing changes.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, joinLines } from './support/checks.ts';
import { signIn } from './support/staff.ts';
import { baseUrl, useBrowser } from './support/suite.ts';

const openPage = useBrowser();

interface CatalogueSnapshot {
  total: number;
  ids: string[];
}

async function publicCatalogue(): Promise<CatalogueSnapshot> {
  const res = await fetch(`${baseUrl}/api/v1/procedures?pageSize=100`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { total: number; items: { id: string }[] };
  return { total: body.total, ids: body.items.map((i) => i.id).sort() };
}

async function adminCatalogue(page: Page): Promise<CatalogueSnapshot> {
  const res = await page.request.get('/api/v1/admin/procedures?pageSize=100');
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { total: number; items: { id: string; version: number | null }[] };
  return { total: body.total, ids: body.items.map((i) => `${i.id}@${i.version}`).sort() };
}

describe('the procedure catalogue administration', () => {
  it('creates a procedure, publishes it, and the public catalogue shows it', async () => {
    const page = await openPage();
    const citizen = await openPage({ viewport: 'mobile' });
    try {
      await signIn(page, 'admin', '/can-bo');
      const nav = page.getByRole('navigation', { name: 'Chức năng' });
      await nav.getByRole('link', { name: 'Thủ tục hành chính' }).click();
      await page.getByRole('heading', { level: 1, name: 'Quản lý thủ tục hành chính' }).waitFor();
      await page.getByRole('link', { name: 'Thêm thủ tục' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thêm thủ tục hành chính' }).waitFor();

      // Saving an empty form: the server's errors appear in a summary that links to the fields.
      await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
      await summary
        .getByRole('link', { name: /^Mã thủ tục/ })
        .first()
        .click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-code');
      expect(await page.locator('#f-code').getAttribute('aria-describedby')).toContain('f-code-error');
      await expectAccessible(page, 'procedure form with errors', { checkOverflow: false });

      const stamp = Date.now().toString().slice(-6);
      const code = `E2E.${stamp}`;
      const name = `Xác nhận thử nghiệm đầu cuối số ${stamp}`;
      await page.getByLabel('Mã thủ tục', { exact: true }).fill(code);
      await page.getByLabel('Loại mã').selectOption({ label: 'Mã địa phương' });
      await page.getByLabel('Tên thủ tục', { exact: true }).fill(name);
      await page.getByLabel('Lĩnh vực', { exact: true }).selectOption({ label: 'Việc làm' });
      await page.getByLabel('Số lượng').fill('7');
      await page.getByRole('button', { name: 'Thêm giấy tờ' }).click();
      await page.getByLabel('Tên giấy tờ').fill('Đơn đề nghị xác nhận thử nghiệm');
      await page.getByLabel('Số quyết định').fill(`${stamp}/QĐ-UBND`);
      await page.getByLabel('Ngày ban hành').fill('2026-01-15');
      await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
      await page.waitForURL(/\/can-bo\/quan-tri\/thu-tuc\/[0-9a-f-]{36}$/);
      await page.getByText('Đã tạo dự thảo thủ tục.').waitFor();

      const publish = page.locator('section[aria-labelledby="cong-bo"]');
      await publish.getByText('Dự thảo đủ điều kiện công bố.').waitFor();
      await publish.getByRole('button', { name: 'Công bố dự thảo' }).click();
      await page.getByText('Đã công bố phiên bản 1.').waitFor();
      const history = page.getByRole('table', { name: 'Lịch sử phiên bản' });
      await expect.poll(() => history.allInnerTexts().then(joinLines)).toMatch(/1\s+Đã công bố/);
      await expectAccessible(page, 'published procedure', { checkOverflow: false });

      // A citizen, not signed in, finds it by searching without accents.
      await citizen.goto(`/thu-tuc?q=${encodeURIComponent(`xac nhan thu nghiem dau cuoi so ${stamp}`)}`);
      await expect
        .poll(() => citizen.locator('.result-count').allInnerTexts().then(joinLines))
        .toBe('Tìm thấy 1 thủ tục.');
      await citizen.getByRole('link', { name }).click();
      await expect
        .poll(() => citizen.getByRole('heading', { level: 1 }).allInnerTexts().then(joinLines))
        .toBe(name);
      const documents = citizen.getByRole('table', { name: 'Thành phần hồ sơ' });
      expect(await documents.allInnerTexts().then(joinLines)).toContain('Đơn đề nghị xác nhận thử nghiệm');
      expect(await citizen.locator('.summary-list').first().allInnerTexts().then(joinLines)).toContain(
        '7 ngày làm việc',
      );
    } finally {
      await citizen.context().close();
      await page.context().close();
    }
  });

  it('rejects a spreadsheet with mistakes, shows the wrong rows, and imports nothing', async () => {
    const page = await openPage();
    try {
      await signIn(page, 'admin', '/can-bo/quan-tri/nhap-xuat');
      const publicBefore = await publicCatalogue();
      const adminBefore = await adminCatalogue(page);

      // Row 2 is correct, rows 3 and 4 are not: a national code in the wrong form, a time in words,
      // an unknown online level; a missing name, an abolished level of government, an unknown unit.
      const workbook = new ExcelJS.Workbook();
      const procedures = workbook.addWorksheet('Thủ tục');
      procedures.addRow([
        'Mã thủ tục',
        'Loại mã',
        'Tên thủ tục',
        'Mã lĩnh vực',
        'Mã cơ quan thực hiện',
        'Cấp thực hiện',
        'Thời hạn giải quyết',
        'Đơn vị thời hạn',
        'Ghi chú thời hạn',
        'Hình thức kết quả',
        'Tên kết quả',
        'Mức độ DVCTT',
        'Bưu chính công ích',
        'Số quyết định công bố',
        'Ngày công bố',
        'Đối tượng thực hiện',
        'Điều kiện',
        'Cách thức thực hiện',
        'Căn cứ pháp lý',
        'Cần xác nhận',
      ]);
      const row = (cells: (string | number)[]) => procedures.addRow([...cells, '', '', '', '', '', '', '']);
      row([
        'E2E.OK1',
        'Địa phương',
        'Thủ tục nhập thử hợp lệ',
        'viec-lam',
        '000.00.12.H29',
        'Tỉnh',
        5,
        'Ngày làm việc',
        '',
        'Giấy',
        '',
        'Một phần',
        'Có',
      ]);
      row([
        '12345',
        'Quốc gia',
        'Thủ tục có mã sai',
        'viec-lam',
        '000.00.12.H29',
        'Tỉnh',
        'năm ngày',
        'Ngày làm việc',
        '',
        'Giấy',
        '',
        'Mức 9',
        'Có',
      ]);
      row([
        'E2E.BAD3',
        'Địa phương',
        '',
        'viec-lam',
        '000.00.12.H29',
        'Huyện',
        3,
        'Tuần',
        '',
        'Giấy',
        '',
        'Không',
        'Có',
      ]);
      workbook
        .addWorksheet('Thành phần hồ sơ')
        .addRow(['Mã thủ tục', 'STT', 'Tên giấy tờ', 'Số bản', 'Loại bản', 'Bắt buộc', 'Mẫu đơn, tờ khai']);
      workbook.addWorksheet('Phí, lệ phí').addRow(['Mã thủ tục', 'Tên phí', 'Mức thu (đồng)', 'Ghi chú']);
      workbook
        .addWorksheet('Quy trình nội bộ')
        .addRow(['Mã thủ tục', 'Bước', 'Tên bước', 'Vai trò', 'Mã đơn vị', 'Số giờ']);
      const file = {
        name: 'danh-muc-co-loi.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
      };

      await page.getByRole('heading', { level: 1, name: 'Nhập, xuất danh mục thủ tục' }).waitFor();
      const importButton = page.getByRole('button', { name: 'Nhập danh mục' });
      expect(await importButton.getAttribute('aria-disabled')).toBe('true');
      await page.getByLabel('Tệp danh mục').setInputFiles(file);
      await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();

      const errors = page.getByRole('table', { name: 'Các lỗi trong tệp' });
      await errors.waitFor();
      const rows = await errors
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim() ?? '')),
        );
      const wrong = new Set(rows.map(([sheet, line]) => `${sheet}!${line}`));
      expect(wrong).toEqual(new Set(['Thủ tục!3', 'Thủ tục!4']));
      const columns = rows.map(([, line, column]) => `${line}:${column}`);
      expect(columns).toEqual(
        expect.arrayContaining([
          '3:Mã thủ tục',
          '3:Thời hạn giải quyết',
          '3:Mức độ DVCTT',
          '4:Tên thủ tục',
          '4:Cấp thực hiện',
        ]),
      );
      for (const [, , , message] of rows) expect(message?.length).toBeGreaterThan(0);
      expect(
        await page.getByText(/chưa nhập dữ liệu nào|Chưa có thủ tục nào được nhập/).count(),
      ).toBeGreaterThan(0);
      // The import stays unavailable until a check passes.
      expect(await importButton.getAttribute('aria-disabled')).toBe('true');
      await expectAccessible(page, 'import errors', { checkOverflow: false });

      // Sent for real all the same, the file is refused as a whole.
      const session = (await (await page.request.get('/api/v1/auth/session')).json()) as {
        csrfToken: string;
      };
      const forced = await page.request.post('/api/v1/admin/catalogue/import?dryRun=false', {
        headers: { 'X-CSRF-Token': session.csrfToken },
        multipart: { file },
      });
      expect(forced.status()).toBe(422);
      expect(((await forced.json()) as { code: string }).code).toBe('import_invalid');

      expect(await publicCatalogue()).toEqual(publicBefore);
      expect(await adminCatalogue(page)).toEqual(adminBefore);
      const search = await page.request.get('/api/v1/admin/procedures?q=E2E.OK1');
      expect(((await search.json()) as { total: number }).total).toBe(0);
    } finally {
      await page.context().close();
    }
  });
});
