import fs from 'node:fs';
import path from 'node:path';

import { test, type Page } from '@playwright/test';

/**
 * Screenshots are for a person to look at: they are taken only when SHOTS_DIR says where to save them (a run with
 * the list reporter keeps no attachment, so a screenshot in every CI run cost seconds that nobody read). Then each is
 * saved there as `<name>.png` and attached to the report.
 */
export const shotsDir = process.env.SHOTS_DIR;

/** A screenshot of the page when SHOTS_DIR is set; nothing otherwise. */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (!shotsDir) return;
  fs.mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `${name}.png`);
  const body = await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  await test.info().attach(name, { body, contentType: 'image/png' });
}
