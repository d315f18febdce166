/**
 * The e2e support for citizens works as a person would see it: "VNeID" at the test OpenID provider
 * signs a person in with their name and masked identity number, and a code read from the email that
 * arrived at the test mailbox signs in someone without VNeID.
 */
import { describe, expect, it } from 'vitest';
import { SMALL_PHONE } from './support/browser.ts';
import { expectAccessible } from './support/checks.ts';
import { citizens, signInCitizenByEmail, signInCitizenWithOidc } from './support/citizen.ts';
import { useBrowser } from './support/suite.ts';

const openPage = useBrowser();

describe('citizen sign-in', () => {
  it('signs a person in with VNeID at the OpenID provider and shows their identity number masked', async () => {
    const page = await openPage(SMALL_PHONE);
    try {
      const [an] = citizens;
      await signInCitizenWithOidc(page, an!);
      const summary = await page.locator('.summary-list').innerText();
      expect(summary).toContain(an!.name);
      expect(summary).toContain('0792******34');
      expect(summary).not.toContain(an!.identity_number);
      await expectAccessible(page, 'citizen home after VNeID sign-in');
    } finally {
      await page.context().close();
    }
  });

  it('signs someone without VNeID in with the code from the email that arrived', async () => {
    const page = await openPage(SMALL_PHONE);
    try {
      const email = `khach.${Date.now()}@e2e.example.vn`;
      await signInCitizenByEmail(page, email);
      expect(await page.locator('.summary-list').innerText()).toContain(email);
    } finally {
      await page.context().close();
    }
  });
});
