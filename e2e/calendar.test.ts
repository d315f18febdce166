/**
 * An administrator keeps the working-day calendar: confirms a year's Tết once the Government has
 * announced it, checks a day entered from the press, and sets an agency's reading of Decision 766.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/checks.ts';
import { signIn } from './support/staff.ts';
import { useBrowser } from './support/suite.ts';

const openPage = useBrowser();

describe('the working-day calendar administration', () => {
  it('confirms a computed Tết, confirms a flagged day, and saves an agency’s counting rule', async () => {
    const page = await openPage();
    await signIn(page, 'admin', '/can-bo/quan-tri/lich?year=2027');

    // 2027's Tết comes from the lunar calendar until someone confirms the announcement.
    const tet = page.getByRole('region', { name: 'Tết Nguyên đán năm 2027' });
    await expect.poll(() => tet.textContent()).toContain('chưa công bố');
    await expect.poll(() => tet.textContent()).toContain('05/02/2027');
    await expectAccessible(page, 'the calendar of 2027 with its computed Tết');
    await tet.getByRole('button', { name: 'Xác nhận lịch nghỉ Tết 2027 đã được công bố' }).click();
    await expect.poll(() => tet.textContent()).toContain('Đã xác nhận lịch nghỉ Tết năm 2027.');
    await page.reload();
    await expect.poll(() => tet.textContent()).toContain('đã công bố, quản trị viên đã xác nhận');
    // Taken back, so that the rest of the suite sees the calendar as seeded.
    await tet.getByRole('button', { name: /Hủy xác nhận/ }).click();
    await expect.poll(() => tet.textContent()).toContain('Đã hủy xác nhận lịch nghỉ Tết năm 2027.');

    // 2 January 2026 was entered from press reports: flagged until an administrator confirms it.
    await page.goto('/can-bo/quan-tri/lich?year=2026');
    const overrides = page.getByRole('table', { name: 'Ngày nghỉ, ngày làm bù được công bố' });
    const row = overrides.getByRole('row', { name: /02\/01\/2026/ });
    await expect.poll(() => row.textContent()).toContain('Cần xác nhận');
    await row.getByRole('button', { name: /Xác nhận/ }).click();
    await expect.poll(() => row.textContent()).not.toContain('Cần xác nhận');
    await page.getByRole('button', { name: 'Lưu ngày nghỉ, ngày làm bù' }).click();
    await expect.poll(() => page.getByText(/Đã lưu \d+ ngày được công bố/).count()).toBe(1);
    await page.reload();
    await expect.poll(() => row.textContent()).toContain('Nghỉ Tết Dương lịch');
    await expect.poll(() => row.textContent()).not.toContain('Cần xác nhận');

    // An agency may compare instants instead of days; the choice is kept.
    const units = await page.request.get('/api/v1/admin/units');
    const agency = (
      (await units.json()) as { items: { id: string; kind: string; active: boolean }[] }
    ).items.find((u) => u.kind === 'agency' && u.active);
    expect(agency).toBeDefined();
    await page.goto(`/can-bo/quan-tri/lich?year=2026&agency=${agency?.id}`);
    const rule = page.getByRole('group', { name: /Cách tính hồ sơ đúng hạn/ });
    await expect.poll(() => rule.getByLabel('Theo ngày hẹn trả (mặc định)').isChecked()).toBe(true);
    await rule.getByLabel('Theo thời điểm hẹn trả (giờ, phút)').check();
    await page.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
    await expect.poll(() => page.getByText('Đã lưu giờ làm việc và thời hạn.').count()).toBe(1);
    await page.reload();
    await expect.poll(() => rule.getByLabel('Theo thời điểm hẹn trả (giờ, phút)').isChecked()).toBe(true);
    await expectAccessible(page, 'the calendar with the agency’s counting rule');
    await rule.getByLabel('Theo ngày hẹn trả (mặc định)').check();
    await page.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
    await expect.poll(() => page.getByText('Đã lưu giờ làm việc và thời hạn.').count()).toBe(1);
  });
});
