/**
 * A sweep of the portal's public and citizen pages on a 360 px phone: each passes axe-core with no
 * serious or critical violation, does not scroll sideways, and is usable by keyboard alone — Tab
 * from the top of the page reaches its main action, and the focused element shows where it is
 * (an outline or a box shadow). The citizen's journey itself is e2e/citizen-portal.test.ts; this
 * file only visits the pages, each in the state a person meets it.
 */
import { PDFDocument } from 'pdf-lib';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api.ts';
import { checkAccessibility, formatViolations, SMALL_PHONE } from './support/browser.ts';
import { citizens, signInCitizenByEmail, signInCitizenWithOidc, waitForMail } from './support/citizen.ts';
import { WORK_PERMIT } from './support/seed.ts';
import { signIn } from './support/staff.ts';
import { baseUrl, useBrowser } from './support/suite.ts';

const openPage = useBrowser();

/** No busy region left: what the page loads has arrived. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
  await page.locator('main h1').first().waitFor();
}

/**
 * The three checks of a page: axe (serious or critical violations), no sideways scroll at 360 px,
 * and a keyboard pass from the top of the page to `mainAction`, which must show its focus.
 */
async function sweep(page: Page, what: string, mainAction: Locator): Promise<void> {
  await settled(page);
  const violations = (await checkAccessibility(page)).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  // What sticks out, named in the failure: the innermost elements whose right edge passes 360 px.
  const wide =
    width > 360
      ? await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((el) => {
              if (el.getBoundingClientRect().right <= 360) return false;
              // Inside a container that scrolls or clips sideways it does not widen the page.
              for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
                if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX))
                  return false;
              return true;
            })
            .reverse()
            .slice(0, 5)
            .map(
              (el) => `${el.outerHTML.slice(0, 120)} (right ${Math.round(el.getBoundingClientRect().right)})`,
            ),
        )
      : [];
  expect(width, `${what} is wider than the 360 px screen:\n${wide.join('\n')}`).toBeLessThanOrEqual(360);

  // From the top of the page, as after loading it: Tab until the main action has the focus.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const target = mainAction.first();
  await target.waitFor();
  let reached = false;
  for (let presses = 0; presses < 120 && !reached; presses++) {
    await page.keyboard.press('Tab');
    reached = await target.evaluate((el) => el === document.activeElement);
  }
  expect(
    reached,
    `${what}: Tab never reaches ${await target.evaluate((el) => el.outerHTML.slice(0, 160))}`,
  ).toBe(true);
  const focus = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle, outlineWidth: s.outlineWidth, shadow: s.boxShadow };
  });
  const visible = (focus.outline !== 'none' && focus.outlineWidth !== '0px') || focus.shadow !== 'none';
  expect(visible, `${what}: the focused main action shows no focus (${JSON.stringify(focus)})`).toBe(true);
}

const main = (page: Page) => page.locator('main');
const button = (page: Page, name: string | RegExp) => main(page).getByRole('button', { name });
const link = (page: Page, name: string | RegExp) => main(page).getByRole('link', { name });

/** The checklist item of SNV-VL-001 the citizen uploads online. */
const DOCUMENT = 'Đề nghị hưởng trợ cấp thất nghiệp (theo mẫu)';

/** A small real PDF, as a phone's scanner app makes one (as in citizen-portal.test.ts). */
async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([420, 595]).drawText(text, { x: 40, y: 540, size: 14 });
  return Buffer.from(await doc.save());
}

/** Ten days ago as the e-form takes a date (d/m/yyyy). */
function tenDaysAgo(): string {
  const d = new Date(Date.now() - 10 * 86_400_000);
  return `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}`;
}

