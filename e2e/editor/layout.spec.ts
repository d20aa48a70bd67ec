import { randomBytes } from 'node:crypto';

import { expect, test, type Locator } from '@playwright/test';
import sharp from 'sharp';

import { fixture } from '../fixtures/newsroom';
import { deleteStory, publishStory } from '../support/desk';
import { shot } from '../support/shots';
import { signIn, signInAs } from '../support/sign-in';

/**
 * Issue 10, bug 8: boxes that were too narrow or spilled out of their frame, on a laptop (1366 px) and a phone
 * (390 px). Each check measures the real layout (with a screenshot of each when SHOTS_DIR is set, see shots.ts).
 */

const SCREENS = [
  { name: 'laptop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

async function box(locator: Locator) {
  const measured = await locator.boundingBox();
  expect(measured, `${locator} is laid out`).not.toBeNull();
  return measured!;
}

/** `inner` lies within `outer` horizontally (a pixel of rounding allowed). */
async function expectInside(inner: Locator, outer: Locator) {
  const [a, b] = [await box(inner), await box(outer)];
  expect(a.x, `${inner} starts inside ${outer}`).toBeGreaterThanOrEqual(b.x - 1);
  expect(a.x + a.width, `${inner} ends inside ${outer}`).toBeLessThanOrEqual(b.x + b.width + 1);
}

for (const screen of SCREENS) {
  test(`the story editor's picture fields stay inside their frame and the Markdown box is wide enough (${screen.name}, ${screen.width} px)`, async ({ page }) => {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await signInAs(page, 'editor', '/dashboard');
    // A picture whose alt text is a long sentence, as a newsroom's are: it must wrap inside its card in the picker's grid
    // (the old Picture drop-down was as wide as its longest option).
    const png = await sharp({ create: { width: 320, height: 180, channels: 3, background: '#5d7c2f' } }).png().toBuffer();
    const alt = `The lighthouse keeper's cottage on the north headland at dusk, seen from the harbour wall, with the old lamp room lit for the open day and a queue of visitors on the path ${randomBytes(3).toString('hex')}`;
    const upload = await page.request.post('/api/images', { headers: { Origin: new URL(page.url()).origin }, multipart: { file: { name: 'cottage.png', mimeType: 'image/png', buffer: png }, alt, credit: 'Layout test' }, maxRedirects: 0 });
    expect(upload.status()).toBe(303);
    const story = await publishStory(page, `Lighthouse open day ${randomBytes(3).toString('hex')}`);
    await page.goto(story.editorPath);
    const hero = page.getByRole('group', { name: 'Hero picture' });
    for (const label of ['Search pictures', 'Alt text', 'Caption']) await expectInside(hero.getByLabel(label, { exact: true }), hero);
    await expectInside(hero.getByRole('listitem').filter({ hasText: alt }), hero);
    const frame = await box(hero);
    expect(frame.x + frame.width, 'the frame itself stays on the screen').toBeLessThanOrEqual(screen.width);

    const body = page.getByRole('form', { name: 'Story' }).getByLabel('Body (Markdown)', { exact: true });
    const form = page.getByRole('form', { name: 'Story' });
    await expectInside(body, form);
    // The writing box takes the editor's width, or half of it when the preview sits beside it on a wide editor.
    const bodyWidth = (await box(body)).width;
    expect(bodyWidth, 'the Markdown box is a comfortable width').toBeGreaterThanOrEqual(Math.min(480, (await box(form)).width - 2));
    await hero.scrollIntoViewIfNeeded();
    await shot(page, `layout-editor-${screen.name}`);
    await deleteStory(page, story);
  });

  test(`a reader's Edit box takes the comment's width and closes once the change is saved (${screen.name}, ${screen.width} px)`, async ({ page }) => {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    const story = `/${fixture.politics.slug}/${fixture.lead.slug}`;
    await signIn(page, fixture.editingCommenter, story);
    const marker = randomBytes(3).toString('hex');
    await page.getByLabel('Your comment', { exact: true }).fill(`A note on the walls ${marker}`);
    await page.getByRole('button', { name: 'Post comment' }).click();
    const mine = page.locator('.comment').filter({ hasText: marker }).first();
    await mine.getByText('Edit', { exact: true }).click();
    const editBox = mine.getByLabel('Edit your comment');
    await expect(editBox).toBeVisible();
    const [boxWidth, commentWidth] = [(await box(editBox)).width, (await box(mine)).width];
    expect(boxWidth, `the Edit box is ${boxWidth} px in a comment of ${commentWidth} px`).toBeGreaterThanOrEqual(commentWidth * 0.85);
    await shot(page, `layout-comment-edit-${screen.name}`);

    await editBox.fill(`A note on the sea walls ${marker}`);
    await mine.getByRole('button', { name: 'Save changes' }).click();
    const edited = page.locator('.comment').filter({ hasText: `A note on the sea walls ${marker}` }).first();
    await expect(edited).toContainText('(edited)');
    await expect(edited.getByLabel('Edit your comment')).toBeHidden();
    await expect(edited.locator('details:has(> summary:text-is("Edit"))')).not.toHaveAttribute('open', /.*/);

    await edited.getByText('Delete', { exact: true }).click();
    await edited.getByRole('button', { name: 'Yes, delete my comment' }).click();
    await expect(page.locator('.comment').filter({ hasText: marker })).toHaveCount(0);
  });
}

test('on a phone the dashboard never scrolls sideways: wide tables scroll inside the page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, 'editor', '/dashboard');
  for (const path of ['/dashboard', '/dashboard/articles', '/dashboard/articles/new', '/dashboard/comments?tab=all']) {
    await page.goto(path);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths.page, path).toBeLessThanOrEqual(widths.viewport);
  }
});
