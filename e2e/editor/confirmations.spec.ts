import { randomBytes } from 'node:crypto';

import { expect, test, type Browser, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { publishStory, registerReader, type Account } from '../support/desk';
import { signInAs } from '../support/sign-in';

/**
 * Issue 10, "safe destructive actions" (ADR 0016): unpublish, delete, disable, section and tag deletion, tag merge
 * and the moderation queue's destructive and bulk decisions only ask first. The confirmation says what will happen;
 * Cancel (or Escape) leaves everything as it was; the confirmation's own button does it. Each journey runs with
 * JavaScript (a modal dialog) and without (a GET step and a plain form post).
 */

const unique = () => randomBytes(3).toString('hex');

/** A page of the same signed-in browser with or without scripts. */
async function asEditor(page: Page, browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  if (javaScriptEnabled) return page;
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  return context.newPage();
}

/** The destructive control opens the confirmation: a modal with JavaScript, part of the page without. */
async function ask(page: Page, control: string, title: string | RegExp, javaScriptEnabled: boolean) {
  await page.getByRole('link', { name: control, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/[?&]confirm=/);
  // With scripts it is modal (the rest of the page inert) and the safe choice has the focus.
  expect(await dialog.evaluate((element) => element.matches(':modal'))).toBe(javaScriptEnabled);
  if (javaScriptEnabled) await expect(dialog.getByRole('link', { name: 'Cancel' })).toBeFocused();
  return dialog;
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

  test(`unpublishing and deleting a story ask first; Cancel changes nothing (${mode})`, async ({ page, browser, request }) => {
    test.setTimeout(180_000);
    await signInAs(page, 'editor', '/dashboard');
    const story = await publishStory(page, `Pier repairs ${unique()}`);
    const desk = await asEditor(page, browser, javaScriptEnabled);
    await desk.goto(story.editorPath);

    // The danger controls are links outlined in red, apart from Publish, never a dark button like it.
    const unpublish = desk.getByRole('link', { name: 'Unpublish…' });
    const publishButton = desk.getByRole('button', { name: 'Update publication settings' });
    const [danger, primary] = await Promise.all([unpublish.evaluate((element) => getComputedStyle(element).backgroundColor), publishButton.evaluate((element) => getComputedStyle(element).backgroundColor)]);
    expect(danger).not.toBe(primary);
    expect(danger).toBe('rgba(0, 0, 0, 0)');

    let dialog = await ask(desk, 'Unpublish…', `Unpublish “${story.headline}”?`, javaScriptEnabled);
    await expect(dialog).toContainText(`Readers get “Page not found” (404) at ${story.path} at once`);
    await expect(dialog).toContainText('goes back to draft');
    await dialog.getByRole('link', { name: 'Cancel' }).click();
    await expect(desk.getByRole('dialog')).toHaveCount(0);
    await expect(desk).not.toHaveURL(/confirm=/);
    expect((await request.get(story.path)).status(), 'still live after Cancel').toBe(200);

    if (javaScriptEnabled) {
      // Escape is Cancel too.
      await ask(desk, 'Unpublish…', `Unpublish “${story.headline}”?`, true);
      await desk.keyboard.press('Escape');
      await expect(desk.getByRole('dialog')).toHaveCount(0);
      await expect(desk).not.toHaveURL(/confirm=/);
      expect((await request.get(story.path)).status()).toBe(200);
    }

    dialog = await ask(desk, 'Unpublish…', `Unpublish “${story.headline}”?`, javaScriptEnabled);
    await dialog.getByRole('button', { name: 'Yes, unpublish' }).click();
    await expect(desk.getByRole('status').filter({ hasText: 'Unpublished' })).toBeVisible();
    expect((await request.get(story.path)).status()).toBe(404);

    // Delete: Cancel keeps it; the confirmation deletes it for good.
    dialog = await ask(desk, 'Delete this story…', `Delete “${story.headline}” for good?`, javaScriptEnabled);
    await expect(dialog).toContainText('This cannot be undone.');
    await dialog.getByRole('link', { name: 'Cancel' }).click();
    await expect(desk.getByRole('heading', { level: 1, name: story.headline })).toBeVisible();
    dialog = await ask(desk, 'Delete this story…', `Delete “${story.headline}” for good?`, javaScriptEnabled);
    await dialog.getByRole('button', { name: 'Yes, delete for good' }).click();
    await expect(desk.getByRole('status')).toHaveText('The story was deleted.');
    expect((await desk.goto(story.editorPath))?.status()).toBe(404);
    if (!javaScriptEnabled) await desk.context().close();
  });

  test(`deleting a section and a tag, and merging tags, ask first; Cancel changes nothing (${mode})`, async ({ page, browser, request }) => {
    test.setTimeout(180_000);
    await signInAs(page, 'editor', '/dashboard/sections/new');
    const marker = unique();
    const section = `Lighthouses ${marker}`;
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(section);
    await page.getByRole('button', { name: 'Create section' }).click();
    await expect(page.getByRole('status')).toHaveText(`Section /lighthouses-${marker} created.`);
    await page.goto('/dashboard/tags');
    const [source, target] = [`Beacons ${marker}`, `Lamps ${marker}`];
    for (const name of [source, target]) {
      await page.getByRole('textbox', { name: 'Tag name' }).fill(name);
      await page.getByRole('button', { name: 'Create tag' }).click();
      await expect(page.getByRole('status')).toContainText('created');
    }
    const desk = await asEditor(page, browser, javaScriptEnabled);

    // Section.
    await desk.goto('/dashboard/sections');
    await desk.getByRole('main').getByRole('link', { name: section, exact: true }).click();
    let dialog = await ask(desk, `Delete “${section}”…`, `Delete the section “${section}”?`, javaScriptEnabled);
    await expect(dialog).toContainText(`its page /lighthouses-${marker} answers “Page not found” (404)`);
    await dialog.getByRole('link', { name: 'Cancel' }).click();
    await expect(desk.getByRole('dialog')).toHaveCount(0);
    expect((await request.get(`/lighthouses-${marker}`)).status()).toBe(200);
    dialog = await ask(desk, `Delete “${section}”…`, `Delete the section “${section}”?`, javaScriptEnabled);
    await dialog.getByRole('button', { name: 'Yes, delete the section' }).click();
    await expect(desk.getByRole('status')).toHaveText(`Section /lighthouses-${marker} deleted.`);
    expect((await request.get(`/lighthouses-${marker}`)).status()).toBe(404);

    // Merge: choosing the tag is a step of its own; Cancel keeps both tags.
    await desk.goto(`/dashboard/tags?q=${marker}`);
    await desk.getByRole('main').getByRole('link', { name: source, exact: true }).click();
    const merge = desk.getByRole('form', { name: 'Merge into another tag' });
    await merge.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: `${target} (/tag/lamps-${marker})` });
    await merge.getByRole('button', { name: `Merge “${source}” into the chosen tag…` }).click();
    dialog = desk.getByRole('dialog', { name: `Merge “${source}” into “${target}”?` });
    await expect(dialog).toContainText(`/tag/beacons-${marker} then redirects permanently (308) to /tag/lamps-${marker}`);
    await dialog.getByRole('link', { name: 'Cancel' }).click();
    await expect(desk.getByRole('dialog')).toHaveCount(0);
    expect((await request.get(`/tag/beacons-${marker}`, { maxRedirects: 0 })).status()).toBe(200);
    await merge.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: `${target} (/tag/lamps-${marker})` });
    await merge.getByRole('button', { name: `Merge “${source}” into the chosen tag…` }).click();
    await dialog.getByRole('button', { name: 'Yes, merge the tags' }).click();
    await expect(desk.getByRole('status')).toHaveText(`Tag /tag/beacons-${marker} merged into “${target}”.`);

    // Delete the survivor.
    dialog = await ask(desk, `Delete “${target}”…`, `Delete the tag “${target}”?`, javaScriptEnabled);
    await dialog.getByRole('link', { name: 'Cancel' }).click();
    await expect(desk.getByRole('heading', { level: 1, name: target })).toBeVisible();
    dialog = await ask(desk, `Delete “${target}”…`, `Delete the tag “${target}”?`, javaScriptEnabled);
    await dialog.getByRole('button', { name: 'Yes, delete the tag' }).click();
    await expect(desk.getByRole('status')).toHaveText(`Tag /tag/lamps-${marker} deleted.`);
    if (!javaScriptEnabled) await desk.context().close();
  });

  test(`disabling an account asks first; Cancel changes nothing (${mode})`, async ({ page, browser }) => {
    test.setTimeout(180_000);
    const marker = unique();
    const account: Account = { name: `Dora Disabled ${marker}`, email: `confirm-${marker}@example.org`, password: 'a long enough password' };
    const theirs = await browser.newContext();
    const them = await theirs.newPage();
    await registerReader(them, account, '/');

    await signInAs(page, 'admin', `/dashboard/people?q=${encodeURIComponent(account.email)}`);
    await page.getByRole('main').getByRole('link', { name: account.name }).click();
    await page.waitForURL(/\/dashboard\/people\/[0-9a-f-]{36}$/);
    const personPath = new URL(page.url()).pathname;
    const desk = await asEditor(page, browser, javaScriptEnabled);
    await desk.goto(personPath);
    let dialog = await ask(desk, 'Disable account…', `Disable ${account.name}’s account?`, javaScriptEnabled);
    await expect(dialog).toContainText('They are signed out on every device at once');
    await dialog.getByRole('link', { name: 'Cancel' }).click();
    await expect(desk.getByRole('dialog')).toHaveCount(0);
    await them.reload();
    await expect(them.getByText('Signed in as')).toContainText(account.name);

    dialog = await ask(desk, 'Disable account…', `Disable ${account.name}’s account?`, javaScriptEnabled);
    await dialog.getByRole('button', { name: 'Yes, disable the account' }).click();
    await expect(desk.getByRole('status')).toHaveText('Account disabled. Every session of it has ended.');
    await them.reload();
    await expect(them.getByText('Signed in as')).toHaveCount(0);
    await theirs.close();
    if (!javaScriptEnabled) await desk.context().close();
  });

  test(`the moderation queue asks before rejecting, banning and any bulk decision; Cancel changes nothing (${mode})`, async ({ page, browser }) => {
    test.setTimeout(180_000);
    const marker = unique();
    const story = `/${fixture.politics.slug}/${fixture.budget.slug}`;
    const account: Account = { name: `Mo Moderated ${marker}`, email: `queue-${marker}@example.org`, password: 'a long enough password' };
    const theirs = await browser.newContext();
    const them = await theirs.newPage();
    await registerReader(them, account, story);
    const thread = them.getByRole('region', { name: /Comments/ });
    const texts = [`First held comment ${marker}`, `Second held comment ${marker}`];
    for (const text of texts) {
      await thread.getByLabel('Your comment', { exact: true }).fill(text);
      await thread.getByRole('button', { name: 'Post comment' }).click();
      await expect(thread.getByRole('status').filter({ hasText: 'awaiting moderation' })).toBeVisible();
      await them.reload();
    }
    await theirs.close();

    await signInAs(page, 'editor', '/dashboard/comments');
    const desk = await asEditor(page, browser, javaScriptEnabled);
    await desk.goto('/dashboard/comments');
    const row = (text: string) => desk.getByRole('main').locator('li.moderation-item:visible').filter({ hasText: text });

    // One row's Reject asks, naming the comment; Cancel leaves it pending.
    let dialog = await (async () => {
      await row(texts[0]!).getByRole('link', { name: 'Reject…' }).click();
      const opened = desk.getByRole('dialog', { name: `Reject ${account.name}’s comment?` });
      await expect(opened).toBeVisible();
      return opened;
    })();
    await expect(dialog).toContainText(texts[0]!);
    await expect(dialog).toContainText('It is taken off its story for readers at once');
    await dialog.getByRole('link', { name: 'Cancel' }).click();
    await expect(desk.getByRole('dialog')).toHaveCount(0);
    await expect(row(texts[0]!).getByText('pending', { exact: true })).toBeVisible();

    // Ban asks too; Cancel: the reader is not banned.
    await row(texts[0]!).getByText('More actions', { exact: true }).click();
    await row(texts[0]!).getByRole('link', { name: `Ban ${account.name}…` }).click();
    dialog = desk.getByRole('dialog', { name: `Ban ${account.name} from commenting?` });
    await expect(dialog).toContainText('a notice stands where the comment and reply forms were');
    await dialog.getByRole('link', { name: 'Cancel' }).click();
    await expect(row(texts[0]!)).not.toContainText('banned from commenting');

    // Bulk: both ticked, Delete chosen; the confirmation lists them; it deletes both and says so.
    for (const text of texts) await row(text).getByRole('checkbox').check();
    await desk.getByRole('combobox', { name: 'With the ticked comments' }).selectOption('delete');
    await desk.getByRole('button', { name: 'Apply to ticked comments…' }).click();
    dialog = desk.getByRole('dialog', { name: 'Delete 2 comments?' });
    await expect(dialog.getByRole('listitem')).toHaveCount(2);
    for (const text of texts) await expect(dialog).toContainText(text);
    await dialog.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(desk.getByRole('status')).toHaveText('2 comments were deleted.');
    await expect(desk).not.toHaveURL(/confirm=/);
    for (const text of texts) await expect(row(text)).toHaveCount(0);
    await desk.goto('/dashboard/comments?tab=all');
    for (const text of texts) await expect(row(text).getByText('deleted', { exact: true })).toBeVisible();
    if (!javaScriptEnabled) await desk.context().close();
  });
}
