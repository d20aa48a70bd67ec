import { randomBytes } from 'node:crypto';

import { expect, test, type Page } from '@playwright/test';

import { registerReader } from '../support/desk';

const PASSWORD = 'a long enough password';

async function registerFresh(page: Page, name: string) {
  const email = `settings-${randomBytes(4).toString('hex')}@example.org`;
  await registerReader(page, { name, email, password: PASSWORD }, '/');
  await expect(page.getByText('Signed in as')).toContainText(name);
  return email;
}

test('the account page changes the display name and the password', async ({ page }) => {
  const email = await registerFresh(page, 'Sam Settings');
  await page.getByRole('link', { name: 'Sam Settings' }).click();
  await expect(page).toHaveURL('/account');

  await page.getByRole('textbox', { name: 'Display name' }).fill('Samantha Settings');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'display name' })).toContainText('Samantha Settings');
  await page.goto('/');
  await expect(page.getByText('Signed in as')).toContainText('Samantha Settings');

  await page.goto('/account');
  await page.getByLabel('Current password').fill('not my password');
  await page.getByLabel('New password', { exact: true }).fill('an even longer password');
  await page.getByLabel('New password again').fill('an even longer password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('That is not your current password.')).toBeVisible();

  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('an even longer password');
  await page.getByLabel('New password again').fill('an even longer password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'password has been changed' })).toBeVisible();
  await expect(page.getByText('Signed in as')).toContainText('Samantha Settings');
  expect(email).toContain('@example.org');
});

test('signing out everywhere also ends a copied session cookie', async ({ page, browser }) => {
  await registerFresh(page, 'Cora Copied');
  // A second browser holding a copy of the session cookie.
  const copy = await browser.newContext({ storageState: await page.context().storageState() });
  const other = await copy.newPage();
  await other.goto('/');
  await expect(other.getByText('Signed in as')).toContainText('Cora Copied');

  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await other.reload();
  await expect(other.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await copy.close();
});

test('an anonymous visitor is sent to sign in and comes back to the account page', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL('/login?callbackUrl=%2Faccount');
});
