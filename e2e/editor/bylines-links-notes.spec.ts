import { randomBytes } from 'node:crypto';

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { deleteStory, storyField, type PublishedStory } from '../support/desk';
import { signInAs } from '../support/sign-in';

/**
 * Issue 10: a story starts with its writer's byline and cannot go out without one (10a); the body's Link button asks
 * for the address, checks it and inserts the link, and Cancel inserts nothing (10b); a note about a change that is
 * not published yet reaches readers only with that change (bug 2, docs/adr/0007). Stories are filed in the
 * Newsdesk section and deleted at the end.
 */

const unique = () => randomBytes(3).toString('hex');
const storyForm = (page: Page) => page.getByRole('form', { name: 'Story' });
const authorsGroup = (page: Page) => storyForm(page).getByRole('group', { name: 'Authors' });
const toolbar = (page: Page) => storyForm(page).getByRole('toolbar', { name: 'Formatting' });
const linkQuestion = (page: Page) => storyForm(page).getByRole('group', { name: 'Insert a link' });

/** The toolbar exists only once the page runs in the browser: typing waits for it, so nothing typed is lost. */
async function whenInteractive(page: Page) {
  await expect(toolbar(page).getByRole('button', { name: 'Link' })).toBeVisible();
}

/**
 * Fills the new-story form (authors as the form ticks them, plus Ada with `ada`), runs `beforeCreate`, and creates the
 * draft; leaves the editor on its page and returns the story's paths.
 */
async function createDraft(page: Page, headline: string, body: string, { ada = false, beforeCreate }: { ada?: boolean; beforeCreate?: () => Promise<void> } = {}): Promise<PublishedStory> {
  await page.goto('/dashboard/articles/new');
  await whenInteractive(page);
  await beforeCreate?.();
  await storyField(page, 'Headline').fill(headline);
  await storyField(page, 'Standfirst').fill('A standfirst for the bylines, links and notes journeys.');
  await storyField(page, 'Section').selectOption({ label: fixture.desk.name });
  if (ada) await authorsGroup(page).getByLabel(fixture.ada.name).check();
  await storyField(page, 'Body (Markdown)').fill(body);
  await storyForm(page).getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft created' })).toBeVisible();
  await page.waitForURL(/\/dashboard\/articles\/\d+(\?|$)/);
  await whenInteractive(page);
  const editorPath = new URL(page.url()).pathname;
  const slug = await storyField(page, 'Slug').inputValue();
  return { headline, slug, path: `/${fixture.desk.slug}/${slug}`, editorPath };
}

async function save(page: Page, version: number) {
  await storyForm(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(new RegExp(`Saved at .* \\(version ${version}\\)`))).toBeVisible();
}

/** What an anonymous reader gets at `path` (through the page cache, as every reader does). */
async function asReader(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return response.text();
}

test('a contributor starting a story is ticked as its author, and a story with no author cannot go to review', async ({ browser }) => {
  test.slow();
  const contributor = await (await browser.newContext()).newPage();
  await signInAs(contributor, 'contributor', '/dashboard');
  const headline = `Harbour choir wins again ${unique()}`;

  // The new-story form comes with her own profile ticked (and nobody else's); the draft is saved with it.
  const story = await createDraft(contributor, headline, 'The choir sang three pieces.', {
    beforeCreate: async () => {
      await expect(authorsGroup(contributor).getByLabel(fixture.contributorProfile.name)).toBeChecked();
      await expect(authorsGroup(contributor).getByLabel(fixture.ada.name)).not.toBeChecked();
    },
  });
  await expect(authorsGroup(contributor).getByLabel(fixture.contributorProfile.name)).toBeChecked();

  // Without any author, the story is refused for review, and says why.
  await authorsGroup(contributor).getByLabel(fixture.contributorProfile.name).uncheck();
  await save(contributor, 2);
  await contributor.getByRole('button', { name: 'Submit for review' }).click();
  await expect(contributor.getByRole('form', { name: 'Submit for review' }).getByRole('alert')).toContainText('This story has no author, so it cannot be submitted for review');
  // Still a draft on the server.
  await contributor.reload();
  await expect(contributor.getByRole('button', { name: 'Submit for review' })).toBeVisible();

  // With the byline back, it goes.
  await whenInteractive(contributor);
  await authorsGroup(contributor).getByLabel(fixture.contributorProfile.name).check();
  await save(contributor, 3);
  await contributor.getByRole('button', { name: 'Submit for review' }).click();
  await expect(contributor.getByRole('status').filter({ hasText: 'Submitted for review' })).toBeVisible();

  // Tidy up: only an editor may delete it.
  const editor = await (await browser.newContext()).newPage();
  await signInAs(editor, 'editor', '/dashboard');
  await deleteStory(editor, story);
  await contributor.context().close();
  await editor.context().close();
});

