import { randomBytes } from 'node:crypto';

import { expect, test, type Browser, type Page } from '@playwright/test';

import { linkIn, newestMailTo } from '../support/mailbox';
import { signInAs } from '../support/sign-in';

test.describe.configure({ mode: 'serial' });
// Several page loads, a sign-in and a send on a machine shared with other suites.
test.setTimeout(120_000);

/** The newest message queued to `address`, once it is there and `check` holds for it. */
async function mailTo(page: Page, address: string, check: (text: string) => boolean): Promise<{ text: string }> {
  let mail = { text: '' };
  await expect(async () => {
    mail = await newestMailTo(page.url(), address);
    expect(check(mail.text)).toBe(true);
  }).toPass({ timeout: 15_000 });
  return mail;
}

/** The form's answer, the same with or without JavaScript (the action redirects back with ?sent=1). */
async function answered(page: Page) {
  await expect(page).toHaveURL(/\/newsletters\?sent=1$/);
  await expect(page.getByRole('status')).toContainText('Check your inbox');
}

async function subscribeAndConfirm(page: Page, address: string) {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Newsletters' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Newsletters' })).toBeVisible();
  await page.getByLabel('E-mail address').fill(address);
  await page.getByRole('checkbox', { name: 'The daily briefing' }).check();
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await answered(page);

  const confirmation = await mailTo(page, address, (text) => text.includes('/newsletters/confirm?t='));
  await page.goto(linkIn(confirmation, '/newsletters/confirm?t='));
  await expect(page.getByText('You asked for the daily briefing.')).toBeVisible();
  await page.getByRole('button', { name: 'Confirm my subscription' }).click();
  await expect(page.getByRole('status')).toContainText('your subscription is confirmed');

  // An address that is subscribed already gets the same answer.
  await page.goto('/newsletters');
  await page.getByLabel('E-mail address').fill(address);
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await answered(page);
}

/** An editor writes a daily briefing, previews it, and sends it now; the list shows it sent with its counts. */
async function editorSendsIssue(browser: Browser, javaScriptEnabled: boolean, subject: string) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signInAs(page, 'editor', '/dashboard');
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Newsletters' }).click();
  await page.getByRole('link', { name: 'New issue' }).click();
  await page.getByLabel('Newsletter').selectOption('daily');
  await page.getByLabel('Subject line').fill(subject);
  await page.getByLabel('Introduction (Markdown)').fill('Good morning. Here is what happened.');
  await page.getByRole('button', { name: 'Save and preview' }).click();
  await expect(page.getByText('The issue is saved as a draft.')).toBeVisible();
  const preview = page.getByLabel('Plain-text version');
  await expect(preview).toContainText(`Subject: ${subject}`);
  await expect(preview).toContainText('Good morning. Here is what happened.');
  await expect(preview).toContainText('/api/unsubscribe?t=');
  const html = await page.request.get(await page.getByRole('link', { name: 'Open the HTML version' }).getAttribute('href') ?? '');
  expect(html.status()).toBe(200);
  expect(html.headers()['content-security-policy']).toContain("default-src 'none'");
  expect(await html.text()).toContain('Good morning. Here is what happened.');

  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByText('The issue is queued for every confirmed subscriber.')).toBeVisible();
  await page.getByRole('link', { name: 'All issues' }).click();
  const row = page.getByRole('row').filter({ hasText: subject });
  await expect(row).toContainText('Sent');
  await context.close();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a reader subscribes and confirms, an editor sends an issue, the reader unsubscribes from its link', async ({ page, browser, request }) => {
      const run = randomBytes(4).toString('hex');
      const address = `e2e-sub-${run}@example.org`;
      await subscribeAndConfirm(page, address);

      const subject = `Morning briefing ${run}`;
      await editorSendsIssue(browser, javaScriptEnabled, subject);
      const issue = await mailTo(page, address, (text) => text.includes(subject));
      const unsubscribe = linkIn(issue, '/api/unsubscribe?t=');

      await page.goto(unsubscribe);
      await expect(page).toHaveURL(/\/unsubscribe\?t=/);
      await expect(page.getByText(`Stop sending the daily briefing to ${address}?`)).toBeVisible();
      await page.getByRole('button', { name: 'Unsubscribe' }).click();
      await expect(page.getByRole('status')).toContainText('You are unsubscribed from the daily briefing');

      // The mail provider's one-click POST: from another site, without cookies, answered 200; garbage is a 400.
      const oneClick = await request.post(unsubscribe, { headers: { Origin: 'https://mail.provider.example', 'Content-Type': 'application/x-www-form-urlencoded' }, data: 'List-Unsubscribe=One-Click' });
      expect(oneClick.status()).toBe(200);
      const garbage = await request.post('/api/unsubscribe?t=forged.token', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: 'List-Unsubscribe=One-Click' });
      expect(garbage.status()).toBe(400);

      await page.goto('/newsletters/confirm?t=forged.token');
      await expect(page.getByRole('alert').filter({ hasText: 'not valid or has expired' })).toBeVisible();
    });
  });
}
