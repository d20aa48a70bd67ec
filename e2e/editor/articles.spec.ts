import { randomBytes } from 'node:crypto';

import { expect, test, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { confirmDestructive, deleteOpenStory } from '../support/desk';
import { signIn } from '../support/sign-in';

const unique = () => randomBytes(3).toString('hex');

/** Fills the new-story form and creates the draft; returns the editor page's URL. */
const storyForm = (page: Page) => page.getByRole('form', { name: 'Story' });
const field = (page: Page, label: string) => storyForm(page).getByLabel(label, { exact: true });

async function writeDraft(page: Page, headline: string, body = 'The first paragraph of the story.\n\n## What happens next\n\nMore to come.') {
  await page.goto('/dashboard/articles/new');
  await field(page, 'Headline').fill(headline);
  await field(page, 'Standfirst').fill('A standfirst written in the dashboard.');
  await field(page, 'Section').selectOption({ label: fixture.desk.name });
  await field(page, 'Tags').fill('Dashboard tests');
  await storyForm(page).getByRole('group', { name: 'Authors' }).getByLabel(fixture.ada.name).check();
  await field(page, 'Body (Markdown)').fill(body);
  await storyForm(page).getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft created' })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function publishNow(page: Page) {
  const publish = page.getByRole('form', { name: /Publish/ });
  await publish.getByRole('radio', { name: 'Now' }).check();
  await publish.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
}

test('an editor writes, previews, schedules, publishes, edits, re-slugs and unpublishes a story', async ({ page, request }) => {
  // A story's whole life in one journey: about 25 s on the 2-core machine when it is quiet, over 30 s when it is not.
  test.slow();
  const marker = unique();
  const headline = `Ferry timetable changes ${marker}`;
  const slug = `ferry-timetable-changes-${marker}`;
  await signIn(page, fixture.staff.editor, '/dashboard');
  await writeDraft(page, headline);
  expect(await field(page, 'Slug').inputValue()).toBe(slug);

  // Live preview from the server pipeline, then the Draft Mode preview page.
  await expect(page.getByRole('region', { name: 'Live preview' }).getByRole('heading', { name: 'What happens next' })).toBeVisible();
  await page.getByRole('link', { name: 'Preview', exact: true }).click();
  await expect(page.getByRole('note').filter({ hasText: 'readers cannot see this page' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: headline })).toBeVisible();
  expect((await request.get(`/${fixture.desk.slug}/${slug}`)).status()).toBe(404);
  await page.getByRole('link', { name: 'Back to the editor' }).click();

  // Scheduled for tomorrow: listed as scheduled, still not public.
  const publish = page.getByRole('form', { name: /Publish/ });
  await publish.getByRole('radio', { name: 'At an exact time' }).check();
  await publish.getByLabel(/Publish at/).fill('2099-01-01T09:30');
  await publish.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled' })).toBeVisible();
  expect((await request.get(`/${fixture.desk.slug}/${slug}`)).status()).toBe(404);
  await page.goto('/dashboard/articles?state=scheduled');
  await expect(page.getByRole('link', { name: headline })).toBeVisible();
  await page.getByRole('link', { name: headline }).click();

  // Published now: on the front page and at its address.
  await publishNow(page);
  await page.goto('/');
  await expect(page.getByRole('link', { name: headline }).first()).toBeVisible();
  await page.goto(`/${fixture.desk.slug}/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: headline })).toBeVisible();

  // A new headline: saved first (readers still see the old one), then published.
  await page.goto('/dashboard/articles?q=' + marker);
  await page.getByRole('link', { name: headline }).click();
  await page.waitForURL(/\/dashboard\/articles\/\d+$/);
  const editorUrl = new URL(page.url()).pathname;
  await field(page, 'Headline').fill(`${headline}, updated`);
  await storyForm(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/Saved at/)).toBeVisible();
  await page.goto(`/${fixture.desk.slug}/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  await page.goto(editorUrl);
  await page.getByRole('form', { name: /Publication/ }).getByRole('button', { name: 'Publish changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  await page.goto(`/${fixture.desk.slug}/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${headline}, updated`);

  // A new slug: the old address answers with a permanent redirect.
  await page.goto(editorUrl);
  await field(page, 'Slug').fill(`ferry-changes-${marker}`);
  await storyForm(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/Saved at/)).toBeVisible();
  // The workflow knows at once that there is something to publish.
  await page.getByRole('form', { name: /Publication/ }).getByRole('button', { name: 'Publish changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  const old = await request.get(`/${fixture.desk.slug}/${slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(new URL(old.headers().location!, 'http://x').pathname).toBe(`/${fixture.desk.slug}/ferry-changes-${marker}`);

  // A correction shows on the story.
  await page.getByRole('form', { name: 'Add a correction or update' }).getByLabel('Note shown to readers').fill('An earlier version gave the wrong sailing time.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'note was added' })).toBeVisible();
  await page.goto(`/${fixture.desk.slug}/ferry-changes-${marker}`);
  await expect(page.getByRole('complementary', { name: 'Corrections and updates' })).toContainText('An earlier version gave the wrong sailing time.');

  // History: three saves, and a diff from the first to the latest.
  await page.goto(editorUrl);
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('row')).toHaveCount(4);
  await page.getByRole('row').last().getByRole('radio', { name: /Compare from/ }).check();
  await page.getByRole('button', { name: 'Compare' }).click();
  const diff = page.getByRole('region', { name: /Changes from version 1 to version \d+/ });
  await expect(diff).toContainText('Headline');
  await expect(diff).toContainText('Slug');

  // Unpublished: gone for readers, at once.
  await page.goto(editorUrl);
  await confirmDestructive(page, 'Unpublish…', 'Yes, unpublish');
  await expect(page.getByRole('status').filter({ hasText: 'Unpublished' })).toBeVisible();
  expect((await request.get(`/${fixture.desk.slug}/ferry-changes-${marker}`)).status()).toBe(404);
  await page.goto('/');
  await expect(page.getByRole('link', { name: `${headline}, updated` })).toHaveCount(0);
});

test('a contributor submits a draft for review and an editor publishes it', async ({ browser }) => {
  const marker = unique();
  const headline = `Lighthouse keeper retires ${marker}`;
  const contributor = await (await browser.newContext()).newPage();
  await signIn(contributor, fixture.staff.contributor, '/dashboard');
  await writeDraft(contributor, headline);
  await expect(contributor.getByRole('form', { name: /Publish/ })).toHaveCount(0);
  await contributor.getByRole('button', { name: 'Submit for review' }).click();
  await expect(contributor.getByRole('status').filter({ hasText: 'Submitted for review' })).toBeVisible();

  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, fixture.staff.editor, '/dashboard');
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

test('a save based on an outdated version is refused with what changed', async ({ browser }) => {
  const marker = unique();
  const first = await (await browser.newContext()).newPage();
  await signIn(first, fixture.staff.editor, '/dashboard');
  const url = await writeDraft(first, `Shared draft ${marker}`);
  const second = await (await browser.newContext()).newPage();
  await signIn(second, fixture.staff.admin, url);
  await field(second, 'Headline').fill(`Admin's headline ${marker}`);
  await storyForm(second).getByRole('button', { name: 'Save' }).click();
  await expect(second.getByText(/Saved at/)).toBeVisible();

  await field(first, 'Standfirst').fill('My own standfirst');
  await storyForm(first).getByRole('button', { name: 'Save' }).click();
  const alert = first.getByRole('alert').filter({ hasText: 'Someone else saved this story' });
  await expect(alert).toContainText(`${fixture.staff.admin.name} saved version 2`);
  await expect(alert).toContainText('Headline');
  await expect(field(first, 'Standfirst')).toHaveValue('My own standfirst');

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
  await signIn(page, fixture.staff.editor, '/dashboard');
  await writeDraft(page, `Autosaved draft ${marker}`);
  await field(page, 'Standfirst').fill(`Typed, never saved by hand ${marker}`);
  await expect(page.getByText('Unsaved changes.')).toBeVisible();
  await expect(page.getByText(/Saved at .* \(version 2\)/)).toBeVisible({ timeout: 15_000 });
  await page.reload();
  await expect(field(page, 'Standfirst')).toHaveValue(`Typed, never saved by hand ${marker}`);
});

test('a moderator approves a pending comment and it appears in the public thread', async ({ browser }) => {
  const marker = unique();
  const story = `/${fixture.politics.slug}/${fixture.lead.slug}`;
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/register?callbackUrl=${encodeURIComponent(story)}`);
  await reader.getByLabel('Display name').fill(`Queue tester ${marker}`);
  await reader.getByLabel('E-mail address').fill(`queue-${marker}@example.org`);
  await reader.getByLabel('Password', { exact: true }).fill('a long enough password');
  await reader.getByLabel('Password again').fill('a long enough password');
  await reader.getByRole('button', { name: 'Create account' }).click();
  await reader.getByLabel('Your comment', { exact: true }).fill(`Waiting for the moderator ${marker}`);
  await reader.getByRole('button', { name: 'Post comment' }).click();
  await expect(reader.getByText('awaiting moderation').first()).toBeVisible();

  // The reader cannot reach the dashboard at all.
  const response = await reader.goto('/dashboard/comments');
  expect(response?.status()).toBe(404);

  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, fixture.staff.editor, '/dashboard/comments');
  const item = editor.getByRole('listitem').filter({ hasText: `Waiting for the moderator ${marker}` });
  await expect(item).toContainText('0 approved, 0 rejected');
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect(editor.getByRole('status')).toHaveText('The comment was approved.');

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(story);
  await expect(anonymous.getByText(`Waiting for the moderator ${marker}`)).toBeVisible();
  for (const page of [reader, editor, anonymous]) await page.context().close();
});

test('strangers are sent to sign in, and commenters never see a dashboard page', async ({ page }) => {
  const response = await page.request.get('/dashboard/articles', { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain('/login?callbackUrl=%2Fdashboard%2Farticles');
  await signIn(page, fixture.commenter, '/');
  for (const path of ['/dashboard', '/dashboard/articles/new', '/dashboard/comments', '/dashboard/people']) {
    const visit = await page.goto(path);
    expect(visit?.status(), path).toBe(404);
    await expect(page.getByRole('navigation', { name: 'Dashboard' })).toHaveCount(0);
  }
});

test("a forged or missing id answers 404, and a contributor cannot open a colleague's story", async ({ browser }) => {
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, fixture.staff.editor, '/dashboard');
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
  await signIn(contributor, fixture.staff.contributor, '/dashboard');
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

test('on a phone the dashboard never scrolls sideways: wide tables scroll inside the page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, fixture.staff.editor, '/dashboard');
  for (const path of ['/dashboard', '/dashboard/articles', '/dashboard/articles/new', '/dashboard/comments?tab=all']) {
    await page.goto(path);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths.page, path).toBeLessThanOrEqual(widths.viewport);
  }
});
