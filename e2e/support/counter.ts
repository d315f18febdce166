/** Steps at the counter page (/can-bo/quay) that several journeys take. */
import type { Locator, Page } from 'playwright-core';

/**
 * The counter officer returns a dossier's result from the counter page: opens the dossier's
 * "Trả kết quả" panel, lets `choose` look at or change it (how the result is returned), confirms and
 * sends it, and waits for the notice that says it was returned.
 */
export async function returnResultAtCounter(
  counter: Page,
  code: string,
  choose?: (panel: Locator) => Promise<void>,
): Promise<void> {
  const title = `Trả kết quả hồ sơ ${code}`;
  await counter.getByRole('button', { name: title }).click();
  const panel = counter.getByRole('region', { name: title });
  await choose?.(panel);
  await panel.getByLabel('Tôi đã kiểm tra và xác nhận thực hiện thao tác này').check();
  await panel.getByRole('button', { name: title }).click();
  await counter.getByText(`Đã trả kết quả hồ sơ ${code}.`).waitFor();
}
