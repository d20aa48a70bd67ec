import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { deleteOpenStory, publishNow, writeDraft } from '../support/desk';
import { signInAs } from '../support/sign-in';

const unique = () => randomBytes(3).toString('hex');

test('a contributor submits a draft for review and an editor publishes it', async ({ browser }) => {
  const marker = unique();
  const headline = `Lighthouse keeper retires ${marker}`;
  const contributor = await (await browser.newContext()).newPage();
  await signInAs(contributor, 'contributor', '/dashboard');
  await writeDraft(contributor, headline);
  await expect(contributor.getByRole('form', { name: /Publish/ })).toHaveCount(0);
  await contributor.getByRole('button', { name: 'Submit for review' }).click();
  await expect(contributor.getByRole('status').filter({ hasText: 'Submitted for review' })).toBeVisible();

  const editor = await (await browser.newContext()).newPage();
  await signInAs(editor, 'editor', '/dashboard');
  // The dashboard home lists it under "Waiting for review" (was "In review" before the review loop, docs/adr/0015).
  await expect(editor.getByRole('region', { name: 'Waiting for review' }).getByRole('link', { name: headline })).toBeVisible();
  await editor.getByRole('region', { name: 'Waiting for review' }).getByRole('link', { name: headline }).click();
  await publishNow(editor);
  await editor.goto(`/${fixture.desk.slug}/lighthouse-keeper-retires-${marker}`);
  await expect(editor.getByRole('heading', { level: 1, name: headline })).toBeVisible();

  // Published now: the contributor can no longer change it.
  await contributor.reload();
  await expect(contributor.getByText('only editors can change it now')).toBeVisible();

  // Tidy up: the front page belongs to the reader journeys.
  await editor.goBack();
  await deleteOpenStory(editor);
  await contributor.context().close();
  await editor.context().close();
});
