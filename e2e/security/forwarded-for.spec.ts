import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

/**
 * The sign-in limit counts the client the server established (server/client-address.ts), not what the request's
 * X-Forwarded-For claims: the suite's server trusts no proxy, so a new forged address per attempt changes nothing
 * (issue 11, hole 3).
 */
test('a new X-Forwarded-For on every attempt does not reset the sign-in limit', async ({ browser }) => {
  // Six password checks through the form, each in a browser of its own.
  test.setTimeout(120_000);
  // An address of no account: its own count, so no other journey's sign-in meets this one's limit.
  const email = `forwarded-${randomBytes(4).toString('hex')}@example.org`;
  let answer = '';
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': `203.0.113.${attempt + 1}` } });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(`not the password ${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /do not match|Too many/ });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    answer = (await alert.textContent()) ?? '';
    await context.close();
  }
  expect(answer).toBe('Too many sign-in attempts for this account from your network. Please try again in about 15 minutes, or reset your password by e-mail.');
});
