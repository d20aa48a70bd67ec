import { randomBytes } from 'node:crypto';
import fs from 'node:fs';

import { expect, test } from '@playwright/test';

import { registerReader, type Account } from '../support/desk';

/**
 * Issue 11, leaving: a reader downloads their data, then deletes their account (password required, a confirm step
 * that is its own page), with JavaScript and without. Each journey registers a reader of its own.
 */

function newReader(name: string): Account {
  const marker = randomBytes(4).toString('hex');
  return { name: `${name} ${marker}`, email: `leaving-${marker}@example.org`, password: 'a long enough password' };
}

test('the data download is a JSON attachment for the signed-in owner only', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const reader = newReader('Dora Download');
  await registerReader(page, reader, '/account');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { profile: { email: string; name: string }; comments: unknown[]; likes: unknown[]; reports: unknown[] };
  expect(data.profile).toMatchObject({ email: reader.email, name: reader.name });
  expect(data).toMatchObject({ comments: [], likes: [], reports: [] });

  const anonymous = await browser.newContext();
  const answer = await anonymous.request.get('/account/data', { maxRedirects: 0 });
  expect(answer.status()).toBe(303);
  expect(answer.headers().location).toBe('/login?callbackUrl=%2Faccount');
  await anonymous.close();
});

for (const javaScriptEnabled of [true, false]) {
  test(`a reader deletes their account after confirming with their password (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
    // Registration, confirmation, sign-in and two rounds of the confirm step.
    test.setTimeout(90_000);
    const reader = newReader(javaScriptEnabled ? 'Lou Leaving' : 'Nell No-Script');
    const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
    await registerReader(page, reader, '/account');

    await page.getByRole('link', { name: 'Delete my account…' }).click();
    await expect(page).toHaveURL('/account/delete');
    const form = page.getByRole('form', { name: 'Delete my account' });
    if (javaScriptEnabled) {
      await form.getByRole('radio', { name: 'Remove them' }).check();
      await form.getByLabel('Your password').fill('not my password');
      await form.getByRole('button', { name: 'Delete my account for good' }).click();
      await expect(page.getByText('That is not your password.')).toBeVisible();
      // The choice survives the refusal; the account too.
      await expect(form.getByRole('radio', { name: 'Remove them' })).toBeChecked();
      await page.goto('/account');
      await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
      await page.getByRole('link', { name: 'Delete my account…' }).click();
    }
    await form.getByLabel('Your password').fill(reader.password);
    await form.getByRole('button', { name: 'Delete my account for good' }).click();
    await expect(page).toHaveURL('/account/deleted');
    await expect(page.getByRole('heading', { name: 'Your account has been deleted' })).toBeVisible();
    // Signed out: this browser's cookies name no session any more.
    expect(await (await page.request.get('/api/auth/session')).json()).toBeNull();

    await page.goto('/login');
    await page.getByLabel('E-mail address').fill(reader.email);
    await page.getByLabel('Password').fill(reader.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    if (javaScriptEnabled) {
      await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toHaveText('That e-mail address and password do not match an account.');
    } else {
      // Without JavaScript a refused form comes back without its message (a known gap of every form, ADR 0025).
      await expect(page).toHaveURL(/\/login/);
      expect(await (await page.request.get('/api/auth/session')).json()).toBeNull();
    }
    await page.context().close();
  });
}
