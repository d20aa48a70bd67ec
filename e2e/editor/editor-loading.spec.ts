import { randomBytes } from 'node:crypto';

import { expect, test, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { storyField } from '../support/desk';
import { signInAs } from '../support/sign-in';

/**
 * Issue 10, bug 9: what is typed while the editor is still loading is kept, once, in every field — typed into the
 * server's HTML before the page's JavaScript runs, or typed on while it hydrates — and the autosave saves exactly
 * that. The race is made deterministic by holding every script of the page until the test has typed.
 */

const unique = () => randomBytes(3).toString('hex');
const storyForm = (page: Page) => page.getByRole('form', { name: 'Story' });
const preview = (page: Page) => page.getByRole('region', { name: 'Live preview' });

/** Hydrated and running: the body's formatting toolbar exists only once the page's JavaScript runs. */
async function whenRunning(page: Page) {
  await expect(storyForm(page).getByRole('toolbar', { name: 'Formatting' })).toBeVisible({ timeout: 20_000 });
}

/** A draft of its own, in the journeys' Newsdesk section, written once the page runs; returns the editor's path. */
async function createDraft(page: Page, marker: string): Promise<string> {
  await page.goto('/dashboard/articles/new');
  await whenRunning(page);
  await storyField(page, 'Headline').fill(`Harbour bell recast ${marker}`);
  await storyField(page, 'Standfirst').fill('The standfirst the story was created with.');
  await storyField(page, 'Section').selectOption({ label: fixture.desk.name });
  await storyForm(page).getByRole('group', { name: 'Authors' }).getByLabel(fixture.ada.name).check();
  await storyField(page, 'Body (Markdown)').fill('The body the story was created with.\n\n## What happens next\n\nThe bell rings again in May.');
  await storyForm(page).getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft created' })).toBeVisible();
  await page.waitForURL(/\/dashboard\/articles\/\d+(\?|$)/);
  return new URL(page.url()).pathname;
}

/**
 * Opens `path` with every script of the page held back until `release()`: the server's HTML is on screen and can
 * be typed into, and React has not started. `held` lists the scripts waiting.
 */
async function openWithScriptsHeld(page: Page, path: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await page.route(/\/_next\/static\/.+\.js(\?|$)/, async (route) => {
    held.push(route.request().url());
    await released;
    await route.continue().catch(() => {});
  });
  await page.goto(path, { waitUntil: 'commit' });
  return { release, held };
}

/** True while React has not touched the page: hydration marks every element it adopts with its fiber. */
async function notHydrated(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const form = document.querySelector('form.article-editor');
    return form !== null && !Object.keys(form).some((key) => key.startsWith('__react'));
  });
}

/** The autosave (8 s after the last change) has saved the form. */
async function whenAutosaved(page: Page) {
  await expect(page.getByText('Unsaved changes.')).toBeVisible();
  await expect(page.getByText(/Saved at .* \(version \d+\)/)).toBeVisible({ timeout: 20_000 });
}

/** `label` holds exactly `text` after a reload, and in a page opened afresh (no form state a browser restores). */
async function savedAs(page: Page, editorPath: string, label: string, text: string) {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.reload();
  await expect(storyField(page, label)).toHaveValue(text);
  const fresh = await page.context().newPage();
  await fresh.goto(editorPath);
  await expect(storyField(fresh, label)).toHaveValue(text);
  if (label === 'Headline') await expect(fresh.getByRole('heading', { level: 1 })).toHaveText(text);
  await fresh.close();
}

for (const label of ['Body (Markdown)', 'Headline', 'Standfirst'] as const) {
  test(`text typed into the ${label} before the editor's scripts run is kept once and autosaved`, async ({ page }) => {
    // A draft, a page load held back, then the autosave's 8 s.
    test.slow();
    const marker = unique();
    await signInAs(page, 'editor', '/dashboard');
    const editorPath = await createDraft(page, marker);

    const typed = {
      'Body (Markdown)': `Typed while the editor loaded ${marker}.\n\n## Written before the scripts ran ${marker}\n\nThe last paragraph.`,
      Headline: `Headline typed while the editor loaded ${marker}`,
      Standfirst: `A standfirst typed while the editor loaded ${marker}.`,
    }[label];
    const scripts = await openWithScriptsHeld(page, editorPath);
    // Replaces the story's text in the server's HTML, as soon as the field is there.
    await storyField(page, label).fill(typed);
    await expect.poll(() => scripts.held.length).toBeGreaterThan(0);
    expect(await notHydrated(page)).toBe(true);

    scripts.release();
    await whenRunning(page);
    await expect(storyField(page, label)).toHaveValue(typed);
    // The body's state is that text too: the live preview is made from it.
    if (label === 'Body (Markdown)') await expect(preview(page).getByRole('heading', { name: `Written before the scripts ran ${marker}` })).toBeVisible();

    // Unsaved until the autosave, which saves exactly what was typed.
    await whenAutosaved(page);
    await expect(storyField(page, label)).toHaveValue(typed);
    await savedAs(page, editorPath, label, typed);
  });
}

test('the body keeps every key typed while the editor hydrates, once, in order', async ({ page }) => {
  test.slow();
  const marker = unique();
  await signInAs(page, 'editor', '/dashboard');
  const editorPath = await createDraft(page, marker);

  const scripts = await openWithScriptsHeld(page, editorPath);
  const body = storyField(page, 'Body (Markdown)');
  await body.fill('');
  const text = `Typed on while the scripts arrived ${marker} and the page woke up under the keys.`;
  // Typing starts on the server's HTML and goes on while the scripts load and React hydrates the page.
  const typing = body.pressSequentially(text, { delay: 50 });
  await expect(body).toHaveValue(/^Typed on/);
  expect(await notHydrated(page)).toBe(true);
  scripts.release();
  await typing;

  await whenRunning(page);
  await expect(body).toHaveValue(text);
  await whenAutosaved(page);
  await expect(body).toHaveValue(text);
  await savedAs(page, editorPath, 'Body (Markdown)', text);
});
