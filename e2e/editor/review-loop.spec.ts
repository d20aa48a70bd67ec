import { randomBytes } from 'node:crypto';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { deleteStory, storyField, type PublishedStory } from '../support/desk';
import { shot } from '../support/shots';
import { signInAs, type Role } from '../support/sign-in';

/**
 * Issue 10, the review loop (docs/adr/0015): an editor sends a contributor's story back with a note, the contributor
 * finds it under "Sent back to me", fixes and resubmits it, and it is waiting for review again; desk notes on the
 * story never reach readers; "Mark as seen" on the dashboard home. With JavaScript and, for the main steps, without.
 * Stories are filed in the Newsdesk section and deleted at the end.
 */

const unique = () => randomBytes(3).toString('hex');
const storyForm = (page: Page) => page.getByRole('form', { name: 'Story' });
const region = (page: Page, name: string) => page.getByRole('region', { name });

/** At a laptop's and a phone's width: nothing on the page is wider than the screen (and a screenshot, see shots.ts). */
async function expectFitsScreens(page: Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await shot(page, `review-${name}-${width}`, { fullPage: true });
    // Nothing on the page is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width} px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** axe finds no serious or critical problem in the review loop's parts of the page. */
async function expectAccessible(page: Page, selectors: string[]) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  for (const selector of selectors) builder = builder.include(selector);
  const results = await builder.analyze();
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function staffPage(browser: Browser, role: Role, javaScriptEnabled = true): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await signInAs(page, role, '/dashboard');
  return page;
}

