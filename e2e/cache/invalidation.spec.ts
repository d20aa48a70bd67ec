import { randomBytes } from 'node:crypto';

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { confirmDestructive, deleteStory, publishStory, registerReader, storyField } from '../support/desk';
import { measureChange, readUntilHit } from '../support/page-cache';
import { signInAs } from '../support/sign-in';

/**
 * What an editor or moderator does reaches anonymous readers, whom the page cache answers from memory, within a
 * second of the action completing. Each journey first makes sure the page is a cache HIT (so it proves an
 * invalidation, not a cold cache), then reads it every 100 ms from the moment the dashboard confirms the action.
 */

const LIMIT_MS = 1_000;
const unique = () => randomBytes(3).toString('hex');
const sectionPage = `/${fixture.desk.slug}`;

/** The story's pages an anonymous reader might hold: the story, the front page and its section. */
async function expectAllCached(request: APIRequestContext, paths: string[], contains: string) {
  for (const path of paths) {
    const { cache, body, response } = await readUntilHit(request, path);
    expect(response.status(), path).toBe(200);
    expect(cache, `${path} is served from the page cache before the change`).toBe('HIT');
    expect(body, path).toContain(contains);
  }
}

/** Reads every path (side by side, as separate readers would) every 100 ms from `startedAt` until each shows the change. */
async function expectChangeWithinLimit(request: APIRequestContext, paths: string[], changed: (status: number, body: string) => boolean, startedAt: number) {
  const changes = await Promise.all(paths.map((path) => measureChange(request, path, changed, { startedAt })));
  paths.forEach((path, index) => {
    const change = changes[index]!;
    test.info().annotations.push({ type: 'invalidation', description: `${path}: ${change ? `${change.elapsedMs} ms, ${change.attempts} reads, X-Cache ${change.cache}` : 'no change within 5 s'}` });
    expect(change, `${path}: no change seen within 5 s`).not.toBeNull();
    expect(change!.elapsedMs, `${path}: the change showed ${change!.elapsedMs} ms after the action (${change!.attempts} reads, X-Cache ${change!.cache})`).toBeLessThan(LIMIT_MS);
  });
}

async function publishChanges(page: Page) {
  await page.getByRole('form', { name: /Publication/ }).getByRole('button', { name: 'Publish changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
}

test('a new headline, published, reaches anonymous readers of the story, the front page and the section within a second', async ({ page, request }) => {
  const headline = `Harbour ferry returns ${unique()}`;
  await signInAs(page, 'editor', '/dashboard');
  const story = await publishStory(page, headline);
  const paths = [story.path, '/', sectionPage];
  await expectAllCached(request, paths, headline);

  // Saved, not yet published: readers still get the old headline (from the cache, once it is filled again).
  await page.goto(story.editorPath);
  const changed = `${headline}, now daily`;
  await storyField(page, 'Headline').fill(changed);
  await page.getByRole('form', { name: 'Story' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/Saved at/)).toBeVisible();
  await expectAllCached(request, paths, headline);
  for (const path of paths) expect((await readUntilHit(request, path)).body, path).not.toContain(changed);

  await publishChanges(page);
  const done = Date.now();
  await expectChangeWithinLimit(request, paths, (status, body) => status === 200 && body.includes(changed), done);

  await deleteStory(page, story);
});

test('an unpublished story answers 404 to anonymous readers, and leaves the lists, within a second', async ({ page, request }) => {
  const headline = `Night market moves indoors ${unique()}`;
  await signInAs(page, 'editor', '/dashboard');
  const story = await publishStory(page, headline);
  const paths = [story.path, '/', sectionPage];
  await expectAllCached(request, paths, headline);

  await page.goto(story.editorPath);
  await confirmDestructive(page, 'Unpublish…', 'Yes, unpublish');
  await expect(page.getByRole('status').filter({ hasText: 'Unpublished' })).toBeVisible();
  const done = Date.now();
  await Promise.all([
    expectChangeWithinLimit(request, [story.path], (status) => status === 404, done),
    expectChangeWithinLimit(request, ['/', sectionPage], (status, body) => status === 200 && !body.includes(headline), done),
  ]);

  await deleteStory(page, story);
});

test('a held comment, approved by a moderator, appears for anonymous readers within a second', async ({ browser, request }) => {
  const marker = unique();
  const editor = await (await browser.newContext()).newPage();
  await signInAs(editor, 'editor', '/dashboard');
  const story = await publishStory(editor, `Lifeboat crew honoured ${marker}`);

  const reader = await (await browser.newContext()).newPage();
  await registerReader(reader, { name: `Moderated ${marker}`, email: `moderated-${marker}@example.org`, password: 'a long enough password' }, story.path);
  const text = `Well deserved, every one of them ${marker}`;
  await reader.getByLabel('Your comment', { exact: true }).fill(text);
  await reader.getByRole('button', { name: 'Post comment' }).click();
  await expect(reader.getByRole('status').filter({ hasText: 'awaiting moderation' })).toBeVisible();

  const before = await readUntilHit(request, story.path);
  expect(before.cache, 'the story is served from the page cache before the approval').toBe('HIT');
  expect(before.body).not.toContain(text);

  await editor.goto('/dashboard/comments');
  const item = editor.getByRole('listitem').filter({ hasText: text });
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect(editor.getByRole('status')).toHaveText('The comment was approved.');
  const done = Date.now();
  await expectChangeWithinLimit(request, [story.path], (status, body) => status === 200 && body.includes(text), done);

  await deleteStory(editor, story);
  await editor.context().close();
  await reader.context().close();
});
