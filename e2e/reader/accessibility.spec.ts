import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';

for (const [name, path] of [
  ['front page', '/'],
  ['section page', `/${fixture.politics.slug}`],
  ['article page', `/${fixture.politics.slug}/${fixture.lead.slug}`],
  ['author page', `/author/${fixture.ada.slug}`],
  ['search page with a spelling correction', '/search?q=harbuor+flod'],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the ${name} has no serious or critical axe violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}

test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  // Each frame's <main> has an id of its own (the public pages': main-site), ADR 0016.
  await expect(page).toHaveURL(/#main-site$/);
  await expect(page.locator('#main-site')).toBeFocused();
});
