// Shared steps of the public-services browser journeys.
import type { Page } from 'playwright-core';
import { eventually } from './browser.js';

/** An address field (its id, e.g. `apply-alamat`) in Sumedang Selatan: the street, the kecamatan, then its first desa once they have loaded. */
export async function fillAddress(page: Page, id: string, street: string): Promise<void> {
  await page.locator(`#${id}-street`).fill(street);
  await eventually(() => page.locator(`#${id}-district option`, { hasText: 'Sumedang Selatan' }).count()).toBe(1);
  await page.locator(`#${id}-district`).selectOption({ label: 'Sumedang Selatan' });
  await eventually(() => page.locator(`#${id}-village option`).count()).toBeGreaterThan(1);
  await page.locator(`#${id}-village`).selectOption({ index: 1 });
}
