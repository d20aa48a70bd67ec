import { randomBytes } from 'node:crypto';

import { expect, test, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { deleteStory, publishStory, storyField } from '../support/desk';
import { signIn, signInAs } from '../support/sign-in';

const unique = () => randomBytes(3).toString('hex');
const storyForm = (page: Page) => page.getByRole('form', { name: 'Story' });
const RESTORED = 'The revision was restored as the latest version.';

/** Saves a new headline and body from a freshly opened editor (so no autosave timer runs on after the save). */
async function saveChange(page: Page, editorPath: string, change: { headline: string; body: string; version: number }) {
  await page.goto(editorPath);
  await storyField(page, 'Headline').fill(change.headline);
  await storyField(page, 'Body (Markdown)').fill(change.body);
  await storyForm(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(new RegExp(`Saved at .* \\(version ${change.version}\\)`))).toBeVisible();
}

/** The deepest nesting of <form> elements in the server's HTML (the browser's parser would hide a nested one). */
function formNesting(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [tag] of html.matchAll(/<\/?form\b/gi)) {
    depth += tag.startsWith('</') ? -1 : 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** The first cell of each revision's row: its version number (and a Live or Not yet published badge). */
const versionCells = (page: Page) => page.getByRole('region', { name: 'Revisions' }).locator('tbody tr td:first-child');
const headlineCells = (page: Page) => page.getByRole('region', { name: 'Revisions' }).locator('tbody tr td:nth-child(4)');

test('an editor restores an earlier version from the History page, with and without JavaScript', async ({ page, browser }) => {
  // A story, two saves, two restores, in two browsers.
  test.slow();
  const marker = unique();
  const headline = `Night ferry returns ${marker}`;
  await signInAs(page, 'editor', '/dashboard');
  // Version 1 (the draft, a revision), version 2 (publication: no text saved, so no revision).
  const story = await publishStory(page, headline);
  const firstBody = await storyField(page, 'Body (Markdown)').inputValue();
  const second = { headline: `${headline}, second`, body: `The second text ${marker}.`, version: 3 };
  const third = { headline: `${headline}, third`, body: `The third text ${marker}.`, version: 4 };
  await saveChange(page, story.editorPath, second);
  await saveChange(page, story.editorPath, third);

  // The History page: valid HTML (no form inside a form), every save listed, and the missing number explained.
  // A form inside a form is dropped by the HTML parser, so React's hydration fails (minified error #418).
  const hydrationErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /#418\b|hydrat/i.test(message.text())) hydrationErrors.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/#418\b|hydrat/i.test(`${error.message}\n${error.stack ?? ''}`)) hydrationErrors.push(error.message);
  });
  const historyPath = `${story.editorPath}/history`;
  expect(formNesting(await (await page.request.get(historyPath)).text())).toBe(1);
  await page.goto(historyPath);
  await expect(page.getByRole('heading', { level: 1, name: `History: ${third.headline}` })).toBeVisible();
  await expect(versionCells(page)).toHaveText([/^4\b/, /^3\b/, /^1\b/]);
  await expect(headlineCells(page)).toHaveText([third.headline, second.headline, headline]);
  const unlisted = page.getByRole('region', { name: 'Revisions' }).getByText('Version 2 is not listed:');
  await expect(unlisted).toBeVisible();
  await expect(unlisted).toContainText('publishing');
  await expect(page.getByRole('button', { name: 'Restore version 4' })).toHaveCount(0);
  // Once hydrated (a failed hydration re-renders the page on the client, nested forms and all).
  await page.waitForLoadState('networkidle');
  await expect(page.locator('form form')).toHaveCount(0);

  // Compare still works, its radios outside its form.
  await page.getByRole('radio', { name: 'Compare from version 1' }).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Changes from version 1 to version 4' })).toContainText('Headline');
  await expect(page.locator('form form')).toHaveCount(0);

  // With JavaScript: restore version 1.
  await page.getByRole('button', { name: 'Restore version 1' }).click();
  await expect(page.getByRole('status').filter({ hasText: RESTORED })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${story.editorPath}\\?notice=restored$`));
  await expect(storyField(page, 'Headline')).toHaveValue(headline);
  await expect(storyField(page, 'Body (Markdown)')).toHaveValue(firstBody);
  expect(hydrationErrors).toEqual([]);

  // The restore is a new version (5) holding version 1's text; nothing was rewritten.
  await page.goto(historyPath);
  await expect(versionCells(page)).toHaveText([/^5\b/, /^4\b/, /^3\b/, /^1\b/]);
  await expect(headlineCells(page)).toHaveText([headline, third.headline, second.headline, headline]);
  await expect(page.getByRole('region', { name: 'Revisions' }).getByText('Version 2 is not listed:')).toBeVisible();
  expect(hydrationErrors).toEqual([]);

  // Without JavaScript: compare, then restore version 3, with plain form posts.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  // Signing in through the form without JavaScript, too (a plain form post).
  await signIn(plain, fixture.staff.editor, historyPath);
  await plain.goto(historyPath);
  await expect(plain.locator('form form')).toHaveCount(0);
  await expect(versionCells(plain)).toHaveText([/^5\b/, /^4\b/, /^3\b/, /^1\b/]);
  await plain.getByRole('radio', { name: 'Compare from version 3' }).check();
  await plain.getByRole('radio', { name: 'Compare to version 4' }).check();
  await plain.getByRole('button', { name: 'Compare', exact: true }).click();
  const changes = plain.getByRole('region', { name: 'Changes from version 3 to version 4' });
  await expect(changes).toContainText('Headline');
  // One word of the body changed ("second" to "third"): only that word is marked, inside the line, and a screen
  // reader hears which words were deleted and inserted.
  const editedLine = changes.getByRole('listitem').filter({ has: plain.locator('del') });
  await expect(editedLine).toHaveText(`The [deleted: second][inserted: third] text ${marker}.`);
  await expect(editedLine.locator('del')).toHaveText('[deleted: second]');
  await expect(editedLine.locator('ins')).toHaveText('[inserted: third]');
  await expect(editedLine.locator('del')).toHaveCSS('text-decoration-line', 'line-through');
  await plain.getByRole('button', { name: 'Restore version 3' }).click();
  await expect(plain.getByRole('status').filter({ hasText: RESTORED })).toBeVisible();
  await expect(plain).toHaveURL(new RegExp(`${story.editorPath}\\?notice=restored$`));
  await expect(storyField(plain, 'Headline')).toHaveValue(second.headline);
  await expect(storyField(plain, 'Body (Markdown)')).toHaveValue(second.body);
  await plain.goto(historyPath);
  await expect(versionCells(plain)).toHaveText([/^6\b/, /^5\b/, /^4\b/, /^3\b/, /^1\b/]);
  await expect(headlineCells(plain).first()).toHaveText(second.headline);
  await context.close();

  // Tidy up: the front page belongs to the reader journeys.
  await deleteStory(page, story);
});

test('an explicit Save leaves nothing for the autosave: no second, identical version a few seconds later', async ({ page }) => {
  test.slow();
  await signInAs(page, 'editor', '/dashboard');
  const story = await publishStory(page, `Pier lights restored ${unique()}`);
  await page.goto(story.editorPath);
  await storyField(page, 'Headline').fill(`${story.headline}, at last`);
  await storyForm(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Saved at .* \(version 3\)/)).toBeVisible();
  // Past the autosave delay (8 s), on the same page: still version 3.
  await page.waitForTimeout(9_500);
  await expect(page.getByText(/Saved at .* \(version 3\)/)).toBeVisible();
  await page.goto(`${story.editorPath}/history`);
  await expect(versionCells(page).first()).toHaveText(/^3\b/);
  await deleteStory(page, story);
});
