/**
 * What every test file starts from: the address of the server under test, and one browser for the
 * file, launched before its tests and closed after them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser, type NewPageOptions, newPage } from './browser.ts';

export const baseUrl = inject('baseUrl');

/**
 * Registers the launch and the closing of the file's browser; the function it returns opens a page
 * on the server under test (close it with `page.context().close()`).
 */
export function useBrowser(): (options?: NewPageOptions) => Promise<Page> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return (options) => {
    if (!browser) throw new Error('The browser starts in beforeAll: open pages in the tests.');
    return newPage(browser, baseUrl, options);
  };
}