describe('every public page on a 360 px phone', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage(SMALL_PHONE);
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('home page', async () => {
    await page.goto('/');
    await sweep(page, 'home page', main(page).locator('a, button').first());
  });

  it('catalogue', async () => {
    await page.goto('/thu-tuc');
    await sweep(page, 'catalogue', main(page).locator('button[type="submit"]'));
  });

  it('procedure page, whose start button goes to the online application by code', async () => {
    await page.goto('/thu-tuc');
    await settled(page);
    const id = await page.evaluate(async () => {
      const r = await fetch('/api/v1/procedures/by-code/SNV-VL-001');
      return ((await r.json()) as { id: string }).id;
    });
    await page.goto(`/thu-tuc/${id}`);
    const start = link(page, 'Nộp trực tuyến');
    await sweep(page, 'procedure page', start);
    expect(await start.getAttribute('href')).toBe('/nop-truc-tuyen/SNV-VL-001');
  });

  it('dossier lookup', async () => {
    await page.goto('/tra-cuu-ho-so');
    await sweep(page, 'dossier lookup', main(page).locator('button[type="submit"]'));
  });

  it('document verification', async () => {
    await page.goto('/xac-thuc');
    await sweep(page, 'verification page', main(page).locator('button[type="submit"], input, a').first());
  });

  it('public board', async () => {
    await page.goto('/bang-theo-doi');
    await sweep(page, 'public board', main(page).locator('a, button, select, input').first());
  });

  it('staff sign-in', async () => {
    await page.goto('/dang-nhap');
    await sweep(page, 'staff sign-in', button(page, 'Đăng nhập'));
  });

  it('citizen sign-in', async () => {
    await page.goto('/dang-nhap-cong-dan');
    await sweep(page, 'citizen sign-in', button(page, 'Tiếp tục'));
  });

  it('feedback form and published feedback', async () => {
    await page.goto('/phan-anh');
    await sweep(page, 'feedback form', main(page).locator('button[type="submit"]'));
    await page.goto('/phan-anh/cong-khai');
    await sweep(page, 'published feedback', main(page).locator('a, button, input, select').first());
  });
});

