/**
 * A work permit dossier from the counter to the result, through every hand: the counter officer
 * receives it and prints the receipt; the head of unit assigns it; the specialist asks for a
 * supplement, which the counter officer records; the specialist and the head of unit move it on;
 * the leader approves; the counter officer returns the result; and anyone with the code follows
 * every step on the public lookup page. Axe finds no WCAG 2.1 AA violation on the way.
 *
 * Sign-in is rate limited (10 a minute), so each person signs in once and keeps their browser.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SMALL_PHONE } from './support/browser.ts';
import { expectAccessible, joinLines } from './support/checks.ts';
import { returnResultAtCounter } from './support/counter.ts';
import { WORK_PERMIT } from './support/seed.ts';
import { actOnDossier as act, staffBrowsers } from './support/staff.ts';
import { useBrowser } from './support/suite.ts';

const REQUEST_LETTER = 'Văn bản đề nghị cấp giấy phép lao động của người sử dụng lao động';
const SUPPLEMENT = 'Bản sao hộ chiếu của người lao động nước ngoài';
const APPLICANT = 'Nguyễn Thị Lan Anh';

const openPage = useBrowser();
const pages = new Map<string, Page>();
/** Shared by the steps, which run in order. */
const dossier = { id: '', code: '' };

// Registered after the browser's own: runs before it is closed.
afterAll(async () => {
  for (const page of pages.values()) await page.context().close();
});

/** The browser of one member of staff, signed in once through the form, at `path`. */
const staff = staffBrowsers(openPage, pages);

async function stateOf(page: Page): Promise<string> {
  return page.locator('.dossier__status').innerText();
}

