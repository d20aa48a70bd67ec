import { randomBytes } from 'node:crypto';

import { expect, test, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { confirmDestructive, deleteStory, publishStory, registerReader, storyField, type PublishedStory } from '../support/desk';
import { signInAs } from '../support/sign-in';

/**
 * What the editors' desk says is what happened (issue 10): a draft's preview does not claim a publication, the
 * tag-merge warning says the old address redirects (and it does), and "Keep (dismiss reports)" says the reports
 * were dismissed. Stories are filed in the Newsdesk section and deleted at the end; tags are deleted too.
 */

const unique = () => randomBytes(3).toString('hex');

/** The story as the preview (or the public page) shows it: the <article> named by its headline. */
const storyOnPage = (page: Page, headline: string) => page.getByRole('article', { name: headline });

/** As a signed-in editor: writes a draft in the Newsdesk section; leaves the editor on its page. */
async function writeDraft(page: Page, headline: string): Promise<PublishedStory> {
  await page.goto('/dashboard/articles/new');
  await storyField(page, 'Headline').fill(headline);
  await storyField(page, 'Standfirst').fill('A standfirst for the desk-messages journeys.');
  await storyField(page, 'Section').selectOption({ label: fixture.desk.name });
  await page.getByRole('form', { name: 'Story' }).getByRole('group', { name: 'Authors' }).getByLabel(fixture.ada.name).check();
  await storyField(page, 'Body (Markdown)').fill('The first paragraph of the story.\n\n## What happens next\n\nMore to come.');
  await page.getByRole('form', { name: 'Story' }).getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft created' })).toBeVisible();
  await page.waitForURL(/\/dashboard\/articles\/\d+(\?|$)/);
  const editorPath = new URL(page.url()).pathname;
  const slug = await storyField(page, 'Slug').inputValue();
  return { headline, slug, path: `/${fixture.desk.slug}/${slug}`, editorPath };
}

/** From the story's editor page, its Draft Mode preview. */
async function openPreview(page: Page, story: PublishedStory) {
  await page.goto(story.editorPath);
  await page.getByRole('link', { name: 'Preview', exact: true }).click();
  await expect(page).toHaveURL(`${story.editorPath}/preview`);
  await expect(page.getByRole('note').filter({ hasText: 'readers cannot see this page' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: story.headline })).toBeVisible();
}

test("a story's preview says where it really stands: a draft, scheduled, then its real publication time", async ({ page }) => {
  // Draft, two previews, schedule, publish, a third preview, the public page and deletion: slow on a busy machine.
  test.slow();
  await signInAs(page, 'editor', '/dashboard');
  const story = await writeDraft(page, `Pier lights switched off ${unique()}`);

  // A draft: no "Published" anywhere on the story, and it says it is a draft.
  await openPreview(page, story);
  const previewed = storyOnPage(page, story.headline);
  await expect(previewed).toContainText('Draft — not published');
  await expect(previewed).not.toContainText('Published');

  // Scheduled: says when it goes out, still not "Published".
  await page.goto(story.editorPath);
  const publish = page.getByRole('form', { name: /Publish/ });
  await publish.getByRole('radio', { name: 'At an exact time' }).check();
  await publish.getByLabel(/Publish at/).fill('2099-01-01T09:30');
  await publish.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled' })).toBeVisible();
  await openPreview(page, story);
  await expect(previewed).toContainText('Scheduled for 1 January 2099 at 09:30 GMT');
  await expect(previewed).not.toContainText('Published');
  await expect(previewed).not.toContainText('Draft');

  // Published now: the preview gives the same publication time as the public page.
  await page.goto(story.editorPath);
  await publish.getByRole('radio', { name: 'Now' }).check();
  await publish.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  await openPreview(page, story);
  await expect(previewed).toContainText('Published');
  await expect(previewed).not.toContainText('not published');
  const previewTime = await previewed.locator('.article__times time').first().getAttribute('datetime');
  await page.goto(story.path);
  const publicTime = await storyOnPage(page, story.headline).locator('.article__times time').first().getAttribute('datetime');
  expect(previewTime).toBeTruthy();
  expect(previewTime).toBe(publicTime);

  await deleteStory(page, story);
});

test('the tag-merge warning says the old address redirects, and after the merge it answers 308 to the survivor', async ({ page, request }) => {
  // Two tags, the merge, the redirects and the deletion: slow on a busy machine.
  test.slow();
  await signInAs(page, 'editor', '/dashboard/tags');
  const marker = unique();
  const source = `Breakwaters ${marker}`;
  const target = `Break waters ${marker}`;
  const sourcePath = `/tag/breakwaters-${marker}`;
  const targetPath = `/tag/break-waters-${marker}`;
  for (const [name, path] of [
    [source, sourcePath],
    [target, targetPath],
  ] as const) {
    await page.getByRole('textbox', { name: 'Tag name' }).fill(name);
    await page.getByRole('button', { name: 'Create tag' }).click();
    await expect(page.getByRole('status')).toHaveText(`Tag ${path} created.`);
  }
  // Before the merge the old address is a page of its own (and the page cache may hold it for anonymous readers).
  expect((await request.get(sourcePath, { maxRedirects: 0 })).status()).toBe(200);

  await page.getByRole('searchbox', { name: 'Search tags' }).fill(marker);
  await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
  await page.getByRole('main').getByRole('link', { name: source, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: source })).toBeVisible();
  const merge = page.getByRole('form', { name: 'Merge into another tag' });
  await expect(merge).not.toContainText('does not redirect');
  await expect(merge).not.toContainText('no longer exist');
  await expect(merge).toContainText(`${sourcePath} then redirects permanently (308) to the chosen tag’s address`);

  await merge.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: `${target} (${targetPath})` });
  await merge.getByRole('button', { name: `Merge “${source}” into the chosen tag…` }).click();
  await page.getByRole('dialog', { name: `Merge “${source}” into “${target}”?` }).getByRole('button', { name: 'Yes, merge the tags' }).click();
  await expect(page.getByRole('heading', { level: 1, name: target })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(`Tag ${sourcePath} merged into “${target}”.`);

  // What the warning promised, for an anonymous reader (through the page cache) and for the editor.
  const moved = await request.get(sourcePath, { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(new URL(moved.headers().location ?? '', moved.url()).pathname).toBe(targetPath);
  const paged = await request.get(`${sourcePath}/page/2`, { maxRedirects: 0 });
  expect(paged.status()).toBe(308);
  expect(new URL(paged.headers().location ?? '', paged.url()).pathname).toBe(targetPath);
  await page.goto(sourcePath);
  await expect(page).toHaveURL(targetPath);
  await expect(page.getByRole('heading', { level: 1, name: target })).toBeVisible();

  // Tidy up: the survivor goes (and its redirects with it).
  await page.goto(`/dashboard/tags?q=${marker}`);
  await page.getByRole('main').getByRole('link', { name: target, exact: true }).click();
  await confirmDestructive(page, `Delete “${target}”…`, 'Yes, delete the tag');
  await expect(page.getByRole('status')).toHaveText(`Tag ${targetPath} deleted.`);
});

test('"Keep (dismiss reports)" on a reported comment says the reports were dismissed, and the comment stays up', async ({ browser, request }) => {
  // A story, a new reader's held comment, its approval, a report and the decision: slow on a busy machine.
  test.slow();
  const marker = unique();
  const editor = await (await browser.newContext()).newPage();
  await signInAs(editor, 'editor', '/dashboard');
  const story = await publishStory(editor, `Regatta moved to Sunday ${marker}`);

  // A new reader's first comment waits for a moderator; approving it says so.
  const reader = await (await browser.newContext()).newPage();
  await registerReader(reader, { name: `Regatta fan ${marker}`, email: `regatta-${marker}@example.org`, password: 'a long enough password' }, story.path);
  const text = `Sunday suits the rowing clubs better ${marker}`;
  await reader.getByLabel('Your comment', { exact: true }).fill(text);
  await reader.getByRole('button', { name: 'Post comment' }).click();
  await expect(reader.getByRole('status').filter({ hasText: 'awaiting moderation' })).toBeVisible();
  await reader.context().close();

  await editor.goto('/dashboard/comments');
  await editor.getByRole('listitem').filter({ hasText: text }).getByRole('button', { name: 'Approve' }).click();
  await expect(editor.getByRole('status')).toHaveText('The comment was approved.');

  // Someone reports it from the story's page.
  await editor.goto(story.path);
  const comment = editor.getByRole('region', { name: /Comments/ }).getByRole('listitem').filter({ hasText: text }).first();
  await comment.getByText('Report', { exact: true }).click();
  await comment.getByRole('radio', { name: 'Spam or advertising' }).check();
  await comment.getByRole('button', { name: 'Send report' }).click();
  await expect(comment.getByRole('status')).toHaveText('Thank you. A moderator will look at this comment.');

  // The moderator keeps it: the message says what was done.
  await editor.goto('/dashboard/comments?tab=reported');
  const item = editor.getByRole('listitem').filter({ hasText: text });
  await expect(item.getByRole('list', { name: 'Open reports' })).toContainText('Spam or advertising');
  await item.getByRole('button', { name: 'Keep (dismiss reports)' }).click();
  await expect(editor.getByRole('status')).toHaveText('The reports were dismissed; the comment stays up.');

  // And it is what happened: no longer reported, still published, still on the story for readers.
  await editor.goto('/dashboard/comments?tab=reported');
  await expect(editor.getByRole('listitem').filter({ hasText: text })).toHaveCount(0);
  await editor.goto('/dashboard/comments?tab=all');
  await expect(editor.getByRole('listitem').filter({ hasText: text }).getByText('published', { exact: true })).toBeVisible();
  const anonymous = await request.get(story.path);
  expect(anonymous.status()).toBe(200);
  expect(await anonymous.text()).toContain(text);

  await deleteStory(editor, story);
  await editor.context().close();
});
