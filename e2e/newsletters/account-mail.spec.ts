import { expect, test } from '@playwright/test';

import { signInAs } from '../support/sign-in';

// One account for both runs: one after the other.
test.describe.configure({ mode: 'serial' });
// Several page loads, a sign-in and a send on a machine shared with other suites.
test.setTimeout(120_000);

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a signed-in reader switches moderation notices on and off on their account page', async ({ page }) => {
      // The action redirects back to the account page, which says so, with or without JavaScript.
      const saved = async () => {
        await expect(page).toHaveURL(/\/account\?saved=notifications/);
        await expect(page.getByText('Your notification settings are saved.')).toBeVisible();
      };
      await signInAs(page, 'commenter', '/account');
      const notices = page.getByRole('form', { name: 'E-mail notifications' });
      const moderation = notices.getByRole('checkbox', { name: /approves or rejects a comment of mine/ });
      await expect(notices.getByRole('checkbox', { name: /replies to my comments/ })).toBeChecked();
      await moderation.check();
      await notices.getByRole('button', { name: 'Save notifications' }).click();
      await saved();
      await page.goto('/account');
      await expect(moderation).toBeChecked();
      await moderation.uncheck();
      await notices.getByRole('button', { name: 'Save notifications' }).click();
      await saved();
      await page.goto('/account');
      await expect(moderation).not.toBeChecked();
    });
  });
}
