import { expect, test, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { shot } from '../support/shots';
import { signInAs } from '../support/sign-in';

/**
 * Issue 10, "tags one by one": the tag field suggested existing tags only for the first tag of the comma list (a
 * datalist matches the whole value). Now it suggests for the tag being typed, by keyboard and by pointer.
 */

const tagsField = (page: Page) => page.getByRole('form', { name: 'Story' }).getByRole('combobox', { name: 'Tags', exact: true });
const suggestions = (page: Page) => page.getByRole('listbox', { name: 'Existing tags' });

test('the tag field suggests for the second and third tag, with the keyboard and the pointer', async ({ page }) => {
  await signInAs(page, 'editor', '/dashboard/articles/new');
  const field = tagsField(page);
  // Hydrated: the combobox answers typing.
  await field.click();
  await field.pressSequentially('Budget, flo');
  await expect(field).toHaveAttribute('aria-expanded', 'true');
  await expect(suggestions(page).getByRole('option')).toHaveText([fixture.rareTag.name]);
  await shot(page, 'tag-suggestions-1366');

  // Keyboard: down to the suggestion, Enter takes it (and does not submit the form).
  await page.keyboard.press('ArrowDown');
  await expect(suggestions(page).getByRole('option', { name: fixture.rareTag.name })).toHaveAttribute('aria-selected', 'true');
  await expect(field).toHaveAttribute('aria-activedescendant', /.+/);
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue(`Budget, ${fixture.rareTag.name}, `);
  await expect(field).toHaveAttribute('aria-expanded', 'false');
  await expect(page).toHaveURL(/\/dashboard\/articles\/new$/);

  // The third tag: by pointer, matched inside the name too.
  await field.pressSequentially('govern');
  await suggestions(page).getByRole('option', { name: fixture.commonTag.name }).click();
  await expect(field).toHaveValue(`Budget, ${fixture.rareTag.name}, ${fixture.commonTag.name}, `);
  await expect(field).toBeFocused();

  // A tag already in the list is not offered again; Escape closes the list.
  await field.pressSequentially('flo');
  await expect(suggestions(page)).toBeHidden();
  await field.press('Backspace');
  await field.press('Backspace');
  await field.press('Backspace');
  await field.pressSequentially('loc');
  await expect(suggestions(page)).toBeHidden();
  await field.fill('Budget, lo');
  await field.press('End');
  await field.pressSequentially('c');
  await expect(suggestions(page).getByRole('option')).toHaveText([fixture.commonTag.name]);
  await page.keyboard.press('Escape');
  await expect(suggestions(page)).toBeHidden();
});
