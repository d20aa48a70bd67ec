import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { storyField, storyForm, writeDraft } from '../support/desk';
import { signInAs } from '../support/sign-in';

/** Saving a story: two people on one version, and the autosave. */

const unique = () => randomBytes(3).toString('hex');

test('a save based on an outdated version is refused with what changed', async ({ browser }) => {
  const marker = unique();
  const first = await (await browser.newContext()).newPage();
  await signInAs(first, 'editor', '/dashboard');
  const url = await writeDraft(first, `Shared draft ${marker}`);
  const second = await (await browser.newContext()).newPage();
  await signInAs(second, 'admin', url);
  await storyField(second, 'Headline').fill(`Admin's headline ${marker}`);
  await storyForm(second).getByRole('button', { name: 'Save' }).click();
  await expect(second.getByText(/Saved at/)).toBeVisible();

  await storyField(first, 'Standfirst').fill('My own standfirst');
  await storyForm(first).getByRole('button', { name: 'Save' }).click();
  const alert = first.getByRole('alert').filter({ hasText: 'Someone else saved this story' });
  await expect(alert).toContainText(`${fixture.staff.admin.name} saved version 2`);
  await expect(alert).toContainText('Headline');
  await expect(storyField(first, 'Standfirst')).toHaveValue('My own standfirst');

  // Deleting asks for a confirmation first (a dialog since ADR 0016, was a tick box).
  await second.getByRole('link', { name: 'Delete this story…' }).click();
  await expect(second.getByRole('dialog', { name: `Delete “Admin's headline ${marker}” for good?` })).toBeVisible();
  await second.getByRole('dialog').getByRole('button', { name: 'Yes, delete for good' }).click();
  await expect(second.getByRole('status')).toHaveText('The story was deleted.');
  await expect(second.getByRole('link', { name: `Admin's headline ${marker}` })).toHaveCount(0);
  await first.context().close();
  await second.context().close();
});

test('an edit autosaves a few seconds after typing stops', async ({ page }) => {
  const marker = unique();
  await signInAs(page, 'editor', '/dashboard');
  await writeDraft(page, `Autosaved draft ${marker}`);
  await storyField(page, 'Standfirst').fill(`Typed, never saved by hand ${marker}`);
  await expect(page.getByText('Unsaved changes.')).toBeVisible();
  await expect(page.getByText(/Saved at .* \(version 2\)/)).toBeVisible({ timeout: 15_000 });
  await page.reload();
  await expect(storyField(page, 'Standfirst')).toHaveValue(`Typed, never saved by hand ${marker}`);
});