/** As the contributor: a new draft in the Newsdesk section (her own byline is ticked for her), submitted for review. */
async function submittedDraft(page: Page, headline: string): Promise<PublishedStory> {
  await page.goto('/dashboard/articles/new');
  await expect(storyForm(page).getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
  await storyField(page, 'Headline').fill(headline);
  await storyField(page, 'Standfirst').fill('A standfirst for the review loop journeys.');
  await storyField(page, 'Section').selectOption({ label: fixture.desk.name });
  await storyField(page, 'Body (Markdown)').fill('The ferry leaves at nine, the operator says.');
  await storyForm(page).getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft created' })).toBeVisible();
  await page.waitForURL(/\/dashboard\/articles\/\d+(\?|$)/);
  const editorPath = new URL(page.url()).pathname;
  const slug = await storyField(page, 'Slug').inputValue();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Submitted for review' })).toBeVisible();
  return { headline, slug, path: `/${fixture.desk.slug}/${slug}`, editorPath };
}

async function publishNow(page: Page) {
  const publish = page.getByRole('form', { name: /Publish/ });
  await publish.getByRole('radio', { name: 'Now' }).check();
  await publish.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
}

test('an editor sends a story back with a note; the contributor fixes and resubmits it; desk notes never reach readers; Mark as seen', async ({ browser, request }) => {
  // Several people, several pages, screenshots and axe: long on a 2-core machine shared with other suites.
  test.setTimeout(240_000);
  const marker = unique();
  const headline = `Ferry timetable changes ${marker}`;
  const sendBackNote = `Please check the times with the operator (${marker}).\nAnd add a quote from a passenger.`;
  const deskNote = `Internal: the operator confirmed by phone, ask for it in writing ${marker}.`;

  const contributor = await staffPage(browser, 'contributor');
  const story = await submittedDraft(contributor, headline);
  // A contributor cannot send back, assign or publish.
  await expect(contributor.getByRole('form', { name: 'Send back to writer' })).toHaveCount(0);
  await expect(contributor.getByRole('form', { name: 'Assigned to' })).toHaveCount(0);

  // The editor finds it waiting for review and sends it back with a note.
  const editor = await staffPage(browser, 'editor');
  await editor.goto('/dashboard');
  await region(editor, 'Waiting for review').getByRole('link', { name: headline }).click();
  await expect(editor).toHaveURL(new RegExp(`${story.editorPath}$`));
  const sendBack = editor.getByRole('form', { name: 'Send back to writer' });
  await sendBack.getByLabel('What needs to change').fill(sendBackNote);
  await expectFitsScreens(editor, 'editor-story-in-review');
  await expectAccessible(editor, ['#review', '#assign', '#desk-notes']);
  await sendBack.getByRole('button', { name: 'Send back to writer' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Sent back to the writer with your note' })).toBeVisible();
  await expect(editor.locator('.article-meta-line .status-badge')).toHaveText('Draft');
  await expect(editor.getByRole('region', { name: `Sent back to ${fixture.staff.contributor.name}` })).toContainText('Please check the times with the operator');
  await expect(editor.getByRole('list', { name: 'Notes on this story' })).toContainText(`${fixture.staff.editor.name} sent it back`);
  await expect(editor.getByRole('form', { name: 'Send back to writer' })).toHaveCount(0);
  // It is no longer waiting for review.
  await editor.goto('/dashboard');
  await expect(region(editor, 'Waiting for review').getByRole('link', { name: headline })).toHaveCount(0);

  // The contributor: under "Sent back to me", with the note's first line.
  await contributor.goto('/dashboard');
  const sentBack = region(contributor, 'Sent back to me');
  await expect(sentBack.getByRole('listitem').filter({ hasText: headline })).toContainText(`Please check the times with the operator (${marker}).`);
  await expect(sentBack.getByRole('listitem').filter({ hasText: headline })).toContainText(fixture.staff.editor.name);
  await expectFitsScreens(contributor, 'contributor-home-sent-back');
  await expectAccessible(contributor, ['#sent-back-to-me', '#assigned-to-me', '#waiting-for-review', '#published-since']);
  await sentBack.getByRole('link', { name: headline }).click();
  const banner = contributor.getByRole('region', { name: 'Sent back to you' });
  await expect(banner).toContainText('And add a quote from a passenger.');
  await expect(storyForm(contributor).getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
  await expectFitsScreens(contributor, 'contributor-story-sent-back');

  // She fixes it, leaves a desk note, and submits it again.
  await storyField(contributor, 'Body (Markdown)').fill('The ferry leaves at half past nine, the operator confirmed.\n\n"It suits me," said a passenger.');
  await storyForm(contributor).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(contributor.getByText(/Saved at .* \(version 4\)/)).toBeVisible();
  // KNOWN ISSUE (docs/adr/0015): a desk note sent right after Save, on the same page, is stored but the page then
  // showed the story as first loaded (no notice, old text in the box) until reloaded. Reloaded here until fixed.
  await contributor.reload();
  await expect(storyField(contributor, 'Body (Markdown)')).toHaveValue(/half past nine/);
  await expect(storyForm(contributor).getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
  const notes = contributor.getByRole('region', { name: /Desk notes/ });
  await notes.getByLabel('Note for the desk').fill(deskNote);
  await notes.getByRole('button', { name: 'Add desk note' }).click();
  await expect(contributor.getByRole('status').filter({ hasText: 'Your note was added for the desk' })).toBeVisible({ timeout: 20_000 });
  await expect(contributor.getByRole('list', { name: 'Notes on this story' }).getByRole('listitem')).toHaveCount(2);
  // The saved fix is still in the editor after the note's round trip.
  await expect(storyField(contributor, 'Body (Markdown)')).toHaveValue(/half past nine/);
  await expect(contributor.getByRole('list', { name: 'Notes on this story' })).toContainText(deskNote);
  await expectAccessible(contributor, ['section[aria-labelledby="sent-back-title"]', '#desk-notes']);
  await expect(storyForm(contributor).getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
  await contributor.getByRole('button', { name: 'Submit for review' }).click();
  await expect(contributor.getByRole('status').filter({ hasText: 'Submitted for review' })).toBeVisible();
  await expect(contributor.getByRole('region', { name: 'Sent back to you' })).toHaveCount(0);
  await contributor.goto('/dashboard');
  await expect(region(contributor, 'Sent back to me').getByRole('link', { name: headline })).toHaveCount(0);
  await expect(region(contributor, 'Sent back to me')).toContainText('Nothing has been sent back to you');
  await expect(region(contributor, 'Waiting for review').getByRole('link', { name: headline })).toBeVisible();

  // The editor sees it waiting for review again, reads the desk note, and publishes it.
  await editor.goto('/dashboard');
  await region(editor, 'Waiting for review').getByRole('link', { name: headline }).click();
  await expect(editor.getByRole('list', { name: 'Notes on this story' })).toContainText(deskNote);
  await publishNow(editor);

  // Readers never see a desk note: not on the page, in its JSON-LD, in the feed; nor does the editors' preview.
  const page = await request.get(story.path);
  expect(page.status()).toBe(200);
  const html = await page.text();
  expect(html).toContain(headline);
  expect(html).toContain('application/ld+json');
  expect(html).not.toContain('operator confirmed by phone');
  expect(html).not.toContain('Please check the times with the operator');
  const feed = await (await request.get('/feed.xml')).text();
  expect(feed).toContain(headline);
  expect(feed).not.toContain('Please check the times');
  expect(feed).not.toContain('operator confirmed by phone');
  const preview = await editor.context().request.get(`/api/preview?article=${story.editorPath.split('/').pop()}`);
  const previewHtml = await preview.text();
  expect(previewHtml).toContain(headline);
  expect(previewHtml).not.toContain('operator confirmed by phone');

  // "Published since you last looked": there until marked as seen.
  await editor.goto('/dashboard');
  const published = region(editor, 'Published since you last looked');
  await expect(published.getByRole('link', { name: headline })).toBeVisible();
  await expectFitsScreens(editor, 'editor-home');
  await published.getByRole('button', { name: 'Mark as seen' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Marked as seen' })).toBeVisible();
  await expect(published.getByRole('link', { name: headline })).toHaveCount(0);
  await expect(published).toContainText('Nothing new has been published since you last looked.');
  await expectFitsScreens(editor, 'editor-home-seen');

  await deleteStory(editor, story);
  await contributor.context().close();
  await editor.context().close();
});

test('without JavaScript: send back with a note, a refusal explained, resubmit, desk notes and Mark as seen', async ({ browser }) => {
  // Several people, several pages, screenshots and axe: long on a 2-core machine shared with other suites.
  test.setTimeout(240_000);
  const marker = unique();
  const headline = `Harbour wall repairs ${marker}`;

  // The draft is written with JavaScript (the editor form's own no-script journeys are elsewhere).
  const writer = await staffPage(browser, 'contributor');
  const story = await submittedDraft(writer, headline);

  const editor = await staffPage(browser, 'editor', false);
  await editor.goto('/dashboard');
  await region(editor, 'Waiting for review').getByRole('link', { name: headline }).click();
  // A second editor's page, opened now, will be out of date once the first sends the story back.
  const late = await staffPage(browser, 'admin', false);
  await late.goto(story.editorPath);

  await editor.getByLabel('What needs to change').fill(`Name the contractor (${marker}).`);
  await editor.getByRole('button', { name: 'Send back to writer' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Sent back to the writer with your note' })).toBeVisible();
  await expect(editor.getByRole('list', { name: 'Notes on this story' })).toContainText(`Name the contractor (${marker}).`);

  // The out-of-date page's send-back is refused, and the page says why.
  await late.getByLabel('What needs to change').fill('Me too.');
  await late.getByRole('button', { name: 'Send back to writer' }).click();
  await expect(late.getByRole('alert')).toContainText('Only a story in review can be sent back');
  await expectFitsScreens(late, 'no-js-refusal');

  // An editor's desk note, without JavaScript.
  await editor.getByLabel('Note for the desk').fill(`Legal has read it (${marker}).`);
  await editor.getByRole('button', { name: 'Add desk note' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Your note was added for the desk' })).toBeVisible();
  await expect(editor.getByRole('list', { name: 'Notes on this story' })).toContainText(`Legal has read it (${marker}).`);

  // Assigning, without JavaScript: to the admin, then back to the writer.
  await editor.getByLabel('Who this story waits on').selectOption({ label: `${fixture.staff.admin.name} (admin)` });
  await editor.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Assigned.' })).toBeVisible();
  await late.goto('/dashboard');
  await expect(region(late, 'Assigned to me').getByRole('link', { name: headline })).toBeVisible();
  await editor.getByLabel('Who this story waits on').selectOption({ label: `${fixture.staff.contributor.name} (writer)` });
  await editor.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Assigned.' })).toBeVisible();

  // The contributor, without JavaScript: her story is assigned to her (no longer "sent back": the editor reassigned it).
  const contributor = await staffPage(browser, 'contributor', false);
  await contributor.goto('/dashboard');
  await expect(region(contributor, 'Assigned to me').getByRole('link', { name: headline })).toBeVisible();
  await region(contributor, 'Assigned to me').getByRole('link', { name: headline }).click();
  await contributor.getByRole('button', { name: 'Submit for review' }).click();
  await expect(contributor.getByRole('status').filter({ hasText: 'Submitted for review' })).toBeVisible();
  await contributor.goto('/dashboard');
  await expect(region(contributor, 'Assigned to me').getByRole('link', { name: headline })).toHaveCount(0);
  await expect(region(contributor, 'Waiting for review').getByRole('link', { name: headline })).toBeVisible();

  // Published, then marked as seen by the admin, without JavaScript.
  const publisher = await staffPage(browser, 'editor');
  await publisher.goto(story.editorPath);
  await publishNow(publisher);
  await late.goto('/dashboard');
  const published = region(late, 'Published since you last looked');
  await expect(published.getByRole('link', { name: headline })).toBeVisible();
  await published.getByRole('button', { name: 'Mark as seen' }).click();
  await expect(late.getByRole('status').filter({ hasText: 'Marked as seen' })).toBeVisible();
  await expect(published.getByRole('link', { name: headline })).toHaveCount(0);

  await deleteStory(publisher, story);
  for (const page of [writer, editor, late, contributor, publisher]) await page.context().close();
});
