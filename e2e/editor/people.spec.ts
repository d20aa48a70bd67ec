import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { confirmDestructive, registerReader } from '../support/desk';
import { signIn, signInAs } from '../support/sign-in';

const PASSWORD = 'a long enough password';

test('an admin promotes, disables and re-enables a new account; disabling ends its open session at once', async ({ page, browser }) => {
  // Two browsers, a confirmation step and the audit log's filters: more than 30 s on a loaded machine.
  test.setTimeout(90_000);
  // Someone registers in their own browser and stays signed in.
  const marker = randomBytes(4).toString('hex');
  const email = `people-${marker}@example.org`;
  const name = `Pat People ${marker}`;
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  await registerReader(them, { name, email, password: PASSWORD }, '/');
  await expect(them.getByText('Signed in as')).toContainText(name);

  // The admin finds them.
  await signInAs(page, 'admin', '/dashboard/people');
  await page.getByRole('searchbox', { name: 'Name or e-mail' }).fill(email);
  await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Reader');
  await expect(row).toContainText('Active');
  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  // Promote.
  await page.getByRole('combobox', { name: 'Role' }).selectOption('contributor');
  await page.getByRole('button', { name: 'Save role' }).click();
  await expect(page.getByRole('status')).toHaveText('Role saved. It applies from their next page load.');
  await expect(page.getByRole('definition').filter({ hasText: 'Contributor' })).toBeVisible();

  // Disable (asks first, ADR 0016): their open session stops working on their very next page load.
  await confirmDestructive(page, 'Disable account…', 'Yes, disable the account');
  await expect(page.getByRole('status')).toHaveText('Account disabled. Every session of it has ended.');
  await them.reload();
  await expect(them.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(them.getByText('Signed in as')).toHaveCount(0);

  // Re-enable: they can sign in again.
  await page.getByRole('button', { name: 'Re-enable account' }).click();
  await expect(page.getByRole('status')).toHaveText('Account re-enabled. They can sign in again.');
  await signIn(them, { email, password: PASSWORD });
  await expect(them.getByText('Signed in as')).toContainText(name);
  await theirs.close();

  // The audit log shows all three, newest first, in words: who did what to whom (issue 10: names, not ids).
  await page.getByRole('link', { name: 'Audit log for this account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByText(`Only entries about ${name}`)).toBeVisible();
  const actions = page.getByRole('row').locator('td:nth-child(3)');
  await expect(actions).toHaveText(['enabled again the account of', 'disabled the account of', 'changed the role of']);
  await expect(page.getByRole('row').locator('td:nth-child(4)')).toHaveText([name, name, name]);
  const roleChange = page.getByRole('row').filter({ hasText: 'changed the role of' });
  await expect(roleChange).toContainText('Reader → Contributor');
  await expect(roleChange).toContainText(fixture.staff.admin.name);
  await expect(roleChange).not.toContainText('user.role');

  // And the filters find them among everything else: this person's account, by the admin, kind "Staff and accounts".
  await page.goto('/dashboard/audit');
  const filters = page.getByRole('search', { name: 'Filter the audit log' });
  await filters.getByLabel('Person').selectOption({ label: `${fixture.staff.admin.name} (admin)` });
  await filters.getByLabel('Kind of action').selectOption({ label: 'Staff and accounts' });
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/kind=accounts/);
  await expect(page.getByRole('row').filter({ hasText: name }).filter({ hasText: 'disabled the account of' }).first()).toBeVisible();
  await expect(page.getByRole('row').locator('td:nth-child(3)').filter({ hasNotText: /account of|role of|signed out everywhere/ })).toHaveCount(0);
});

test('an admin cannot disable or demote themselves', async ({ page }) => {
  // Through the real form (the other admin journeys start from the stored session, signInAs).
  await signIn(page, fixture.staff.admin, '/dashboard/people');
  await page.getByRole('searchbox', { name: 'Name or e-mail' }).fill(fixture.staff.admin.email);
  await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
  await page.getByRole('main').getByRole('link', { name: fixture.staff.admin.name }).click();
  await expect(page.getByText('This is your own account')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Disable account…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Disable account' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save role' })).toHaveCount(0);
});

test('an editor gets not-found on the people and audit pages, and no link to them', async ({ page }) => {
  await signInAs(page, 'editor', '/dashboard/sections');
  const navigation = page.getByRole('navigation', { name: 'Dashboard' });
  await expect(navigation.getByRole('link', { name: 'Sections' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'People' })).toHaveCount(0);
  for (const path of ['/dashboard/people', '/dashboard/audit']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
  }
});
