/**
 * The browser for end-to-end tests: Debian's chromium driven by playwright-core (no browser
 * download), pages in Vietnamese, and an accessibility check with axe-core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Result as AxeResult, RunOptions } from 'axe-core';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Launches headless chromium; each launch gets a fresh, temporary user data folder. */
export async function launchBrowser(): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (err) {
    throw new Error(
      `Could not start ${CHROMIUM} (run: bash scripts/ensure-test-deps.sh): ${(err as Error).message}`,
    );
  }
}

export type Viewport = 'desktop' | 'mobile';

export interface NewPageOptions {
  /** 'desktop' (1280×800, the default) or 'mobile' (390×844, touch, 2× pixels). */
  viewport?: Viewport;
  /** Anything else for the browser context (permissions, colour scheme, …). */
  context?: BrowserContextOptions;
}

const VIEWPORTS: Record<Viewport, BrowserContextOptions> = {
  desktop: { viewport: { width: 1280, height: 800 } },
  mobile: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};

/** A 360 px phone, the narrowest screen the pages are made for. */
export const SMALL_PHONE: NewPageOptions = {
  viewport: 'mobile',
  context: { viewport: { width: 360, height: 740 } },
};

/**
 * A page in a new browser context (its own cookies and storage) whose relative URLs resolve against
 * `baseUrl`, as a Vietnamese user in Vietnam sees it. Close it with `page.context().close()`.
 */
export async function newPage(
  browser: Browser,
  baseUrl: string,
  options: NewPageOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    ...VIEWPORTS[options.viewport ?? 'desktop'],
    ...options.context,
  });
  return context.newPage();
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface AccessibilityOptions {
  /** CSS selector of the part of the page to check; the whole document by default. */
  include?: string;
  /** Selectors to leave out (e.g. a third-party widget). */
  exclude?: string[];
  /** axe rule ids to skip, each with a reason in the calling test. */
  disableRules?: string[];
}

/** A violation, trimmed to what a failing test needs to show. */
export interface AccessibilityViolation {
  id: string;
  impact: AxeResult['impact'];
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; failureSummary: string | undefined }[];
}

/**
 * Runs axe-core in the page and returns its WCAG 2.1 A and AA violations (empty when the page
 * passes). Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not
 * block it.
 */
export async function checkAccessibility(
  page: Page,
  options: AccessibilityOptions = {},
): Promise<AccessibilityViolation[]> {
  const injected = await page.evaluate(() => 'axe' in globalThis);
  if (!injected) await page.evaluate(AXE_SOURCE);
  const runOptions: RunOptions = {
    runOnly: { type: 'tag', values: [...WCAG_TAGS] },
    resultTypes: ['violations'],
    rules: Object.fromEntries((options.disableRules ?? []).map((id) => [id, { enabled: false }])),
  };
  const context = {
    include: options.include ? [options.include] : undefined,
    exclude: options.exclude ?? [],
  };
  const violations = await page.evaluate(
    async ({ context, runOptions }) => {
      const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
      const results = await axe.run(context.include ? context : { exclude: context.exclude }, runOptions);
      return results.violations;
    },
    { context, runOptions },
  );
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      target: n.target.join(' '),
      html: n.html,
      failureSummary: n.failureSummary,
    })),
  }));
}

/** A readable summary of violations, for an assertion's message. */
export function formatViolations(violations: readonly AccessibilityViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n  ${v.helpUrl}\n` +
        v.nodes.map((n) => `  - ${n.target}: ${n.html.slice(0, 200)}`).join('\n'),
    )
    .join('\n');
}
