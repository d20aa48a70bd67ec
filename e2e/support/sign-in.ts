import { expect, type Page } from '@playwright/test';

/** Signs in through the real form and waits until the masthead says so; lands on `callbackUrl`. */
export async function signIn(page: Page, account: { email: string; password: string }, callbackUrl = '/'): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Signed in as')).toBeVisible();
}
