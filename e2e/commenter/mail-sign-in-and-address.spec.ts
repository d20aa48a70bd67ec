import { randomBytes } from 'node:crypto';

import { expect, test, type Browser, type Page } from '@playwright/test';

import { registerReader } from '../support/desk';
import { linkInMailTo, mailsTo, newestMailTo } from '../support/mailbox';
import { signIn } from '../support/sign-in';

/**
 * Signing in by e-mail link and changing one's address, end to end: the site queues the message in its outbox, its
 * worker delivers it to the suite's SMTP server (e2e/support/mail-catcher.ts), and the journey follows the link the
 * reader received. Each journey runs with JavaScript and without it.
 */
const unique = () => randomBytes(4).toString('hex');
const PASSWORD = 'a long enough password';

// A registration, a confirmation, a sign-in and two delivered messages on a machine shared with other suites.
test.setTimeout(90_000);

async function anotherBrowser(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  return context.newPage();
}

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

  test.describe(how, () => {
    test.use({ javaScriptEnabled });

    test('a reader signs in with the link e-mailed to them, once', async ({ page, browser }) => {
      const email = `link-${unique()}@example.org`;
      await registerReader(page, { name: 'Lina Link', email, password: PASSWORD }, '/account');

      const elsewhere = await anotherBrowser(browser, javaScriptEnabled);
      await elsewhere.goto('/login?callbackUrl=%2Faccount');
      await elsewhere.getByLabel('Send the link to').fill(email);
      await elsewhere.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
      await expect(elsewhere.getByRole('status')).toContainText(`If ${email} belongs to an account, a sign-in link is on its way.`);

      const mail = await newestMailTo(elsewhere.url(), email, '/api/auth/callback/');
      expect(mail.subject).toMatch(/^Sign in to /);
      expect(mail.html).toContain('Sign me in');
      const link = await linkInMailTo(elsewhere.url(), email, '/api/auth/callback/');

      await elsewhere.goto(link);
      await expect(elsewhere).toHaveURL('/account');
      await expect(elsewhere.getByText('Signed in as')).toContainText('Lina Link');

      // The link works once: a second browser following it is told so and stays signed out.
      const third = await anotherBrowser(browser, javaScriptEnabled);
      await third.goto(link);
      await expect(third.getByRole('alert').filter({ hasText: 'sign-in link' })).toHaveText('That sign-in link has expired or has already been used. Ask for a new one.');
      await third.goto('/account');
      await expect(third).toHaveURL(/\/login/);
      await third.context().close();
      await elsewhere.context().close();
    });

    test('an address nobody has gets the same answer and no message', async ({ page }) => {
      const nobody = `nobody-${unique()}@example.org`;
      await page.goto('/login');
      await page.getByLabel('Send the link to').fill(nobody);
      await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
      await expect(page.getByRole('status')).toContainText(`If ${nobody} belongs to an account, a sign-in link is on its way.`);
      // Once a message queued after that answer has arrived, nothing for `nobody` can still be on its way.
      const someone = `someone-${unique()}@example.org`;
      await registerReaderQuietly(page, someone);
      await newestMailTo(page.url(), someone, '/account/verify-email');
      expect(await mailsTo(page.url(), nobody)).toEqual([]);
    });

    test('a reader changes their address: the new one confirms, the old one is told', async ({ page, browser }) => {
      const before = `before-${unique()}@example.org`;
      const after = `after-${unique()}@example.org`;
      await registerReader(page, { name: 'Mo Mover', email: before, password: PASSWORD }, '/account');

      await page.getByLabel('New e-mail address').fill(after);
      await page.getByLabel('Your password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Change address' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'We have sent a link' })).toContainText(`We have sent a link to ${after}.`);

      const notice = await newestMailTo(page.url(), before, after);
      expect(notice.subject).toBe('Your e-mail address is about to change');

      await page.goto(await linkInMailTo(page.url(), after, '/account/confirm-email'));
      await page.getByRole('button', { name: 'Use this address' }).click();
      await expect(page.getByRole('status')).toHaveText('Your account now uses its new e-mail address. Sign in with it from now on.');

      const elsewhere = await anotherBrowser(browser, javaScriptEnabled);
      await signIn(elsewhere, { email: after, password: PASSWORD }, '/account');
      await expect(elsewhere.getByText(`Your account uses ${after}.`)).toBeVisible();
      await elsewhere.context().close();
    });

    test('a wrong password changes nothing and says why', async ({ page }) => {
      const email = `stay-${unique()}@example.org`;
      await registerReader(page, { name: 'Stella Stay', email, password: PASSWORD }, '/account');
      await page.getByLabel('New e-mail address').fill(`elsewhere-${unique()}@example.org`);
      await page.getByLabel('Your password').fill('not my password at all');
      await page.getByRole('button', { name: 'Change address' }).click();
      await expect(page.getByLabel('Your password')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByText(`Your account uses ${email}.`)).toBeVisible();
    });
  });
}

/** Registers an address without confirming it (its confirmation message is what the caller waits for). */
async function registerReaderQuietly(page: Page, email: string): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('Display name').fill('Quiet Reader');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible({ timeout: 20_000 });
}
