import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { deleteOpenStory, writeDraft } from '../support/desk';
import { signInAs } from '../support/sign-in';

/** Who may open which dashboard page: strangers, commenters, contributors, and ids that do not exist. */

const unique = () => randomBytes(3).toString('hex');

test('strangers are sent to sign in, and commenters never see a dashboard page', async ({ page }) => {
  const response = await page.request.get('/dashboard/articles', { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain('/login?callbackUrl=%2Fdashboard%2Farticles');
  await signInAs(page, 'commenter', '/');
  for (const path of ['/dashboard', '/dashboard/articles/new', '/dashboard/comments', '/dashboard/people']) {
    const visit = await page.goto(path);
    expect(visit?.status(), path).toBe(404);
    await expect(page.getByRole('navigation', { name: 'Dashboard' })).toHaveCount(0);
  }
});

test("a forged or missing id answers 404, and a contributor cannot open a colleague's story", async ({ browser }) => {
  const editor = await (await browser.newContext()).newPage();
  await signInAs(editor, 'editor', '/dashboard');
  for (const path of [
    '/dashboard/articles/2147483647',
    '/dashboard/articles/2147483647/history',
    '/dashboard/articles/12abc',
    '/dashboard/sections/2147483647',
    '/dashboard/tags/0',
    '/dashboard/people/00000000-0000-4000-8000-000000000000',
    '/dashboard/people/not-a-uuid',
  ]) {
    const visit = await editor.goto(path);
    expect(visit?.status(), path).toBe(404);
  }

  // The editor's own draft is there for the editor, and not for a contributor.
  const draftUrl = await writeDraft(editor, `Harbour master's log ${unique()}`);
  expect((await editor.goto(draftUrl))?.status()).toBe(200);
  const contributor = await (await browser.newContext()).newPage();
  await signInAs(contributor, 'contributor', '/dashboard');
  for (const path of [draftUrl, `${draftUrl}/history`, `${draftUrl}/preview`]) {
    const visit = await contributor.goto(path);
    expect(visit?.status(), path).toBe(404);
    await expect(contributor.getByLabel('Headline')).toHaveCount(0);
  }

  // Tidy up.
  await editor.goto(draftUrl);
  await deleteOpenStory(editor);
  await editor.context().close();
  await contributor.context().close();
});
