/**
 * A satisfaction survey as the counter sees it: the counter officer opens the tablet page, a
 * citizen answers it there without signing in (one element per page, an unanswered question is
 * named beside it), the tablet thanks and starts over, and the reform officer finds the answer in
 * the results, counted against the sample the returned dossiers need.
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

describe('satisfaction survey at the counter', () => {
  it('is answered on the counter tablet page and shows in the reform officer’s results', async () => {
    // What the results count before this answer: other files on the shared server answer surveys too.
    const officer = await openPage();
    opened.push(officer);
    await signIn(officer, 'cchc', '/can-bo/khao-sat');
    await officer.getByRole('heading', { name: 'Kết quả khảo sát' }).waitFor();
    await expect.poll(() => officer.locator('.survey-collected').count()).toBe(1);
    const before = {
      collected: Number(/^Đã thu (\d+)/.exec(await officer.locator('.survey-collected').innerText())![1]),
      atCounter: Number(/Tại quầy: (\d+)/.exec(await officer.locator('main').innerText())?.[1] ?? 0),
    };

    const counter = await openPage();
    opened.push(counter);
    await signIn(counter, 'tiepnhan', '/can-bo/khao-sat');
    await counter.getByRole('button', { name: 'Mở trang khảo sát trên máy tính bảng' }).click();
    const link = counter.getByRole('link', { name: 'Mở trang khảo sát tại quầy' });
    const kioskPath = (await link.getAttribute('href'))!;
    expect(kioskPath).toMatch(/^\/khao-sat\/quay\//);

    // The tablet: another browser, nobody signed in, a 360 px screen.
    const tablet = await openPage(SMALL_PHONE);
    opened.push(tablet);
    await tablet.goto(kioskPath);
    await tablet.getByText('Phần 1 / 5').waitFor();
    await tablet.getByRole('heading', { level: 2, name: 'Tiếp cận dịch vụ' }).waitFor();
    await expectAccessible(tablet, 'the counter tablet page');
    await tablet.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => tablet.locator('.error-summary').innerText()).toContain('Chọn một câu trả lời');

    for (let part = 1; part <= 5; part++) {
      await tablet.getByText(`Phần ${part} / 5`).waitFor();
      const groups = tablet.locator('form fieldset');
      const n = await groups.count();
      for (let i = 0; i < n; i++) await groups.nth(i).locator('.radios__label').first().click();
      await tablet.getByRole('button', { name: part === 5 ? 'Gửi ý kiến' : 'Tiếp tục' }).click();
    }
    await tablet.getByText('Cảm ơn Ông/Bà đã trả lời khảo sát').waitFor();
    await expectAccessible(tablet, 'the thanks on the tablet');
    await tablet.getByRole('button', { name: 'Người tiếp theo trả lời' }).click();
    await tablet.getByText('Phần 1 / 5').waitFor();

    await officer.reload();
    await officer.getByRole('heading', { name: 'Kết quả khảo sát' }).waitFor();
    const collected = officer.locator('.survey-collected');
    await expect
      .poll(() => collected.innerText())
      .toMatch(new RegExp(`^Đã thu ${before.collected + 1} / cần \\d+ phiếu$`));
    const row = officer.getByRole('row', { name: /Công chức giải quyết công việc/ });
    expect(await row.innerText()).toContain('100%');
    expect(await officer.locator('main').innerText()).toContain(`Tại quầy: ${before.atCounter + 1}`);
    await expectAccessible(officer, 'the survey results');

    // A new version: a draft from the published one, edited, refused without text, then published.
    await officer.getByRole('button', { name: 'Tạo phiên bản mới' }).click();
    await officer
      .getByRole('heading', { level: 1, name: /Sửa dự thảo phiếu khảo sát, phiên bản 2/ })
      .waitFor();
    await expectAccessible(officer, 'the questionnaire editor');
    await officer.getByRole('button', { name: 'Thêm câu hỏi' }).click();
    await officer.getByRole('button', { name: 'Công bố phiếu' }).click();
    await expect.poll(() => officer.locator('.error-summary').innerText()).toContain('Nhập nội dung câu hỏi');
    const last = officer.locator('fieldset.survey-editor__question').last();
    await last.getByLabel('Nội dung câu hỏi').fill('Ông/Bà hài lòng với thời gian chờ đến lượt');
    await officer.getByRole('button', { name: 'Công bố phiếu' }).click();
    await officer.getByText('Phiếu đã công bố không sửa được').waitFor();
    expect(await officer.locator('main').innerText()).toContain('Ông/Bà hài lòng với thời gian chờ đến lượt');
  });
});
