import fs from 'node:fs';
import path from 'node:path';

import { test, type Page } from '@playwright/test';

/** A screenshot attached to the report and, when SHOTS_DIR is set, saved there for a person to look at. */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const body = await page.screenshot({ fullPage: options.fullPage ?? false });
  await test.info().attach(name, { body, contentType: 'image/png' });
  const dir = process.env.SHOTS_DIR;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.png`), body);
  }
}