describe('every citizen page on a 360 px phone', () => {
  let page: Page;
  /** The dossier the sweep submits, whose pages it then visits (the steps run in order). */
  const submitted = { code: '', id: '' };
  beforeAll(async () => {
    page = await openPage(SMALL_PHONE);
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') console.error('console:', m.text());
    });
    // The fourth test person: the journey of citizen-portal.test.ts uses the first two and
    // fees-results.test.ts the third, whose dossiers this sweep must not depend on.
    await signInCitizenWithOidc(page, citizens[3]!);
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('citizen home, with the choice of acting as oneself or for a business', async () => {
    await page.goto('/cong-dan');
    await sweep(page, 'citizen home', button(page, 'Lưu lựa chọn'));
    await sweep(page, 'citizen home (declare a business)', button(page, 'Khai báo doanh nghiệp'));
  });

  it('each question page of the online application and the documents step', async () => {
    await page.goto('/nop-truc-tuyen/SNV-VL-001');
    const next = button(page, 'Lưu và tiếp tục');
    // Each question arrives with nothing wrong said yet, and typing an answer does not move on.
    const noErrors = async (where: string) =>
      expect(await main(page).locator('.error-summary, .error-message').count(), where).toBe(0);
    const answer = async (label: string, value: string) => {
      await sweep(page, `online application: ${label}`, next);
      await noErrors(label);
      const field = main(page).getByLabel(label, { exact: true });
      await field.fill(value);
      expect(await field.inputValue({ timeout: 5_000 }), `${label}: typing moved off the question`).toBe(
        value,
      );
      await next.click();
      await field.waitFor({ state: 'detached' });
    };
    await answer('Họ và tên', 'Phạm Thị Dung');
    await answer('Số định danh cá nhân', '079301004567');
    await answer('Số điện thoại', '0912 345 678');
    // The work and payment questions: as many pages as the form has, each checked before it is answered.
    const firstControl = () =>
      main(page)
        .locator('form input, form select, form textarea')
        .first()
        .getAttribute('id', { timeout: 5_000 })
        .catch(() => null);
    for (let guard = 0; guard < 10; guard++) {
      await settled(page);
      const heading = await main(page).locator('h1').first().innerText();
      if (heading === 'Tải lên giấy tờ' || heading === 'Kiểm tra câu trả lời trước khi nộp') break;
      await sweep(page, `online application: ${heading}`, next);
      await noErrors(heading);
      const before = await firstControl();
      const fill = async (label: string, value: string) => {
        const field = main(page).getByLabel(label, { exact: true });
        if (await field.count()) await field.fill(value);
      };
      await fill('Ngày chấm dứt hợp đồng', tenDaysAgo());
      await fill('Số tháng đã đóng', '30');
      const bank = main(page).getByRole('radio', { name: 'Chuyển khoản ngân hàng' });
      if (await bank.count()) {
        // Choosing is not continuing: the question stays, chosen, until the button is pressed.
        await bank.check();
        await page.waitForTimeout(500);
        expect(await firstControl()).toBe(before);
        expect(await bank.isChecked()).toBe(true);
      }
      // Typing or choosing did not move on: still this question until the button is pressed.
      expect(await firstControl()).toBe(before);
      await next.click();
      await page.waitForFunction(
        (id) => document.querySelector('main form input, main form select, main form textarea')?.id !== id,
        before,
      );
    }

    await page.getByRole('heading', { level: 1, name: 'Tải lên giấy tờ' }).waitFor();
    await sweep(page, 'online application: documents', next);
  });

  it('the documents step with a file uploaded', async () => {
    const file = main(page).getByLabel(DOCUMENT);
    await file.setInputFiles({
      name: 'de-nghi-huong-tro-cap.pdf',
      mimeType: 'application/pdf',
      buffer: await pdf('De nghi huong tro cap that nghiep - Pham Thi Dung'),
    });
    await main(page).getByText('Đã tải lên: de-nghi-huong-tro-cap.pdf').waitFor();
    await sweep(page, 'online application: documents with a file', button(page, 'Lưu và tiếp tục'));
    await button(page, 'Lưu và tiếp tục').click();
  });

  it('check your answers', async () => {
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra câu trả lời trước khi nộp' }).waitFor();
    expect(await main(page).innerText()).toContain('de-nghi-huong-tro-cap.pdf');
    await sweep(page, 'check your answers', button(page, 'Nộp hồ sơ'));
    await button(page, 'Nộp hồ sơ').click();
  });

  it('the confirmation page', async () => {
    await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor();
    submitted.code = (await page.getByTestId('online-reference').innerText()).trim();
    expect(submitted.code).toMatch(/^000\.00\.\d{2}\.H29-\d{6}-\d{4}$/);
    await sweep(page, 'confirmation page', link(page, 'Tra cứu tình trạng hồ sơ'));
  });

  it('my dossier: the one just submitted', async () => {
    await page.goto('/cong-dan/ho-so');
    const row = link(page, submitted.code);
    await row.waitFor();
    submitted.id = (await row.getAttribute('href'))?.split('/').pop() ?? '';
    await page.goto(`/cong-dan/ho-so/${submitted.id}`);
    await page.getByRole('heading', { level: 1, name: submitted.code }).waitFor();
    await sweep(page, 'my dossier', main(page).locator('a, button').first());
  });

  it('dossier lookup with a result', async () => {
    await page.goto(`/tra-cuu-ho-so?ma=${encodeURIComponent(submitted.code)}`);
    await page.locator('#lookup-result-title').waitFor();
    expect(await main(page).innerText()).toContain(submitted.code);
    await sweep(page, 'dossier lookup with a result', main(page).locator('button[type="submit"]'));
  });

  it('an old link by procedure id is sent on to the address by code', async () => {
    const id = await page.evaluate(async () => {
      const r = await fetch('/api/v1/procedures/by-code/SNV-VL-001');
      return ((await r.json()) as { id: string }).id;
    });
    await page.goto(`/nop-truc-tuyen/${id}`);
    await page.waitForURL((url) => url.pathname === '/nop-truc-tuyen/SNV-VL-001');
  });

  it('my dossiers', async () => {
    await page.goto('/cong-dan/ho-so');
    await sweep(page, 'my dossiers', page.locator('.skip-link, main a, main button').first());
  });

  it('notification preferences', async () => {
    await page.goto('/cong-dan/thong-bao');
    await sweep(page, 'notification preferences', main(page).locator('button[type="submit"]'));
  });
});

describe('a person signed in by email code on a 360 px phone', () => {
  it('declares a business with a wrong tax code, sees the message next to the field, then acts for it', async () => {
    const page = await openPage(SMALL_PHONE);
    try {
      await signInCitizenByEmail(page, `dai.dien.${Date.now()}@e2e.example.vn`);
      await main(page).getByLabel('Mã số thuế').fill('0100107519');
      await main(page).getByLabel('Tên doanh nghiệp').fill('Công ty TNHH An Phát');
      await button(page, 'Khai báo doanh nghiệp').click();
      await main(page).locator('.error-summary').waitFor();
      await sweep(page, 'citizen home with a tax code error', main(page).locator('.error-summary a').first());
      expect(await main(page).locator('#f-taxCode-error').innerText()).toContain('chữ số kiểm tra');
      // Nothing typed is lost.
      expect(await main(page).getByLabel('Tên doanh nghiệp').inputValue()).toBe('Công ty TNHH An Phát');

      await main(page).getByLabel('Mã số thuế').fill('0100107518');
      await button(page, 'Khai báo doanh nghiệp').click();
      const option = main(page).getByRole('radio', {
        name: /Công ty TNHH An Phát \(mã số thuế 0100107518\)/,
      });
      await option.check();
      await button(page, 'Lưu lựa chọn').click();
      await main(page).getByText('Bạn đang thao tác thay cho Công ty TNHH An Phát.').waitFor();
      await page.goto('/cong-dan/ho-so');
      await settled(page);
      expect(await main(page).innerText()).toContain(
        'Đang thao tác thay cho Công ty TNHH An Phát (mã số thuế 0100107518)',
      );
    } finally {
      await page.context().close();
    }
  });
});

