import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { registerReader } from '../support/desk';
import { signInAs } from '../support/sign-in';

const unique = () => randomBytes(3).toString('hex');

test('a moderator approves a pending comment and it appears in the public thread', async ({ browser }) => {
  const marker = unique();
  const story = `/${fixture.politics.slug}/${fixture.lead.slug}`;
  const reader = await (await browser.newContext()).newPage();
  await registerReader(reader, { name: `Queue tester ${marker}`, email: `queue-${marker}@example.org`, password: 'a long enough password' }, story);
  await reader.getByLabel('Your comment', { exact: true }).fill(`Waiting for the moderator ${marker}`);
  await reader.getByRole('button', { name: 'Post comment' }).click();
  await expect(reader.getByText('awaiting moderation').first()).toBeVisible();

  // The reader cannot reach the dashboard at all.
  const response = await reader.goto('/dashboard/comments');
  expect(response?.status()).toBe(404);

  const editor = await (await browser.newContext()).newPage();
  await signInAs(editor, 'editor', '/dashboard/comments');
  const item = editor.getByRole('listitem').filter({ hasText: `Waiting for the moderator ${marker}` });
  await expect(item).toContainText('0 approved, 0 rejected');
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect(editor.getByRole('status')).toHaveText('The comment was approved.');

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(story);
  await expect(anonymous.getByText(`Waiting for the moderator ${marker}`)).toBeVisible();
  for (const page of [reader, editor, anonymous]) await page.context().close();
});
