import { randomBytes } from 'node:crypto';

import { expect, test, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';

const unique = () => randomBytes(4).toString('hex');
const PASSWORD = 'a long enough password';

async function register(page: Page, name: string, email: string) {
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
}

test('a reader registers, is signed in, signs out and signs back in to the page they came from', async ({ page }) => {
  const email = `reader-${unique()}@example.org`;
  const story = `/${fixture.politics.slug}/${fixture.lead.slug}`;
  await page.goto(`/register?callbackUrl=${encodeURIComponent(story)}`);
  await register(page, 'Rita Reader', email);
  await expect(page).toHaveURL(story);
  await expect(page.getByText('Signed in as')).toContainText('Rita Reader');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.goto(`/login?callbackUrl=${encodeURIComponent(story)}`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toHaveText('That e-mail address and password do not match an account.');
  await expect(page.getByLabel('E-mail address')).toHaveValue(email);

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(story);
  await expect(page.getByText('Signed in as')).toContainText('Rita Reader');
});

test('registration shows each problem beside its field and keeps what was typed', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('Display name').fill('R');
  await page.getByLabel('E-mail address').fill('not-an-address');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Password again').fill('different');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Display name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Use at least 2 characters.')).toBeVisible();
  await expect(page.getByText('Enter a valid e-mail address.')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await expect(page.getByLabel('E-mail address')).toHaveValue('not-an-address');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('registering and signing in work with plain form posts', async ({ page }) => {
    const email = `nojs-${unique()}@example.org`;
    await page.goto('/register');
    await register(page, 'Norah No-Script', email);
    await expect(page.getByText('Signed in as')).toContainText('Norah No-Script');
  });
});

test('a sign-in link can only lead back to this site', async ({ page }) => {
  const email = `redirect-${unique()}@example.org`;
  await page.goto('/register?callbackUrl=https%3A%2F%2Fevil.example%2Fphish');
  await register(page, 'Vic Victim', email);
  await expect(page).toHaveURL('/');
});