/**
 * A form filled and sent by keyboard alone, as a person without a mouse does: Tab from the top of
 * the page; on the first radio of a question not answered yet, Space chooses it (the first choice);
 * in a text field named in `typed`, its value is typed; on `send`, Enter. Every control Tab reaches in
 * the page's main part must show its focus; fails if Tab never gets to `send`.
 */
async function sendByKeyboard(page: Page, send: Locator, typed: Record<string, string> = {}): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const target = send.first();
  await target.waitFor();
  for (let presses = 0; presses < 150; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) {
      await page.keyboard.press('Enter');
      return;
    }
    const shown = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el?.closest('main') || el.tabIndex < 0) return null;
      const s = getComputedStyle(el);
      const visible = (s.outlineStyle !== 'none' && s.outlineWidth !== '0px') || s.boxShadow !== 'none';
      return visible ? null : el.outerHTML.slice(0, 160);
    });
    expect(shown, 'a control reached by Tab shows no focus').toBeNull();
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (el?.tagName !== 'INPUT') return null;
      const group =
        el.type === 'radio' && el.name
          ? [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${el.name}"]`)]
          : [];
      return { id: el.id, type: el.type, answered: group.some((r) => r.checked) };
    });
    if (focused?.type === 'radio' && !focused.answered) await page.keyboard.press('Space');
    else if (focused && focused.type === 'text') {
      const label = await page.evaluate(
        (id) => document.querySelector(`label[for="${id}"]`)?.textContent?.trim() ?? '',
        focused.id,
      );
      if (typed[label] !== undefined) await page.keyboard.type(typed[label]!);
    }
  }
  throw new Error(`Tab never reaches ${await target.evaluate((el) => el.outerHTML.slice(0, 160))}`);
}

