import { randomBytes } from 'node:crypto';

import { expect, test, type Page } from '@playwright/test';

import { registerReader, type Account } from '../support/desk';
import { linkIn, linkInMailTo, newestMailTo } from '../support/mailbox';
import { signIn } from '../support/sign-in';

/**
 * Issue 11, forgotten password: a reader asks for a link (the same answer for an address without an account), sets
 * a new password with it, and every other session of the account ends; the link works once. With JavaScript and
 * without. Each journey registers a reader of its own.
 */

const NEW_PASSWORD = 'a brand new passphrase';
const SPENT = 'This link has expired or has already been used. Ask for a new one.';

function newReader(name: string): Account {
  const marker = randomBytes(4).toString('hex');
  return { name: `${name} ${marker}`, email: `recovery-${marker}@example.org`, password: 'a long enough password' };
}

async function askForLink(page: Page, email: string) {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgotten your password?' }).click();
  await expect(page).toHaveURL('/forgot-password');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'E-mail me a reset link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible({ timeout: 15_000 });
}

for (const javaScriptEnabled of [true, false]) {
  test(`a reader resets a forgotten password by e-mail, which ends their other sessions (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
    // Registration, confirmation, two sign-ins and a reset in two browsers.
    test.setTimeout(90_000);
    const reader = newReader(javaScriptEnabled ? 'Rosa Reset' : 'Nico No-Script');
    const elsewhere = await (await browser.newContext()).newPage();
    await registerReader(elsewhere, reader, '/');

    const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
    await askForLink(page, reader.email);
    const mail = await newestMailTo(page.url(), reader.email, '/reset-password');
    expect(mail.subject).toBe('Reset your password');
    expect(mail.html).toContain('/reset-password?token=');
    const link = linkIn(mail, '/reset-password');

    await page.goto(link);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    // Without JavaScript a refused form comes back empty, with no message (every useActionState form of the site: a
    // known gap, in the closing note), so only the script's run checks the refusal.
    if (javaScriptEnabled) {
      await page.getByLabel('New password again').fill('not the same at all');
      await page.getByRole('button', { name: 'Set new password' }).click();
      await expect(page.getByText('The passwords do not match.')).toBeVisible();
    }
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page).toHaveURL('/login?reset=1');
    await expect(page.getByRole('status')).toContainText('Your password has been changed');

    // The session opened before the reset has ended.
    await elsewhere.reload();
    await expect(elsewhere.getByRole('link', { name: 'Sign in' })).toBeVisible();

    await signIn(page, { email: reader.email, password: NEW_PASSWORD }, '/account');
    await expect(page.getByText('Signed in as')).toContainText(reader.name);

    // The link works once.
    await page.goto(link);
    await expect(page.getByText(SPENT)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Set new password' })).toHaveCount(0);
    await Promise.all([page.context().close(), elsewhere.context().close()]);
  });
}

test('an address without an account gets the same answer, and no message', async ({ page }) => {
  const email = `nobody-${randomBytes(4).toString('hex')}@example.org`;
  await askForLink(page, email);
  await expect(page.getByRole('status')).toContainText('If the address belongs to an account');
});

test('a garbage or unknown reset link says so, with a way to ask again', async ({ page }) => {
  for (const path of ['/reset-password?token=garbage', `/reset-password?token=${'A'.repeat(43)}`, '/reset-password']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByText(SPENT)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
  }
});

test('a reset lets in an owner whom wrong passwords had locked out', async ({ page }) => {
  test.setTimeout(90_000);
  const reader = newReader('Lena Locked');
  await registerReader(page, reader, '/');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  for (let attempt = 0; attempt < 6; attempt += 1) {
    await page.goto('/login');
    await page.getByLabel('E-mail address').fill(reader.email);
    await page.getByLabel('Password').fill(`wrong guess ${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /do not match|Too many/ })).toBeVisible();
  }
  await expect(page.getByRole('alert').filter({ hasText: 'Too many sign-in attempts' })).toBeVisible();

  await askForLink(page, reader.email);
  await page.goto(await linkInMailTo(page.url(), reader.email, '/reset-password'));
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('New password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page).toHaveURL('/login?reset=1');
  await signIn(page, { email: reader.email, password: NEW_PASSWORD });
  await expect(page.getByText('Signed in as')).toContainText(reader.name);
});
