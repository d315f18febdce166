/**
 * The PAR Index as its people see it: the reform officer imports a province's criteria (a file
 * with a wrong sum is refused, row by row), self-scores the agency with evidence and submits; the
 * appraiser adjusts a criterion with a comment and enters the survey points; the reform officer
 * turns the criteria that lost points into remediation tasks of the reform plan. The criteria are
 * the test's own, for last year, so they do not meet the demo's template of this year.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/checks.ts';
import { signIn } from './support/staff.ts';
import { useBrowser } from './support/suite.ts';

const openPage = useBrowser();
const opened: Awaited<ReturnType<typeof openPage>>[] = [];
afterAll(async () => {
  for (const page of opened) await page.context().close();
});

const THIS_YEAR = new Date().getFullYear();
const YEAR = THIS_YEAR - 1;
const EVIDENCE = join(import.meta.dirname, '../packages/server/test/fixtures/scan.jpg');
const criteria = (areaMax: number) => ({
  format: 'motcua.par-criteria',
  version: 1,
  title: `Bộ tiêu chí thử nghiệm năm ${YEAR}`,
  criteria: [
    { code: '1', name: 'Chỉ đạo, điều hành cải cách hành chính', maxPoints: areaMax },
    { code: '1.1', name: 'Ban hành kế hoạch CCHC kịp thời', maxPoints: 2, owner: 'SNV.VP' },
    { code: '1.2', name: 'Kiểm tra công tác CCHC', maxPoints: 2, owner: 'SNV.TTRA' },
    { code: '1.3', name: 'Điều tra xã hội học về chỉ đạo điều hành', maxPoints: 1, survey: true },
  ],
});

describe('PAR Index self-assessment, appraisal and remediation', () => {
  let assessmentUrl = '';

  it('imports criteria, scores the agency with evidence and submits it', async () => {
    const bad = join(tmpdir(), `par-bad-${process.pid}.json`);
    const good = join(tmpdir(), `par-good-${process.pid}.json`);
    await writeFile(bad, JSON.stringify(criteria(6)));
    await writeFile(good, JSON.stringify(criteria(5)));
    const page = await openPage();
    opened.push(page);
    await signIn(page, 'cchc', '/can-bo/cai-cach/chi-so-cchc');
    await page.getByRole('heading', { name: 'Nhập bộ tiêu chí', level: 2 }).waitFor();
    await page.getByLabel('Năm đánh giá').fill(String(YEAR));
    await page.getByLabel('Tệp bộ tiêu chí').setInputFiles(bad);
    await page.getByRole('button', { name: 'Nhập bộ tiêu chí' }).click();
    await expect
      .poll(() => page.locator('main').innerText())
      .toContain('Điểm tối đa của 1 là 6 nhưng các tiêu chí con cộng lại 5');
    await page.getByLabel('Tệp bộ tiêu chí').setInputFiles(good);
    await page.getByRole('button', { name: 'Nhập bộ tiêu chí' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Đã nhập 4 tiêu chí.');

    await page.getByRole('button', { name: `Xem ${YEAR}` }).click();
    await page.getByRole('heading', { name: `Các bản tự đánh giá ${YEAR}` }).waitFor();
    await page.getByRole('button', { name: 'Mở bản tự đánh giá' }).click();
    await page
      .getByRole('table', { name: 'Các bản tự đánh giá' })
      .getByRole('link', { name: 'Sở Nội vụ', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Sở Nội vụ' }).waitFor();
    assessmentUrl = new URL(page.url()).pathname;
    expect(await page.locator('main').innerText()).toContain('Chưa chấm');

    await page.getByRole('link', { name: /^1\.1 / }).click();
    await page.getByLabel('Điểm tự chấm').fill('2,5');
    await page.getByRole('button', { name: 'Lưu điểm' }).click();
    await expect
      .poll(() => page.locator('#f-points-error').innerText())
      .toContain('Điểm tối đa của tiêu chí 1.1 là 2');
    await page.getByLabel('Điểm tự chấm').fill('2');
    await page.getByRole('button', { name: 'Lưu điểm' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Đã lưu điểm.');
    await page.getByLabel('Tệp tài liệu kiểm chứng').setInputFiles(EVIDENCE);
    await page.getByRole('button', { name: 'Đính kèm tài liệu' }).click();
    await page.getByRole('link', { name: 'scan.jpg' }).waitFor();
    await expectAccessible(page, 'criterion with points and evidence');

    await page.getByRole('link', { name: 'Tiêu chí tiếp theo: 1.2' }).click();
    await page.getByRole('heading', { level: 1, name: /^1\.2 / }).waitFor();
    await page.getByLabel('Điểm tự chấm').fill('2');
    await page.getByRole('button', { name: 'Lưu điểm' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Đã lưu điểm.');

    await page.getByRole('link', { name: 'Quay lại bản tự đánh giá' }).click();
    await page.getByRole('button', { name: 'Gửi thẩm định' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Chờ thẩm định');
    // Locked: the scoring form is gone.
    expect(await page.getByRole('button', { name: 'Gửi thẩm định' }).count()).toBe(0);
  });

  it('lets the appraiser adjust points with a comment, add survey points and finish', async () => {
    const page = await openPage();
    opened.push(page);
    await signIn(page, 'thamdinh', assessmentUrl);
    await page.getByRole('heading', { name: 'Kết quả tự đánh giá và thẩm định' }).waitFor();
    await page.getByRole('link', { name: 'Kiểm tra công tác CCHC' }).click();
    await page.getByLabel('Điểm thẩm định').fill('0,5');
    await page.getByRole('button', { name: 'Lưu thẩm định' }).click();
    await expect.poll(() => page.locator('#f-comment-error').innerText()).toContain('Ghi nhận xét');
    await page.getByLabel('Nhận xét của thẩm định').fill('Chưa kiểm tra đủ 30% đơn vị');
    await page.getByRole('button', { name: 'Lưu thẩm định' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Đã lưu điểm.');
    await page.getByRole('link', { name: 'Tiêu chí tiếp theo: 1.3' }).click();
    await page.getByRole('heading', { level: 1, name: /^1\.3 / }).waitFor();
    await page.getByLabel('Điểm điều tra xã hội học').fill('0,75');
    await page.getByLabel('Nguồn điểm điều tra').fill(`Quyết định công bố Chỉ số CCHC năm ${YEAR}`);
    await page.getByRole('button', { name: 'Lưu thẩm định' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Đã lưu điểm.');
    await page.getByRole('link', { name: 'Quay lại bản tự đánh giá' }).click();
    await page.getByRole('button', { name: 'Kết thúc thẩm định' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Đã thẩm định');
    const row = page.getByRole('row', { name: /Kiểm tra công tác CCHC/ });
    expect(await row.innerText()).toContain('Chưa kiểm tra đủ 30% đơn vị');
    expect(await page.locator('main').innerText()).toContain('3,25 / 5');
  });

  it('turns the criteria that lost points into remediation tasks with owners', async () => {
    const page = await openPage();
    opened.push(page);
    await signIn(page, 'cchc', assessmentUrl);
    await page.getByRole('heading', { name: 'Lập kế hoạch khắc phục', level: 2 }).waitFor();
    const plan = page.getByLabel('Kế hoạch CCHC nhận nhiệm vụ');
    const options = await plan.locator('option').allInnerTexts();
    await plan.selectOption({ label: options.find((o) => o.startsWith(`${THIS_YEAR} —`))! });
    await page.getByLabel('Hạn hoàn thành').fill(`25/03/${THIS_YEAR + 1}`);
    // The chosen plan's units load after the choice; the form names one before it is sent.
    const unit = page.getByLabel('Đơn vị chủ trì khi bộ tiêu chí không nêu');
    await expect.poll(() => unit.locator('option').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Lập kế hoạch khắc phục' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Đã tạo 2 nhiệm vụ khắc phục.');
    await page
      .getByRole('row', { name: /Kiểm tra công tác CCHC/ })
      .getByRole('link', { name: 'Nhiệm vụ khắc phục' })
      .click();
    await page.getByRole('heading', { level: 1, name: /Khắc phục tiêu chí 1\.2/ }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Thanh tra Sở');
    expect(text).toContain(`25/03/${THIS_YEAR + 1}`);
    expect(text).toContain('Chưa kiểm tra đủ 30% đơn vị');
  });
});
