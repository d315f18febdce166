/**
 * The reform officer drafts the last finished quarter's reform report from the demo office's data,
 * edits a section, corrects a figure and refreshes it back from the system, and downloads the DOCX;
 * the file read back has the national motto, the edit, and the quarter's dossier figures as Biểu
 * số 06 counts them.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/checks.ts';
import { signIn } from './support/staff.ts';
import { useBrowser } from './support/suite.ts';

const openPage = useBrowser();
const opened: Awaited<ReturnType<typeof openPage>>[] = [];
afterAll(async () => {
  for (const page of opened) await page.context().close();
});

/** The last quarter that has ended (in Vietnam). */
function lastQuarter(): { year: number; period: string; label: string; from: string; to: string } {
  const now = new Date(Date.now() + 7 * 3_600_000);
  const q = Math.floor(now.getUTCMonth() / 3); // the running quarter, 0-3
  const year = q === 0 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  const n = q === 0 ? 4 : q;
  const end = new Date(Date.UTC(year, n * 3, 0)).toISOString().slice(0, 10);
  const from = `${year}-${String(n * 3 - 2).padStart(2, '0')}-01`;
  return { year, period: `q${n}`, label: ['Quý I', 'Quý II', 'Quý III', 'Quý IV'][n - 1]!, from, to: end };
}

async function documentLines(file: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(file)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .map((l) => l.replace(/&amp;/g, '&'));
}

describe('periodic reform report', () => {
  it('lets the reform officer draft the quarterly report, edit a section, correct and refresh a figure, and export it as DOCX', async () => {
    const q = lastQuarter();
    const page = await openPage();
    opened.push(page);
    await signIn(page, 'cchc', '/can-bo/cai-cach/bao-cao');
    await page.getByRole('heading', { name: 'Lập báo cáo mới' }).waitFor();
    // A year that is not one is refused beside the field.
    await page.getByLabel('Năm báo cáo').fill('20');
    await page.getByRole('button', { name: 'Dự thảo báo cáo' }).click();
    await expect.poll(() => page.locator('#f-year-error').innerText()).toContain('Nhập năm báo cáo');
    await page.getByLabel('Năm báo cáo').fill(String(q.year));
    await page.getByLabel('Kỳ báo cáo').selectOption({ label: q.label });
    await page.getByRole('button', { name: 'Dự thảo báo cáo' }).click();
    const title = `Công tác cải cách hành chính ${q.label.replace('Quý', 'quý')} năm ${q.year}`;
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    const figures = page.locator('section[aria-labelledby="report-dossiers"]');
    expect(await figures.innerText()).toContain('Số liệu hệ thống tổng hợp ngày');
    await expectAccessible(page, 'drafted quarterly report');

    const difficulties = page.locator('section[aria-labelledby="sec-difficulties"]');
    await difficulties.getByLabel(/^Nội dung: III\./).fill('Thiếu máy quét tại quầy tiếp nhận.');
    await difficulties.getByRole('button', { name: 'Lưu phần này' }).click();
    await page.locator('tr[data-version="2"]').waitFor();
    expect(await page.locator('tr[data-version="2"]').innerText()).toContain('Chỉnh sửa');

    // A corrected figure marks the table as edited; "refresh figures" shows the change and puts the system's back.
    await page.locator('summary', { hasText: 'Sửa số liệu hồ sơ' }).click();
    const direct = page.locator('#f-dossiers-rows-0-receivedDirect');
    const counted = Number(await direct.inputValue());
    await direct.fill('-1');
    await page.getByRole('button', { name: 'Lưu số liệu' }).click();
    await expect
      .poll(() => page.locator('#f-dossiers-rows-0-receivedDirect-error').innerText())
      .toContain('số nguyên không âm');
    await direct.fill(String(counted + 5));
    await page.getByRole('button', { name: 'Lưu số liệu' }).click();
    await page.locator('tr[data-version="3"]').waitFor();
    await expect.poll(() => figures.innerText()).toContain('Đã được cán bộ chỉnh sửa');
    await page.getByRole('button', { name: 'Xem số liệu thay đổi' }).click();
    const change = page.locator('.report-changes');
    await expect
      .poll(() => change.innerText())
      .toContain(`Trực tiếp, bưu chính: ${counted + 5} → ${counted}`);
    await page.getByRole('button', { name: 'Áp dụng số liệu mới' }).click();
    await page.locator('tr[data-version="4"]').waitFor();
    await expect.poll(() => figures.innerText()).toContain('Số liệu hệ thống tổng hợp ngày');
    expect(await page.locator('tr[data-version="4"]').innerText()).toContain('Cập nhật số liệu');
    await expectAccessible(page, 'report after edits and a refresh');

    const download = page.getByRole('link', { name: 'Tải báo cáo (DOCX)' });
    await expect.poll(() => download.getAttribute('href')).toContain('version=4');

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const lines = await documentLines(await readFile((await file.path())!));
    expect(lines).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(lines).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(lines).toContain(title);
    expect(lines).toContain('Thiếu máy quét tại quầy tiếp nhận.');
    // The totals row of the dossier table: the quarter's Biểu 06, as the statistics report counts it.
    const api = await page.request.get(`/api/v1/reports/06?from=${q.from}&to=${q.to}`);
    const t = (await api.json()).totals;
    expect(t.receivedTotal).toBeGreaterThan(0);
    const at = lines.indexOf('Tổng cộng');
    expect(at).toBeGreaterThan(0);
    const shown = lines.slice(at + 1, at + 13).map((x) => Number(x.replace(/\D/g, '')));
    expect(shown).toEqual([
      t.receivedTotal,
      t.receivedOnline,
      t.receivedDirect,
      t.carriedOver,
      t.resolvedTotal,
      t.resolvedEarly,
      t.resolvedOnTime,
      t.resolvedLate,
      t.pendingTotal,
      t.pendingInTime,
      t.pendingOverdue,
      t.refused + t.withdrawn + t.stopped,
    ]);
  });
});
