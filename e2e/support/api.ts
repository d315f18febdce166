/** The API as a signed-in browser calls it, for a test's set-up. */
import type { Page } from 'playwright-core';

/**
 * Calls the API with the staff or citizen session of `page` (its CSRF token read first), for set-up
 * only: throws on an answer of 300 or more, with its status and body; returns the JSON, or null.
 */
export async function apiAs(
  page: Page,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  as: 'staff' | 'citizen' = 'staff',
) {
  const sessionPath = as === 'citizen' ? '/api/v1/citizen/me' : '/api/v1/auth/session';
  const session = (await (await page.request.get(sessionPath)).json()) as { csrfToken: string };
  const res = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { 'X-CSRF-Token': session.csrfToken },
    ...(body === undefined ? {} : { data: body }),
  });
  const text = await res.text();
  if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${text}`);
  return text ? JSON.parse(text) : null;
}
