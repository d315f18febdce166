/**
 * The reform office's year as its people see it: the reform officer drafts a plan with a target
 * bound to the on-time rate and one reported by hand with evidence, issues it, assigns a task to
 * each of two units; one unit's head reports progress with a file, the other unit's task is past
 * its deadline and is flagged as behind. The plan is for last year, so the missed deadline is a
 * real one whatever the day the test runs (the demo already has this year's plan).
 */
import { join } from 'node:path';
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

const YEAR = new Date().getFullYear() - 1;
const TITLE = `Kế hoạch cải cách hành chính năm ${YEAR} (bổ sung)`;
/** A real file for the evidence and the report: the photo the server tests upload. */
const EVIDENCE = join(import.meta.dirname, '../packages/server/test/fixtures/scan.jpg');

describe('reform plan, targets and tasks', () => {
  let planUrl = '';

  it('lets the reform officer draft a plan with live and reported targets, issue it, and assign tasks to two units', async () => {
    const page = await openPage();
    opened.push(page);
    await signIn(page, 'cchc', '/can-bo/cai-cach');
    await page.getByRole('heading', { name: 'Lập kế hoạch mới' }).waitFor();
    await page.getByLabel('Năm kế hoạch').fill(String(YEAR));
    await page.getByLabel('Lập từ kế hoạch năm trước').selectOption({ label: 'Không, lập kế hoạch trống' });
    // A plan without a title is refused beside the field, and nothing is created.
    await page.getByRole('button', { name: 'Lập kế hoạch' }).click();
    await expect.poll(() => page.locator('#f-title-error').innerText()).toContain('Nhập tên kế hoạch');
    await page.getByLabel('Tên kế hoạch').fill(TITLE);
    await page
      .getByLabel('Mục đích')
      .fill('Triển khai toàn diện cải cách hành chính\nNâng cao chỉ số hài lòng');
    await page.getByRole('button', { name: 'Lập kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    planUrl = new URL(page.url()).pathname;
    expect(await page.locator('main').innerText()).toContain(
      'chỉ công chức tham mưu CCHC và lãnh đạo cơ quan xem được',
    );

    const addTarget = async (title: string, measure: string, value: string) => {
      await page.getByText('Thêm chỉ tiêu', { exact: true }).first().click();
      await page.getByLabel('Nội dung chỉ tiêu').fill(title);
      await page.getByLabel('Cách đo').selectOption({ label: measure });
      await page.getByLabel('Mức chỉ tiêu (%)').fill(value);
      await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
      await page.getByRole('cell', { name: new RegExp(title) }).waitFor();
      await page.locator('summary', { hasText: 'Thêm chỉ tiêu' }).click(); // close the panel
    };
    await addTarget(
      'Tỷ lệ hồ sơ đúng hạn và trước hạn',
      'Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn (hệ thống tự tính)',
      '90',
    );
    await addTarget('Cán bộ được đào tạo, bồi dưỡng', 'Báo cáo bằng tay, có tài liệu kiểm chứng', '100');

    // The figure reported by hand needs its evidence; with it, the target shows it and says it fell short.
    await page.locator('summary', { hasText: 'Báo cáo số liệu' }).click();
    await page.getByLabel('Tháng').selectOption('12');
    await page.getByLabel('Số liệu (%)').fill('60');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect
      .poll(() => page.locator('#f-file-error').innerText())
      .toContain('Chọn tệp tài liệu kiểm chứng');
    await page.getByLabel('Tài liệu kiểm chứng').setInputFiles(EVIDENCE);
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const manualRow = page.getByRole('row', { name: /Cán bộ được đào tạo/ });
    await expect.poll(() => manualRow.innerText()).toContain('60%');
    expect(await manualRow.innerText()).toContain('Không đạt');
    expect(await manualRow.innerText()).toContain('chưa đạt chỉ tiêu ≥ 100%');
    const onTimeRow = page.getByRole('row', { name: /Tỷ lệ hồ sơ đúng hạn/ });
    expect(await onTimeRow.innerText()).toMatch(/≥ 90% · Tỷ lệ hồ sơ giải quyết đúng hạn/);
    await page.locator('summary', { hasText: 'Báo cáo số liệu' }).click();
    await expectAccessible(page, 'draft plan with targets');

    await page.getByRole('button', { name: 'Ban hành kế hoạch' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Kế hoạch đã được ban hành');

    const assign = async (title: string, unit: string, deadline: string, province?: [string, string]) => {
      await page.locator('summary', { hasText: 'Giao nhiệm vụ' }).click();
      await page.getByLabel('Nội dung nhiệm vụ').fill(title);
      await page.getByLabel('Đơn vị thực hiện').selectOption({ label: unit });
      await page.getByLabel('Hạn hoàn thành').fill(deadline);
      if (province) {
        await page
          .getByLabel('Nguồn giao')
          .selectOption({ label: 'Văn bản của UBND tỉnh (phải hoàn thành 100% đúng hạn)' });
        await page.getByLabel('Số văn bản').fill(province[0]);
        await page.getByLabel('Ngày văn bản').fill(province[1]);
      }
      await page.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
      await page.locator('.task-list').getByRole('link', { name: title }).waitFor();
      await page.locator('summary', { hasText: 'Giao nhiệm vụ' }).click();
    };
    await assign(
      'Rà soát quy trình nội bộ lĩnh vực việc làm',
      'Phòng Việc làm - An toàn lao động',
      `31/12/${YEAR + 1}`,
    );
    await assign('Công khai thủ tục người có công', 'Phòng Người có công', `15/12/${YEAR}`, [
      '4334/UBND-KSTT',
      `20/07/${YEAR}`,
    ]);

    const late = page.locator('.task-list__item', { hasText: 'Công khai thủ tục người có công' });
    expect(await late.innerText()).toContain('Quá hạn');
    const behind = page.locator('.reform-behind');
    await expect
      .poll(() => behind.innerText())
      .toContain('Công khai thủ tục người có công — Phòng Người có công');
    await expectAccessible(page, 'issued plan with tasks');

    // An inspection of the employment unit, recorded, whose finding becomes a remediation task.
    await page.locator('summary', { hasText: 'Thêm đơn vị vào danh sách kiểm tra' }).click();
    const inspections = page.locator('section[aria-labelledby="inspections"]');
    await inspections
      .getByLabel('Đơn vị', { exact: true })
      .selectOption({ label: 'Phòng Việc làm - An toàn lao động' });
    await inspections.getByLabel('Ngày dự kiến kiểm tra').fill(`10/11/${YEAR}`);
    await inspections.getByRole('button', { name: 'Thêm đơn vị vào danh sách kiểm tra' }).click();
    await inspections.getByRole('cell', { name: 'Phòng Việc làm - An toàn lao động' }).waitFor();
    await page.locator('summary', { hasText: 'Thêm đơn vị vào danh sách kiểm tra' }).click();
    await page.locator('summary', { hasText: 'Ghi kết quả kiểm tra' }).click();
    await inspections.getByLabel('Ngày kiểm tra').fill(`12/11/${YEAR}`);
    await inspections.getByRole('button', { name: 'Ghi kết quả kiểm tra' }).click();
    await page.locator('summary', { hasText: 'Ghi phát hiện và giao khắc phục' }).click();
    await inspections.getByLabel('Nội dung phát hiện').fill('Chưa niêm yết đầy đủ thủ tục tại trụ sở');
    await inspections.getByLabel('Nhiệm vụ khắc phục').fill('Niêm yết lại thủ tục tại trụ sở');
    await inspections.getByLabel('Hạn hoàn thành').fill(`30/12/${YEAR + 1}`);
    await inspections.getByRole('button', { name: 'Ghi phát hiện và giao khắc phục' }).click();
    await page.locator('.task-list').getByRole('link', { name: 'Niêm yết lại thủ tục tại trụ sở' }).waitFor();
    await expect.poll(() => inspections.innerText()).toContain('Chưa niêm yết đầy đủ thủ tục tại trụ sở');
  });

  it("lets one unit's head report progress with a file, and shows the other unit's task behind", async () => {
    const page = await openPage();
    opened.push(page);
    await signIn(page, 'truongphong', planUrl);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const list = page.locator('.task-list');
    await list.getByRole('link', { name: 'Rà soát quy trình nội bộ lĩnh vực việc làm' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Rà soát quy trình nội bộ lĩnh vực việc làm' })
      .waitFor();
    await page.getByLabel('Tiến độ (%)').fill('50');
    await page.getByLabel('Nội dung đã thực hiện').fill('Đã rà soát 5/10 quy trình');
    await page.getByLabel(/^Tệp đính kèm/).setInputFiles(EVIDENCE);
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByRole('link', { name: 'Tệp đính kèm: scan.jpg' }).waitFor();
    expect(await page.locator('.summary-list').innerText()).toContain('50%');
    await expectAccessible(page, 'task with a progress report');

    const other = await openPage();
    opened.push(other);
    await signIn(other, 'truongphongncc', planUrl);
    const item = other.locator('.task-list__item', { hasText: 'Công khai thủ tục người có công' });
    await item.waitFor();
    expect(await item.innerText()).toContain('Quá hạn');
    // Each head sees the own unit's tasks only.
    expect(await other.locator('.task-list').innerText()).not.toContain('Rà soát quy trình nội bộ');
  });

  it("shows this year's demo plan with seed 001's targets, the on-time rate read from the office's dossiers", async () => {
    const page = await openPage(SMALL_PHONE);
    opened.push(page);
    await signIn(page, 'lanhdao', '/can-bo/cai-cach');
    await page
      .getByRole('link', { name: `Kế hoạch cải cách hành chính của Sở Nội vụ năm ${YEAR + 1}` })
      .click();
    const onTime = page.getByRole('row', { name: /giải quyết đúng hạn và trước hạn đạt từ 90%/ });
    await onTime.waitFor();
    expect(await page.locator('tr[data-target]').count()).toBe(10);
    // The demo office's dossiers were processed over the past months: the rate is a figure, not "no data".
    await expectAccessible(page, "this year's plan on a 360 px phone");
    expect(await onTime.locator('td').nth(1).innerText()).toMatch(/^\d+(,\d)?%$/);
  });
});
