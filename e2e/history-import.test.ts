/**
 * An administrator brings the agency's dossiers from its previous one-stop system: a file with a
 * mistake is refused in a dry run, row by row, and nothing is written; the corrected file passes
 * the dry run and is imported.
 */
import { describe, expect, it } from 'vitest';
import { dossierEntry, historyFile, SCENARIOS } from '../packages/server/test/support/history-file.ts';
import { expectAccessible, joinLines } from './support/checks.ts';
import { signIn } from './support/staff.ts';
import { useBrowser } from './support/suite.ts';

const openPage = useBrowser();

const asFile = (name: string, content: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(content)),
});

describe('the history import page', () => {
  it('refuses a file with a mistake row by row, then imports the corrected file', async () => {
    const page = await openPage();
    try {
      await signIn(page, 'admin', '/can-bo/quan-tri/chuyen-doi-ho-so');
      await page.getByRole('heading', { level: 1, name: 'Chuyển đổi hồ sơ từ hệ thống cũ' }).waitFor();
      const importButton = page.getByRole('button', { name: 'Nhập dữ liệu' });
      expect(await importButton.getAttribute('aria-disabled')).toBe('true');

      // The apology comes after the due date: the rules refuse it, and the table says where.
      const late = dossierEntry('E2E-LATE', [
        { type: 'extended', at: '2025-10-21T09:00:00+07:00', newDueAt: '2025-10-31', reason: 'Chậm' },
      ]);
      await page
        .getByLabel('Tệp dữ liệu chuyển đổi (.json)')
        .setInputFiles(
          asFile(
            'ho-so-cu-co-loi.json',
            historyFile([{ ...SCENARIOS.early, previousCode: 'E2E-001' }, late]),
          ),
        );
      await page.getByRole('button', { name: 'Chạy thử' }).click();
      const table = page.getByRole('table', { name: 'Các hồ sơ, sự kiện không được chấp nhận' });
      await table.waitFor();
      const row = joinLines(await table.locator('tbody tr').allInnerTexts());
      expect(row).toContain('E2E-LATE');
      expect(row).toContain('extension_too_late');
      expect(row).toContain('01 ngày làm việc trước ngày hẹn trả');
      expect(await importButton.getAttribute('aria-disabled')).toBe('true');
      await expectAccessible(page, 'history import with refusals');

      await page
        .getByLabel('Tệp dữ liệu chuyển đổi (.json)')
        .setInputFiles(
          asFile('ho-so-cu.json', historyFile([{ ...SCENARIOS.early, previousCode: 'E2E-001' }])),
        );
      await page.getByRole('button', { name: 'Chạy thử' }).click();
      await page.getByText('Chạy thử thành công: 1 hồ sơ sẽ được nhập').waitFor();
      await importButton.click();
      await page.getByText('Đã nhập 1 hồ sơ.').waitFor();

      // Imported once: the same file again would skip it.
      const again = await page.request.post('/api/v1/admin/import/dossiers?dryRun=true', {
        data: historyFile([{ ...SCENARIOS.early, previousCode: 'E2E-001' }]),
        headers: {
          'x-csrf-token': await page.evaluate(async () => {
            const res = await fetch('/api/v1/auth/session');
            return ((await res.json()) as { csrfToken: string }).csrfToken;
          }),
        },
      });
      expect(again.status()).toBe(200);
      expect((await again.json()).skipped).toHaveLength(1);
    } finally {
      await page.context().close();
    }
  });
});