describe('a work permit dossier from the counter to the result', () => {
  it('is received at the counter, with its receipt printed and a scan attached', async () => {
    const page = await staff('tiepnhan', '/can-bo/quay');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Quầy tiếp nhận và trả kết quả');
    const nav = page.getByRole('navigation', { name: 'Chức năng' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(
      expect.arrayContaining(['Quầy tiếp nhận', 'Hồ sơ']),
    );
    await expectAccessible(page, 'counter');

    await page.getByLabel('Chọn thủ tục').fill('giay phep lao dong');
    await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
    await page.getByRole('link', { name: WORK_PERMIT }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra hồ sơ và thông tin người nộp' }).waitFor();

    // Nothing ticked, no name: the summary says what is missing and links to it.
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.innerText()).toContain(`Chưa nhận đủ giấy tờ bắt buộc: ${REQUEST_LETTER}`);
    await expectAccessible(page, 'counter form with errors');

    await page.getByLabel(REQUEST_LETTER).check();
    await page.getByLabel(/^Số bản/).fill('2');
    await page.getByLabel(/^Họ và tên người nộp/).fill(APPLICANT);
    await page.getByLabel(/^Số định danh/).fill('079188001234');
    await page.getByLabel(/^Số điện thoại/).fill('0912 345 678');
    await page.getByLabel(/^Địa chỉ/).fill('45 Nguyễn Huệ, phường Sài Gòn, Thành phố Hồ Chí Minh');
    await page.getByLabel(/^Tổ chức/).fill('Công ty TNHH Kỹ thuật Phương Nam');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Check your answers, then receive.
    await page
      .getByRole('heading', { level: 1, name: 'Kiểm tra lại thông tin trước khi tiếp nhận' })
      .waitFor();
    const answers = await page.locator('main').innerText();
    expect(answers).toContain(`${REQUEST_LETTER} (2 bản)`);
    expect(answers).toContain(APPLICANT);
    await expectAccessible(page, 'check your answers');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();

    await page.getByRole('heading', { level: 1, name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    dossier.id = page.url().split('/').pop() ?? '';
    dossier.code = (await page.getByTestId('dossier-code').innerText()).trim();
    expect(dossier.code).toMatch(/^000\.00\.12\.H29-\d{6}-\d{4}$/);
    expect(await page.locator('.confirmation__due').innerText()).toMatch(
      /^\d{2} giờ \d{2} phút, (thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), ngày \d{2} tháng \d{2} năm \d{4}$/,
    );
    await expectAccessible(page, 'receipt confirmation');

    // The receipt (form 01) opens in a new tab as a PDF.
    const receipt = page.context().waitForEvent('response', (r) => r.url().endsWith('/forms/01.pdf'));
    await page.getByRole('link', { name: /In giấy tiếp nhận và hẹn trả kết quả/ }).click();
    const response = await receipt;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');

    // A scan: a wrong type is refused in words, a PDF is attached.
    const file = page.getByLabel('Chọn tệp');
    await file.setInputFiles({
      name: 'ghi-chu.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('không phải bản quét'),
    });
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await page.getByRole('link', { name: /Tệp “ghi-chu.txt” không đúng loại/ }).waitFor();
    // A real PDF (uploads are checked by their whole content): the receipt just printed.
    await file.setInputFiles({
      name: 'van-ban-de-nghi.pdf',
      mimeType: 'application/pdf',
      buffer: await (
        await page.request.get(`${new URL(page.url()).origin}/api/v1/dossiers/${dossier.id}/forms/01.pdf`)
      ).body(),
    });
    await page.getByLabel(/^Tên tài liệu/).fill('Bản quét văn bản đề nghị');
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await page.getByText('Đã tải lên “Bản quét văn bản đề nghị”.').waitFor();
    await page
      .getByRole('table', { name: 'Tài liệu đính kèm' })
      .getByRole('rowheader', { name: /^Bản quét văn bản đề nghị/ })
      .waitFor();

    // The counter's own step is done: the dossier goes on to the specialists.
    const forward = page.getByRole('region', { name: 'Chuyển xử lý' });
    expect(await forward.innerText()).toContain('Thẩm định hồ sơ, dự thảo kết quả');
    await forward.getByRole('button', { name: 'Chuyển xử lý' }).click();
    await page.getByText('Đã chuyển hồ sơ sang bước “Thẩm định hồ sơ, dự thảo kết quả”.').waitFor();

    // In the queue, the time left is said in words (and an icon), not shown as a colour alone.
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Hồ sơ' }).click();
    const row = page.getByRole('row').filter({ hasText: dossier.code });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Còn \d+ (ngày|giờ)( \d+ (giờ|phút))? làm việc/);
    await expectAccessible(page, 'queue');
  });

  it('is assigned by the head of unit while the specialist asks for a supplement', async () => {
    // The specialist starts writing the supplement request…
    const specialist = await staff('chuyenvien', `/can-bo/ho-so/${dossier.id}`);
    await specialist.getByRole('heading', { level: 1, name: dossier.code }).waitFor();
    await expectAccessible(specialist, 'dossier page');
    await specialist.getByRole('button', { name: 'Yêu cầu bổ sung', exact: true }).click();
    const panel = specialist.getByRole('region', { name: 'Yêu cầu bổ sung', exact: true });
    await panel.getByLabel('Giấy tờ, nội dung cần bổ sung').fill(SUPPLEMENT);
    await panel.getByLabel('Lý do', { exact: true }).fill('Hồ sơ chưa có bản sao hộ chiếu còn giá trị');
    await panel.getByLabel(/^Họ và tên/).fill('Trần Văn Minh');
    await panel.getByLabel(/^Số điện thoại/).fill('02838291234');

    // …while the head of unit assigns the dossier to them.
    const head = await staff('truongphong', `/can-bo/ho-so/${dossier.id}`);
    await act(head, 'Phân công xử lý', async (assign) => {
      await assign.getByLabel('Người được phân công').selectOption({ label: 'Trần Văn Minh (Chuyên viên)' });
    });

    // The specialist's request meets a newer dossier: it says so, reloads, and keeps what was typed.
    await panel.getByRole('button', { name: 'Yêu cầu bổ sung', exact: true }).click();
    await panel.getByText(/Hồ sơ vừa được người khác cập nhật/).waitFor();
    await expect.poll(() => specialist.locator('main').innerText()).toContain('Người xử lý: Trần Văn Minh');
    expect(await panel.getByLabel('Giấy tờ, nội dung cần bổ sung').inputValue()).toBe(SUPPLEMENT);
    await panel.getByRole('button', { name: 'Yêu cầu bổ sung', exact: true }).click();
    await specialist.getByText('Đã thực hiện: Yêu cầu bổ sung.').waitFor();
    await expect.poll(() => stateOf(specialist)).toContain('Chờ bổ sung hồ sơ');
    await specialist
      .getByRole('link', { name: /^Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ \(mẫu 02\)/ })
      .waitFor();

    // Their own queue says the clock is stopped, in words.
    await specialist.goto('/can-bo/ho-so?assignee=me');
    await expect.poll(() => specialist.getByRole('heading', { level: 1 }).innerText()).toBe('Hồ sơ của tôi');
    const row = specialist.getByRole('row').filter({ hasText: dossier.code });
    await row.waitFor();
    expect(await row.innerText()).toContain('Tạm dừng: chờ bổ sung');
    await expectAccessible(specialist, 'my queue');
  });

  it('gets its supplement recorded at the counter', async () => {
    const counter = await staff('tiepnhan', `/can-bo/ho-so/${dossier.id}`);
    await act(counter, 'Tiếp nhận hồ sơ bổ sung', async (panel) => {
      await panel.getByLabel(SUPPLEMENT).check();
    });
    await expect.poll(() => stateOf(counter)).toContain('Đang xử lý');
  });

  it('is moved on by the specialist and the head of unit, and approved by the leader', async () => {
    const specialist = await staff('chuyenvien', `/can-bo/ho-so/${dossier.id}`);
    await act(specialist, 'Chuyển bước', async (panel) => {
      await panel.getByLabel(/^Ghi chú/).fill('Đủ điều kiện cấp giấy phép');
    });

    const head = await staff('truongphong', `/can-bo/ho-so/${dossier.id}`);
    await act(head, 'Chuyển bước');
    await expect.poll(() => stateOf(head)).toContain('Chờ phê duyệt, ký duyệt');

    const leader = await staff('lanhdao', '/can-bo/phe-duyet');
    await expect.poll(() => leader.getByRole('heading', { level: 1 }).innerText()).toBe('Phê duyệt hồ sơ');
    await leader.getByRole('button', { name: `Phê duyệt hồ sơ ${dossier.code}` }).click();
    const panel = leader.getByRole('region', { name: `Phê duyệt hồ sơ ${dossier.code}` });
    await panel.getByLabel('Đồng ý, ký duyệt kết quả').check();
    await panel.getByLabel(/^Số, ký hiệu văn bản kết quả/).fill('1234/GPLĐ-SNV');
    // What cannot be undone must be confirmed.
    await panel.getByRole('button', { name: `Phê duyệt hồ sơ ${dossier.code}` }).click();
    await panel.getByRole('link', { name: 'Đánh dấu ô xác nhận để thực hiện' }).waitFor();
    await panel.getByLabel('Tôi đã kiểm tra và xác nhận thực hiện thao tác này').check();
    await expectAccessible(leader, 'approval queue');
    await panel.getByRole('button', { name: `Phê duyệt hồ sơ ${dossier.code}` }).click();
    await leader.getByText(`Đã phê duyệt hồ sơ ${dossier.code}.`).waitFor();
  });

  it('has its result returned at the counter', async () => {
    const counter = await staff('tiepnhan', '/can-bo/quay');
    await returnResultAtCounter(counter, dossier.code, async (panel) => {
      expect(await panel.getByLabel('Trực tiếp tại Bộ phận Một cửa').isChecked()).toBe(true);
    });

    // Today's register (form 07) prints as a PDF in a new tab.
    const register = counter.context().waitForEvent('response', (r) => r.url().includes('/register/07.pdf'));
    await counter.getByRole('button', { name: /^In sổ theo dõi \(mẫu 07\)/ }).click();
    const response = await register;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
  });

  it('shows every step, in order, on the public lookup page', async () => {
    // Anonymous, on a 360 px phone, from the link in the public header.
    const citizen = await openPage(SMALL_PHONE);
    try {
      await citizen.goto('/');
      await citizen
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Tra cứu hồ sơ' })
        .click();
      await citizen.getByLabel('Mã hồ sơ').fill(dossier.code.toLowerCase());
      await citizen.getByRole('button', { name: 'Tra cứu' }).click();
      await citizen.waitForURL(
        (url) => url.pathname === '/tra-cuu-ho-so' && url.searchParams.get('ma') === dossier.code,
      );
      const result = citizen.getByRole('region', { name: `Hồ sơ ${dossier.code}` });
      await result.waitFor();
      const text = await result.innerText();
      expect(text).toContain('Đã trả kết quả');
      expect(text).toMatch(
        /Cấp giấy phép lao động (đối với|cho) người lao động nước ngoài làm việc tại Việt Nam/,
      );
      // Personal data is masked: the person who came for the company is not named, and the full name
      // and ID number never reach the public page; the company's own name is public.
      expect(text).toContain('Công ty TNHH Kỹ thuật Phương Nam');
      expect(text).not.toContain('Nguyễn T. L. A.');
      expect(text).toContain('Bạn cần làm gì tiếp theo');
      expect(text).not.toContain(APPLICANT);
      expect(text).not.toContain('079188001234');

      const titles = await result.locator('.timeline__title').allInnerTexts();
      expect(titles).toEqual([
        'Tiếp nhận hồ sơ',
        'Chuyển bước',
        'Phân công xử lý',
        'Yêu cầu bổ sung',
        'Tiếp nhận hồ sơ bổ sung',
        'Chuyển bước',
        'Chuyển bước',
        'Phê duyệt, ký duyệt',
        'Trả kết quả',
      ]);
      await expectAccessible(citizen, 'public lookup');

      // The address on the receipt's QR code opens the same page directly; a wrong code says so.
      await citizen.goto(`/tra-cuu-ho-so?ma=${encodeURIComponent(dossier.code)}`);
      await expect
        .poll(() => result.locator('.timeline__title').allInnerTexts().then(joinLines))
        .toContain('Trả kết quả');
      await citizen.getByLabel('Mã hồ sơ').fill('000.00.12.H29-000101-9999');
      await citizen.getByRole('button', { name: 'Tra cứu' }).click();
      await citizen
        .getByRole('link', { name: /Không tìm thấy hồ sơ có mã 000\.00\.12\.H29-000101-9999/ })
        .waitFor();
    } finally {
      await citizen.context().close();
    }
  });
});
