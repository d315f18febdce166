/**
 * Citizens in end-to-end tests: signing in as a person does (with "VNeID" at the test OpenID
 * provider, or with a code read from the email that arrived), and reading the email the server sent.
 * The mailbox and the provider run in the global setup (global-setup.ts).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import type { MailMessage } from './mailbox.ts';
import type { TestPerson } from './people.ts';

export type { MailMessage } from './mailbox.ts';
export type { TestPerson } from './people.ts';

/** The test mailbox's endpoint. */
export const mailUrl = inject('mailUrl');

/** The people the test OpenID provider signs in; each has their own subject, name and identity number. */
export const citizens: TestPerson[] = inject('citizens');

/** Every message the mailbox received for `to` (any recipient when omitted), oldest first. */
export async function mailTo(to?: string): Promise<MailMessage[]> {
  const url = new URL('/messages', mailUrl);
  if (to) url.searchParams.set('to', to);
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`The test mailbox answered ${response.status} for ${url.href}`);
  return (await response.json()) as MailMessage[];
}

export interface WaitForMailOptions {
  /** How long to wait; 30 s by default (the server delivers every second). */
  timeoutMs?: number;
  /** Only a message received at or after this time (e.g. taken just before the action that sends it). */
  since?: Date;
  /**
   * Only a message after the first `after` to this address (their count taken just before the action
   * that sends it). Unlike `since`, an earlier message received moments before can never be taken for
   * the new one.
   */
  after?: number;
}

const matches = (subject: string, match: string | RegExp) =>
  typeof match === 'string' ? subject.includes(match) : match.test(subject);

/**
 * The newest message to `to` whose subject contains `subjectMatch` (or matches it), waiting for it to
 * arrive. On a timeout the error lists what did arrive for that address, so a wrong subject or a
 * missing message is told apart at once.
 */
export async function waitForMail(
  to: string,
  subjectMatch: string | RegExp,
  { timeoutMs = 30_000, since, after = 0 }: WaitForMailOptions = {},
): Promise<MailMessage> {
  const deadline = Date.now() + timeoutMs;
  let arrived: MailMessage[] = [];
  for (;;) {
    arrived = await mailTo(to);
    const found = arrived
      .slice(after)
      .filter((m) => !since || new Date(m.receivedAt).getTime() >= since.getTime())
      .filter((m) => matches(m.subject, subjectMatch))
      .at(-1);
    if (found) return found;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const list = arrived.length
    ? arrived.map((m) => `  - ${m.receivedAt} "${m.subject}"`).join('\n')
    : '  (nothing)';
  throw new Error(
    `No email to ${to} with a subject matching ${String(subjectMatch)}` +
      `${since ? ` since ${since.toISOString()}` : ''} arrived within ${timeoutMs / 1000} s. What arrived for ${to}:\n${list}`,
  );
}

/**
 * Only the server under test and the provider, both on loopback, are reached: the provider's
 * development pages import a web font, which must not leave the machine.
 */
async function stayOnLoopback(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname),
    (route) => route.abort('blockedbyclient'),
  );
}

/** The portal's citizen sign-in page, loaded (it asks the server which ways of signing in it offers). */
async function openSignInPage(page: Page): Promise<void> {
  await page.goto('/dang-nhap-cong-dan');
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập dành cho công dân, tổ chức' }).waitFor();
}

/** Waits until the citizen's own page shows, signed in. */
async function landedHome(page: Page): Promise<void> {
  await page.waitForURL((url) => url.pathname === '/cong-dan', { timeout: 30_000 });
  await page.getByRole('heading', { level: 1, name: 'Trang của bạn' }).waitFor();
}

/**
 * Signs `person` in as a citizen does with VNeID: chooses it on the portal's sign-in page, signs in
 * at the provider's login page (devInteractions: the subject as login, any password), agrees on its
 * consent page when it asks, and lands on /cong-dan, signed in.
 */
export async function signInCitizenWithOidc(page: Page, person: Pick<TestPerson, 'sub'>): Promise<void> {
  await stayOnLoopback(page.context());
  await openSignInPage(page);
  await page.getByRole('radio', { name: /VNeID/ }).check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  // The provider's development login page.
  const login = page.locator('input[name="login"]');
  await login.waitFor({ timeout: 30_000 });
  await login.fill(person.sub);
  await page.locator('input[name="password"]').fill('e2e-any-password');
  await page.locator('button[type="submit"]').click();
  // Its consent page comes on the first sign-in of a person (the grant is remembered after).
  const consent = page.locator('input[name="prompt"][value="consent"]');
  await Promise.race([
    consent.waitFor({ state: 'attached', timeout: 30_000 }),
    page.waitForURL((url) => url.pathname === '/cong-dan', { timeout: 30_000 }),
  ]);
  if (new URL(page.url()).pathname !== '/cong-dan') {
    await page.locator('button[type="submit"]').click();
  }
  await landedHome(page);
}

/**
 * Signs in with a one-time code as a citizen without VNeID: types the address on the sign-in page,
 * reads the code from the email that arrives at the test mailbox, types it, and lands on /cong-dan.
 * The server sends one code a minute to an address: use a new address for each sign-in in a test.
 */
export async function signInCitizenByEmail(page: Page, email: string): Promise<void> {
  await stayOnLoopback(page.context());
  await openSignInPage(page);
  const emailOption = page.getByRole('radio', { name: 'Nhận mã qua email' });
  if (await emailOption.count()) await emailOption.check();
  await page.getByLabel('Địa chỉ email').fill(email);
  const before = (await mailTo(email)).length;
  await page.getByRole('button', { name: 'Gửi mã' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nhập mã xác nhận' }).waitFor();
  const mail = await waitForMail(email, /\b\d{6}\b/, { after: before });
  const code = /\b(\d{6})\b/.exec(mail.subject)?.[1] ?? /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code)
    throw new Error(`The sign-in email to ${email} carries no 6-digit code: ${mail.subject}\n${mail.text}`);
  await page.getByLabel('Mã xác nhận').fill(code);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await landedHome(page);
}