describe('every page a token or a signed result opens, on a 360 px phone', () => {
  const opened: Page[] = [];
  /** Staff browsers by username, each signed in once. */
  const staffPages = new Map<string, Page>();
  /** What the set-up made: two returned dossiers (one rated by its link, one at the counter). */
  const made = { kioskPath: '', linkPath: '', ratePath: '', documentId: '', counterCode: '' };
  const person = citizens[3]!;

  afterAll(async () => {
    for (const page of [...opened, ...staffPages.values()]) await page.context().close();
  });

  async function staff(username: string, path = '/can-bo/ho-so'): Promise<Page> {
    let page = staffPages.get(username);
    if (!page) {
      page = await openPage();
      staffPages.set(username, page);
      await signIn(page, username, path);
    }
    return page;
  }

  /** A dossier of this person received at the counter, approved with a signed result, and returned. */
  async function returnedDossier(permitId: string, documents: string[]) {
    const counter = await staff('tiepnhan');
    const created = (await apiAs(counter, 'POST', '/dossiers', {
      procedureId: permitId,
      channel: 'counter',
      applicant: { name: person.name, idNumber: person.identity_number, phone: '0987654321' },
      checklist: documents.map((document) => ({ document, received: true })),
    })) as { id: string; code: string };
    let d = (await apiAs(counter, 'GET', `/dossiers/${created.id}`)) as {
      version: number;
      state: string;
      step: { role: string } | null;
      documents: { id: string; kind: string }[];
    };
    const act = async (page: Page, action: string, input: unknown = {}) => {
      d = await apiAs(page, 'POST', `/dossiers/${created.id}/actions/${action}`, {
        version: d.version,
        input,
      });
    };
    if (d.step?.role === 'counter_officer') await act(counter, 'forward_step');
    await act(await staff('chuyenvien'), 'forward_step');
    await act(await staff('truongphong'), 'forward_step');
    expect(d.state).toBe('awaiting_approval');
    await act(await staff('lanhdao'), 'approve', { outcome: 'granted', resultNumber: '1357/GPLĐ-SNV' });
    await act(counter, 'return_result', { channel: 'counter' });
    expect(d.state).toBe('returned');
    d = await apiAs(counter, 'GET', `/dossiers/${created.id}`);
    return { ...created, resultId: d.documents.find((x) => x.kind === 'result')?.id ?? '' };
  }

  it('is set up by the staff: two returned dossiers, the counter tablet, and an answered feedback', async () => {
    const list = (await (await fetch(`${baseUrl}/api/v1/procedures?pageSize=100`)).json()) as {
      items: { id: string; name: string }[];
    };
    const permit = list.items.find((p) => WORK_PERMIT.test(p.name))!;
    const procedure = (await (await fetch(`${baseUrl}/api/v1/procedures/${permit.id}`)).json()) as {
      documents: { name: string }[];
    };
    const names = procedure.documents.map((x) => x.name);
    const byLink = await returnedDossier(permit.id, names);
    const atCounter = await returnedDossier(permit.id, names);
    made.documentId = byLink.resultId;
    made.counterCode = atCounter.code;
    expect(made.documentId).toMatch(/^[0-9a-f-]{36}$/);
    const counter = await staff('tiepnhan');
    await expect
      .poll(
        async () =>
          (await counter.request.get(`/api/v1/surveys/dossiers/${byLink.id}/link`).then((r) => r.json()))
            .path ?? '',
      )
      .toMatch(/^\/khao-sat\//);
    made.linkPath = (
      (await apiAs(counter, 'GET', `/surveys/dossiers/${byLink.id}/link`)) as { path: string }
    ).path;

    // The counter officer opens the tablet page, as the staff page does it.
    await counter.goto('/can-bo/khao-sat');
    await counter.getByRole('button', { name: 'Mở trang khảo sát trên máy tính bảng' }).click();
    made.kioskPath = (await counter
      .getByRole('link', { name: 'Mở trang khảo sát tại quầy' })
      .getAttribute('href'))!;
    expect(made.kioskPath).toMatch(/^\/khao-sat\/quay\//);

    // The person sends feedback signed in with VNeID; it is assigned and answered; the answer's
    // email carries the rating link.
    const page = await openPage(SMALL_PHONE);
    opened.push(page);
    await signInCitizenWithOidc(page, person);
    const sent = (await apiAs(
      page,
      'POST',
      '/public/feedback',
      {
        topic: 'procedure',
        procedureId: permit.id,
        message: 'Đề nghị niêm yết rõ thời gian trả kết quả giấy phép lao động tại quầy.',
      },
      'citizen',
    )) as { id: string; reference: string };
    const cchc = await staff('cchc', '/can-bo/phan-anh');
    let c = (await apiAs(cchc, 'GET', `/feedback/${sent.id}`)) as {
      version: number;
      assignable: {
        units: { id: string; name: string }[];
        officers: { id: string; name: string; unitId: string }[];
      };
    };
    const unit = c.assignable.units.find((u) => u.name === 'Phòng Việc làm - An toàn lao động')!;
    const officer = c.assignable.officers.find((o) => o.name === 'Trần Văn Minh' && o.unitId === unit.id)!;
    c = await apiAs(cchc, 'POST', `/feedback/${sent.id}/actions/assign`, {
      version: c.version,
      unitId: unit.id,
      assigneeId: officer.id,
    });
    const minh = await staff('chuyenvien', '/can-bo/phan-anh');
    await apiAs(minh, 'POST', `/feedback/${sent.id}/actions/answer`, {
      version: c.version,
      answer: 'Sở đã niêm yết thời gian trả kết quả tại quầy và trên Cổng dịch vụ công.',
    });
    const mail = await waitForMail(person.email, `${sent.reference} đã được trả lời`);
    made.ratePath = new URL(/(https?:\/\/\S+\/phan-anh\/danh-gia\/\S+)/.exec(mail.text)![1]!).pathname;
  });

  it('kiosk survey: each part by keyboard, then the thanks', async () => {
    const tablet = await openPage(SMALL_PHONE);
    opened.push(tablet);
    await tablet.goto(made.kioskPath);
    await tablet.getByText('Phần 1 / 5').waitFor();
    await sweep(tablet, 'kiosk survey', button(tablet, 'Tiếp tục'));
    for (let part = 1; part <= 5; part++) {
      await tablet.getByText(`Phần ${part} / 5`).waitFor();
      await sendByKeyboard(tablet, button(tablet, part === 5 ? 'Gửi ý kiến' : 'Tiếp tục'));
    }
    await tablet.getByText('Cảm ơn Ông/Bà đã trả lời khảo sát').waitFor();
    await sweep(tablet, 'kiosk survey: the thanks', button(tablet, 'Người tiếp theo trả lời'));
    await tablet.keyboard.press('Enter');
    await tablet.getByText('Phần 1 / 5').waitFor();
  });

  it('link survey: the dossier rated and the survey answered, by keyboard', async () => {
    const page = await openPage(SMALL_PHONE);
    opened.push(page);
    await page.goto(made.linkPath);
    const rating = main(page).getByRole('region', { name: 'Đánh giá việc giải quyết hồ sơ' });
    await rating.waitFor();
    await sweep(page, 'link survey', rating.getByRole('button', { name: 'Gửi đánh giá' }));
    await sendByKeyboard(page, rating.getByRole('button', { name: 'Gửi đánh giá' }));
    await rating.getByText('Cảm ơn Ông/Bà đã đánh giá').waitFor();
    for (let part = 1; part <= 5; part++) {
      await page.getByText(`Phần ${part} / 5`).waitFor();
      await sendByKeyboard(page, button(page, part === 5 ? 'Gửi ý kiến' : 'Tiếp tục'));
    }
    await page.getByText('Cảm ơn Ông/Bà đã trả lời khảo sát').waitFor();
    // Not a dead end: the thanks say where to go next, and so does the link opened again.
    await sweep(page, 'link survey: the thanks', link(page, 'Tra cứu tình trạng hồ sơ khác'));
    await page.goto(made.linkPath);
    await main(page).locator('.notice').first().waitFor();
    await sweep(page, 'link survey answered before', link(page, 'Tra cứu tình trạng hồ sơ khác'));
  });

  it('counter tablet rating: the code typed and a choice made by keyboard, then the thanks', async () => {
    const tablet = await openPage(SMALL_PHONE);
    opened.push(tablet);
    await tablet.goto(`/danh-gia-tai-quay/${made.kioskPath.split('/').pop()}`);
    await tablet
      .getByRole('heading', { level: 1, name: 'Đánh giá việc giải quyết hồ sơ tại quầy' })
      .waitFor();
    await sweep(tablet, 'counter tablet rating', button(tablet, 'Gửi đánh giá'));
    const label = (await main(tablet).locator('label[for="f-dossierCode"]').innerText()).trim();
    await sendByKeyboard(tablet, button(tablet, 'Gửi đánh giá'), { [label]: made.counterCode });
    await tablet.getByText('Cảm ơn Ông/Bà đã đánh giá').waitFor();
    await sweep(tablet, 'counter tablet rating: the thanks', button(tablet, 'Người tiếp theo trả lời'));
    await tablet.keyboard.press('Enter');
    await expect.poll(() => main(tablet).getByLabel(label).inputValue()).toBe('');
  });

  it('answer rating: the answer read and rated by keyboard, once', async () => {
    const page = await openPage(SMALL_PHONE);
    opened.push(page);
    await page.goto(made.ratePath);
    await page.getByRole('heading', { level: 1, name: 'Đánh giá câu trả lời phản ánh' }).waitFor();
    expect(await main(page).innerText()).toContain('Sở đã niêm yết thời gian trả kết quả');
    await sweep(page, 'answer rating', button(page, 'Gửi đánh giá'));
    await sendByKeyboard(page, button(page, 'Gửi đánh giá'));
    await page.getByText('Cảm ơn Ông/Bà đã đánh giá').waitFor();
    // Not a dead end: the thanks say where to go next, and so does the link opened again.
    const published = link(page, 'Xem các phản ánh, kiến nghị đã được trả lời công khai');
    await sweep(page, 'answer rating: the thanks', published);
    await page.goto(made.ratePath);
    await page.getByText('Câu trả lời này đã được đánh giá. Cảm ơn Ông/Bà.').waitFor();
    await sweep(page, 'answer rating once rated', published);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/phan-anh/cong-khai');
  });

  it('a signed result opened from its QR code', async () => {
    const page = await openPage(SMALL_PHONE);
    opened.push(page);
    await page.goto(`/xac-thuc/${made.documentId}`);
    await page.getByText('Văn bản hợp lệ').first().waitFor();
    expect(await main(page).innerText()).not.toContain(person.name);
    await sweep(page, 'signed result', link(page, /tệp khác|Xác thực/));
  });
});