test('the Link button asks for the address, checks it and inserts the link; Cancel inserts nothing; no toolbar without JavaScript', async ({ page, browser }) => {
  await signInAs(page, 'editor', '/dashboard');
  await page.goto('/dashboard/articles/new');
  await whenInteractive(page);
  const body = storyField(page, 'Body (Markdown)');
  const sentence = 'Read the tide tables before you sail.';
  await body.fill(sentence);
  // Select "the tide tables".
  await body.evaluate((element) => (element as HTMLTextAreaElement).setSelectionRange(5, 20));

  const link = toolbar(page).getByRole('button', { name: 'Link' });
  await link.click();
  await expect(link).toHaveAttribute('aria-expanded', 'true');
  const address = linkQuestion(page).getByLabel('Link address', { exact: true });
  await expect(address).toBeFocused();
  // Nothing is inserted before an address is given, and a wrong one is explained, not inserted.
  await expect(body).toHaveValue(sentence);
  await address.fill('www.example.org/tides');
  await linkQuestion(page).getByRole('button', { name: 'Insert link' }).click();
  await expect(linkQuestion(page).getByRole('alert')).toContainText('Start the address with https://');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(body).toHaveValue(sentence);
  await address.fill('javascript:alert(1)');
  await linkQuestion(page).getByRole('button', { name: 'Insert link' }).click();
  await expect(linkQuestion(page).getByRole('alert')).toContainText('Only web addresses can be linked');
  await expect(body).toHaveValue(sentence);

  await address.fill('https://example.org/tides');
  await linkQuestion(page).getByRole('button', { name: 'Insert link' }).click();
  await expect(body).toHaveValue('Read [the tide tables](https://example.org/tides) before you sail.');
  await expect(linkQuestion(page)).toHaveCount(0);
  await expect(link).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('region', { name: 'Live preview' }).getByRole('link', { name: 'the tide tables' })).toHaveAttribute('href', 'https://example.org/tides');

  // Cancel: the question closes and the text is as it was, with or without an address typed.
  const linked = await body.inputValue();
  await body.evaluate((element) => (element as HTMLTextAreaElement).setSelectionRange(0, 4));
  await link.click();
  await linkQuestion(page).getByLabel('Link address', { exact: true }).fill('/e2e-politics');
  await linkQuestion(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(linkQuestion(page)).toHaveCount(0);
  await expect(body).toHaveValue(linked);
  await expect(body).toBeFocused();
  await link.click();
  await expect(linkQuestion(page).getByLabel('Link address', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(linkQuestion(page)).toHaveCount(0);
  await expect(body).toHaveValue(linked);

  // Nothing selected: a placeholder to type over, linked to a page on this site; Enter inserts (it does not create the draft).
  const end = linked.length;
  await body.evaluate((element, at) => (element as HTMLTextAreaElement).setSelectionRange(at, at), end);
  await link.click();
  await linkQuestion(page).getByLabel('Link address', { exact: true }).fill(`/${fixture.politics.slug}/${fixture.lead.slug}`);
  await page.keyboard.press('Enter');
  await expect(body).toHaveValue(`${linked}[link text](/${fixture.politics.slug}/${fixture.lead.slug})`);
  await expect(page).toHaveURL(/\/dashboard\/articles\/new$/);

  // Without JavaScript there is no toolbar (its buttons could do nothing); the textarea is there to type in.
  const plain = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const noScript = await plain.newPage();
  await noScript.goto('/dashboard/articles/new');
  await expect(storyField(noScript, 'Body (Markdown)')).toBeVisible();
  await expect(storyForm(noScript).getByRole('toolbar')).toHaveCount(0);
  await expect(storyForm(noScript).getByRole('button', { name: 'Link' })).toHaveCount(0);
  await plain.close();
});

test('a note added while changes are staged reaches readers only with them, when an editor publishes the changes', async ({ page, request }) => {
  test.slow();
  const marker = unique();
  const wrong = `The levy was first proposed in 2024 (${marker}).`;
  const right = `The levy was first proposed in 2023 (${marker}).`;
  const note = `An earlier version of this story gave the wrong year for the levy (${marker}).`;
  await signInAs(page, 'editor', '/dashboard');
  const story = await createDraft(page, `Harbour levy agreed ${marker}`, wrong, { ada: true });
  const publish = page.getByRole('form', { name: /Publish/ });
  await publish.getByRole('radio', { name: 'Now' }).check();
  await publish.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  let read = await asReader(request, story.path);
  expect(read).toContain(wrong);

  // The fix, saved: staged, readers still have the old text.
  await page.goto(story.editorPath);
  await whenInteractive(page);
  await storyField(page, 'Body (Markdown)').fill(right);
  await save(page, 3);

  // The note form says, before it is sent, that the note will wait for the changes.
  const noteForm = page.getByRole('form', { name: 'Add a correction or update' });
  await expect(noteForm).toContainText('The note will wait with them');
  await noteForm.getByLabel('Note shown to readers').fill(note);
  await noteForm.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The note was added to the saved changes' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: note })).toContainText('not published yet');

  // Readers: neither the fix nor the note.
  read = await asReader(request, story.path);
  expect(read).toContain(wrong);
  expect(read).not.toContain(right);
  expect(read).not.toContain(note);

  // Publish changes: both at once.
  await page.getByRole('form', { name: /Publication/ }).getByRole('button', { name: 'Publish changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  await expect.poll(async () => (await asReader(request, story.path)).includes(note), { timeout: 5_000 }).toBe(true);
  read = await asReader(request, story.path);
  expect(read).toContain(right);
  expect(read).not.toContain(wrong);
  expect(read).toContain(note);
  await expect(page.getByRole('listitem').filter({ hasText: note })).not.toContainText('not published yet');

  // With nothing staged, the form says the note goes live at once.
  await expect(page.getByRole('form', { name: 'Add a correction or update' })).toContainText('Readers see the note at once');

  await deleteStory(page, story);
});
