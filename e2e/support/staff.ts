/** Staff pages need a session: signing in as the staff do. */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './seed.ts';

/**
 * Signs in through the form as a demo member of staff, starting from the staff page at `path` as a
 * bookmark would, and waits to be back on it, signed in.
 */
export async function signIn(page: Page, username: string, path: string): Promise<void> {
  const pathname = new URL(path, 'http://localhost').pathname;
  await page.goto(path);
  await page.waitForURL((url) => url.pathname === '/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === pathname);
  // Signed in: the sign-out button shows, or on a phone the menu button that holds it.
  await page
    .getByRole('button', { name: /^(Đăng xuất|Menu)$/ })
    .first()
    .waitFor();
}

/**
 * The staff browsers of one test file, each signed in once through the form: the function it returns
 * opens `path` in `username`'s browser and waits for the page's heading. The pages are kept in
 * `pages`, which the file closes after its tests.
 */
export function staffBrowsers(
  openPage: () => Promise<Page>,
  pages: Map<string, Page>,
): (username: string, path: string) => Promise<Page> {
  return async (username, path) => {
    let page = pages.get(username);
    if (!page) {
      page = await openPage();
      pages.set(username, page);
      await signIn(page, username, path);
    }
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    return page;
  };
}

/**
 * On the staff dossier page: opens the action called `title`, fills its panel with `fill`, sends it,
 * and waits for the notice that it was done.
 */
export async function actOnDossier(
  page: Page,
  title: string,
  fill?: (panel: ReturnType<Page['getByRole']>) => Promise<void>,
): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).first().click();
  const panel = page.getByRole('region', { name: title, exact: true });
  await panel.waitFor();
  await fill?.(panel);
  await panel.getByRole('button', { name: title, exact: true }).click();
  await page.getByText(`Đã thực hiện: ${title}.`).waitFor();
}
