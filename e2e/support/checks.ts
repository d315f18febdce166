/** Checks made on the pages of every test. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { checkAccessibility, formatViolations } from './browser.ts';

/** The rendered text of what a locator matches (several elements: one per line). */
export const joinLines = (texts: string[]) => texts.join('\n');

/**
 * No WCAG 2.1 A or AA violation found by axe on the page and, with `checkOverflow` (the default), no
 * scrolling sideways: the page fits its viewport.
 */
export async function expectAccessible(
  page: Page,
  what: string,
  { checkOverflow = true }: { checkOverflow?: boolean } = {},
): Promise<void> {
  const violations = await checkAccessibility(page);
  expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
  if (!checkOverflow) return;
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}
