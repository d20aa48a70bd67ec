import { randomBytes } from 'node:crypto';

import { expect, test, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { registerReader } from '../support/desk';
import { linkInMailTo, newestMailTo } from '../support/mailbox';

const unique = () => randomBytes(4).toString('hex');
const PASSWORD = 'a long enough password';

async function register(page: Page, name: string, email: string) {
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
}

async function signInHere(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a reader registers, confirms the address from the message, signs in, out and back in to the page they came from', async ({ page }) => {
  test.setTimeout(60_000);
  const email = `reader-${unique()}@example.org`;
  const story = `/${fixture.politics.slug}/${fixture.lead.slug}`;
  await registerReader(page, { name: 'Rita Reader', email, password: PASSWORD }, story);
  await expect(page.getByText('Signed in as')).toContainText('Rita Reader');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.goto(`/login?callbackUrl=${encodeURIComponent(story)}`);
  await signInHere(page, email, 'not the password');
  await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toHaveText('That e-mail address and password do not match an account.');
  await expect(page.getByLabel('E-mail address')).toHaveValue(email);

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(story);
  await expect(page.getByText('Signed in as')).toContainText('Rita Reader');
});

test('registering with an address that has an account looks the same, changes nothing and tells the owner', async ({ page }) => {
  const owner = fixture.commenter;
  await page.goto('/register');
  await register(page, 'Somebody Else', owner.email);
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await expect(page.getByText('Signed in as')).toHaveCount(0);
  const mail = await newestMailTo(page.url(), owner.email, 'You already have an account');
  expect(mail.subject).toBe('Someone tried to register with your address');
  // The owner's password still works.
  await page.goto('/login');
  await signInHere(page, owner.email, owner.password);
  await expect(page.getByText('Signed in as')).toContainText(owner.name);
});

test('a confirmation link works once', async ({ page }) => {
  test.setTimeout(60_000);
  const email = `once-${unique()}@example.org`;
  await registerReader(page, { name: 'Otto Once', email, password: PASSWORD }, '/');
  const link = await linkInMailTo(page.url(), email, '/account/verify-email');
  await page.goto(link);
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByText('This link has expired or has already been used. Ask for a new one.')).toBeVisible();
  await page.goto('/account/verify-email?token=not-a-token');
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByText('This link has expired or has already been used. Ask for a new one.')).toBeVisible();
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

  test('registering, confirming and signing in work with plain form posts', async ({ page }) => {
    const email = `nojs-${unique()}@example.org`;
    await registerReader(page, { name: 'Norah No-Script', email, password: PASSWORD }, '/account');
    await expect(page.getByText('Signed in as')).toContainText('Norah No-Script');
  });
});

test('a sign-in link can only lead back to this site', async ({ page }) => {
  const email = `redirect-${unique()}@example.org`;
  await page.goto('/register?callbackUrl=https%3A%2F%2Fevil.example%2Fphish');
  await register(page, 'Vic Victim', email);
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await page.getByRole('status').getByRole('link', { name: 'Sign in' }).click();
  await signInHere(page, email);
  await expect(page).toHaveURL('/');
});
